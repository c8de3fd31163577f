from django.http import Http404
from django.shortcuts import get_object_or_404, render

from authors.models import Author
from bilingual.pagination import ListingPaginator

from .listing_cache import count_key
from .models import ARTICLES_PER_PAGE, ArticlePage, Topic, article_cards

SEARCH_RESULTS_LIMIT = 100
SEARCH_QUERY_MAX_LENGTH = 200


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


def search(request):
    """Published articles matching the words, in either language and any letter case.

    Whole-word matches come first, then words that only begin with what was typed, since
    Mongolian adds endings (Улаанбаатар, Улаанбаатарын).
    """
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_QUERY_MAX_LENGTH]
    found = []
    if query:
        live = ArticlePage.objects.live()
        for matches in (live.search(query), live.autocomplete(query)):
            found += [page.pk for page in matches[:SEARCH_RESULTS_LIMIT] if page.pk not in found]
    articles = {page.pk: page for page in article_cards(ArticlePage.objects.filter(pk__in=found))}
    results = ListingPaginator(
        [articles[pk] for pk in found if pk in articles], ARTICLES_PER_PAGE
    ).page_for_reader(request)
    return render(request, "articles/search.html", {"query": query, "articles": results})
