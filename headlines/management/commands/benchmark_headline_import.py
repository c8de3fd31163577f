"""python manage.py benchmark_headline_import [--rows 10000]: time import_headlines on a CSV.

Everything is rolled back afterwards (unless --keep), so it is safe on a working database.
"""

import io
import tempfile
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from headlines.models import Headline


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Generate N headlines in a temporary CSV, import them twice, print rows per second."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)
        parser.add_argument("--keep", action="store_true", help="Keep the imported headlines.")

    def handle(self, *args, rows, keep, **options):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "benchmark.csv"
            path.write_text(self.csv(rows), encoding="utf-8")
            try:
                with transaction.atomic():
                    before = Headline.objects.count()
                    first = self.timed(path)
                    created = Headline.objects.count() - before
                    second = self.timed(path)
                    if not keep:
                        raise Rollback
            except Rollback:
                pass
        self.stdout.write(
            f"{rows} rows: first import {first:.2f} s ({rows / first:,.0f} rows/s, "
            f"{created} created); re-import {second:.2f} s ({rows / second:,.0f} rows/s, "
            f"nothing created)" + ("" if keep else "; rolled back")
        )

    @staticmethod
    def csv(rows: int) -> str:
        lines = ["title,url,published,language,title_mn"]
        for n in range(rows):
            lines.append(
                f"BENCHMARK HEADLINE {n} ABOUT MINING AND TRADE,"
                f"https://www.bench{n % 25}.mn/news/{n}?utm_source=feed&fbclid=x,"
                f"2025-{1 + n % 12:02d}-{1 + n % 28:02d},en,ЖИШИГ ГАРЧИГ {n}"
            )
        return "\n".join(lines) + "\n"

    @staticmethod
    def timed(path) -> float:
        start = time.perf_counter()
        call_command("import_headlines", str(path), "--publish", stdout=io.StringIO())
        return time.perf_counter() - start
