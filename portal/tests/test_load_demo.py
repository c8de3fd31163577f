import pytest
from django.apps import apps
from django.core.management import call_command

from articles.models import ArticlePage
from authors.models import Author
from headlines.models import Headline, Source
from portal.models import HomePage

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("portal", "articles", "authors", "headlines")


def row_counts():
    counts = {
        model._meta.label: model.objects.count()
        for app in PROJECT_APPS
        for model in apps.get_app_config(app).get_models()
    }
    counts["images"] = apps.get_model("wagtailimages", "Image").objects.count()
    counts["pages"] = apps.get_model("wagtailcore", "Page").objects.count()
    counts["revisions"] = apps.get_model("wagtailcore", "Revision").objects.count()
    return counts


def test_load_demo_builds_the_seed_site_and_a_second_run_creates_nothing():
    call_command("load_demo", verbosity=0)
    first = row_counts()
    call_command("load_demo", verbosity=0)

    assert row_counts() == first
    assert HomePage.objects.get().live
    assert Headline.objects.filter(language="en", live=True).count() == 10
    assert Headline.objects.filter(language="mn", live=True).count() == 10
    assert Source.objects.count() == 11
    article = ArticlePage.objects.get(slug__startswith="mongolia-hosts-7th")
    assert article.original_source_domain == "www.thediplomat.com"
    assert article.published_at.date().isoformat() == "2022-06-29"
    assert article.title_mn and article.summary_mn and len(article.body_mn)
    author = Author.objects.get(slug="bolor-lkhaajav")
    assert author.is_guest and author.bio_mn and author.photo
    assert article.authors == [author]
    assert article.lead_image.file.size > 0
