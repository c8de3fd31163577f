"""The app's views: the public archive (`archive`) and the admin's import tool (`importing`).

The RSS feeds are `headlines.feeds`.
"""
