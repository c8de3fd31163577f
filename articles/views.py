from django.http import Http404
from django.shortcuts import get_object_or_404, render

from authors.models import Author
from bilingual.pagination import ListingPaginator

from .listing_cache import count_key
from .models import ARTICLES_PER_PAGE, ArticlePage, Topic, article_cards


def author_detail(request, slug):
    """An author's profile and every published article in their byline.

    A guest's page exists only once a piece of theirs is out for every reader: an invited
    guest who has published nothing has no public page. Staff always have theirs.
    """
    author = get_object_or_404(
        Author.objects.select_related("photo").prefetch_related("links"), slug=slug
    )
    articles = page_of_cards(
        request,
        ArticlePage.objects.filter(article_authors__author=author),
        count_key("author", author.pk),
    )
    if author.is_guest and not articles.paginator.count:
        raise Http404
    return render(request, "authors/author_detail.html", {"author": author, "articles": articles})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    articles = page_of_cards(
        request, ArticlePage.objects.filter(topics=topic), count_key("topic", topic.pk)
    )
    return render(request, "articles/topic_detail.html", {"topic": topic, "articles": articles})


def page_of_cards(request, articles, count_cache_key):
    """The requested page of cards for the live, public articles among `articles`."""
    return ListingPaginator(
        article_cards(articles), ARTICLES_PER_PAGE, count_cache_key=count_cache_key
    ).page_for_reader(request)
