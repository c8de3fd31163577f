from django.shortcuts import get_object_or_404, render

from authors.models import Author

from .models import ArticlePage, Topic, article_cards, paginate


def author_detail(request, slug):
    """An author's profile and every published article in their byline."""
    author = get_object_or_404(
        Author.objects.select_related("photo").prefetch_related("links"), slug=slug
    )
    articles = article_cards(ArticlePage.objects.filter(article_authors__author=author))
    return render(
        request,
        "authors/author_detail.html",
        {"author": author, "articles": paginate(request, articles)},
    )


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    articles = article_cards(ArticlePage.objects.filter(topics=topic))
    return render(
        request,
        "articles/topic_detail.html",
        {"topic": topic, "articles": paginate(request, articles)},
    )
