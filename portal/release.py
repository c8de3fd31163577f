"""The release a process runs: a token of everything that decides what a page looks like.

Pages and fragments in the shared cache were made by one release's code, templates,
catalogue and static files (whose hashed names the pages link to). A new release must never
serve what an older one made, so the cache's KEY_PREFIX is this token: after a deploy every
key is new and the old entries simply expire. RELEASE_ID in the environment names a release
(a deploy's commit, say); without it the token is a digest of the files themselves, which
every worker of a release computes alike.
"""

import hashlib
import os
from pathlib import Path

# What makes a page: code, templates, styles, pictures, the compiled catalogue.
SUFFIXES = {".py", ".html", ".txt", ".xml", ".css", ".js", ".svg", ".png", ".mo", ".json"}
# Not part of a release: the environment, data, caches, collected copies, tests.
SKIPPED = {".git", ".venv", "node_modules", "media", "var", "static_collected", "tests"}
SKIPPED_PREFIXES = ("test-artifacts",)


def release_token(root: Path, named: str = "") -> str:
    if named:
        return named
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if name not in SKIPPED and not name.startswith(SKIPPED_PREFIXES)
        )
        for name in sorted(files):
            path = Path(folder, name)
            if path.suffix in SUFFIXES:
                digest.update(str(path.relative_to(root)).encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
