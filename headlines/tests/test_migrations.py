"""The migration that turned a boolean per language into one list of the lists showing translations."""

import importlib
from types import SimpleNamespace

import pytest

migration = importlib.import_module(
    "headlines.migrations.0004_language_table_and_lists_showing_translations"
)


@pytest.mark.parametrize(
    "english, mongolian, lists",
    [(False, False, []), (True, False, ["en"]), (False, True, ["mn"]), (True, True, ["en", "mn"])],
)
def test_the_old_booleans_become_the_list_and_back(english, mongolian, lists):
    old = SimpleNamespace(
        english_list_shows_translations=english, mongolian_list_shows_translations=mongolian
    )

    assert migration.lists_from_flags(old) == lists
    assert migration.flags_from_lists(SimpleNamespace(lists_showing_translations=lists)) == {
        "english_list_shows_translations": english,
        "mongolian_list_shows_translations": mongolian,
    }
