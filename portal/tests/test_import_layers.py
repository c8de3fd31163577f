"""The house's apps import one way, downward, so each can be read without the ones above it.

portal -> editorial -> contributions, breaking_news, search -> articles -> authors, headlines
-> bilingual
(Tests may build a whole site, so `tests/` folders are left out.)
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = {
    "portal": 5,
    "editorial": 4,
    "contributions": 3,
    "breaking_news": 3,
    "articles": 2,
    "search": 3,
    "authors": 1,
    "headlines": 1,
    "bilingual": 0,
}


def imported_apps(path: Path) -> set[str]:
    """The project's apps a module imports, read from its source (nothing is executed)."""
    apps = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        apps |= {name.split(".")[0] for name in names} & LAYERS.keys()
    return apps


def upward_imports(app: str, root: Path = ROOT) -> list[str]:
    return [
        f"{path.relative_to(root)} imports {other}"
        for path in sorted((root / app).rglob("*.py"))
        if "tests" not in path.relative_to(root).parts
        for other in sorted(imported_apps(path))
        if other != app and LAYERS[other] >= LAYERS[app]
    ]


@pytest.mark.parametrize("app", LAYERS)
def test_an_app_imports_only_the_layers_below_it(app):
    assert upward_imports(app) == []


def test_the_check_sees_an_upward_or_sideways_import(tmp_path):
    module = tmp_path / "authors" / "stray.py"
    module.parent.mkdir()
    module.write_text(
        "from articles.models import ArticlePage\nimport headlines\nimport bilingual\n"
    )

    assert upward_imports("authors", tmp_path) == [
        "authors/stray.py imports articles",
        "authors/stray.py imports headlines",
    ]
