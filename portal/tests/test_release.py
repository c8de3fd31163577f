"""Every cache key carries the release, so a deploy never serves what an older one made."""

from django.conf import settings

from portal.release import release_token


def make_release(root, template="<p>old</p>"):
    (root / "templates").mkdir(parents=True, exist_ok=True)
    (root / "templates" / "page.html").write_text(template)
    (root / "portal").mkdir(exist_ok=True)
    (root / "portal" / "views.py").write_text("ANSWER = 1\n")
    return root


def test_a_changed_template_is_a_new_release(tmp_path):
    root = make_release(tmp_path)
    before = release_token(root)
    assert release_token(root) == before  # every worker of a release agrees
    make_release(root, "<p>new</p>")
    assert release_token(root) != before


def test_data_beside_the_code_is_not_part_of_the_release(tmp_path):
    root = make_release(tmp_path)
    before = release_token(root)
    (root / "media").mkdir()
    (root / "media" / "upload.png").write_bytes(b"\x89PNG")
    (root / "var" / "cache").mkdir(parents=True)
    (root / "var" / "cache" / "entry.json").write_text("{}")
    assert release_token(root) == before


def test_a_named_release_is_taken_as_it_is(tmp_path):
    assert release_token(make_release(tmp_path), "3b04e44") == "3b04e44"


def test_the_site_cache_keys_carry_the_release():
    from portal.settings import base

    assert base.CACHES["default"]["KEY_PREFIX"] == release_token(settings.BASE_DIR)
