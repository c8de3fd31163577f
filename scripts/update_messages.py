"""Refresh the Mongolian catalogue from the code, fill it from translation files, compile it.

    python scripts/update_messages.py [--from FILE.po ...]

Needs GNU gettext (xgettext, msgfmt) on the machine; the compiled .mo is committed,
so nobody else needs it. Exits non-zero while any string is untranslated.
"""

import argparse
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "mn" / "LC_MESSAGES" / "django.po"
IGNORED = [".venv", "test-artifacts", "static_collected", "media", "*/tests/*", "scripts"]


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--from", dest="sources", nargs="*", default=[], type=Path)
    options = parser.parse_args()

    manage("makemessages", "-l", "mn", "--no-location", *[f"--ignore={i}" for i in IGNORED])
    known = {}
    for source in options.sources:
        for entry in polib.pofile(str(source)):
            if entry.translated():
                known[(entry.msgctxt, entry.msgid)] = entry

    catalogue = polib.pofile(str(CATALOGUE))
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    for entry in catalogue:
        found = known.get((entry.msgctxt, entry.msgid))
        if found and (not entry.translated() or "fuzzy" in entry.flags):
            entry.msgstr = found.msgstr
            entry.msgstr_plural = dict(found.msgstr_plural)
        if "fuzzy" in entry.flags and found:
            entry.flags.remove("fuzzy")
    catalogue.save()
    manage("compilemessages", "-l", "mn", "--ignore=.venv")

    missing = [e.msgid for e in catalogue if not e.translated() and not e.obsolete]
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    print(f"{len(catalogue.translated_entries())} translated, {len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
