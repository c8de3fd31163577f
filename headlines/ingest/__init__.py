"""Ingest: one pipeline (parse, validate, de-duplicate, save) behind every door.

The doors are `import_headlines`, `fetch_headlines` and the admin's paste view;
each calls `pipeline.run_import` and shows the `Report` it returns.
"""
