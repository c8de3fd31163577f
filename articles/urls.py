from django.urls import path, register_converter

from . import corrections, views
from .feeds import FEED_FORMATS, article_feed


class FeedFormatConverter:
    """`rss` or `atom` in a feed's address; anything else is a 404."""

    regex = "|".join(FEED_FORMATS)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FeedFormatConverter, "feed_format")

urlpatterns = [
    path("authors/<slug:slug>/", views.author_detail, name="author_detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    # Article feeds: the site's, and one per section, author and topic (articles/feeds.py).
    path("feeds/<feed_format:feed_format>/", article_feed, {"kind": "site"}, name="site_feed"),
    *[
        path(
            f"feeds/{kind}s/<slug:slug>/<feed_format:feed_format>/",
            article_feed,
            {"kind": kind},
            name=f"{kind}_feed",
        )
        for kind in ("section", "author", "topic")
    ],
    path("corrections/", corrections.corrections_log, name="corrections"),
    path("corrections/feed/", corrections.CorrectionFeed(), name="corrections_feed"),
]
