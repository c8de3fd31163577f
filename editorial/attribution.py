"""A writer's new article carries the writer's byline without anyone adding it by hand."""

from django.db import transaction

from articles.models import ArticleAuthor
from authors.models import Author

from .roles import WRITERS


def is_writer(user) -> bool:
    return user.is_authenticated and user.groups.filter(name=WRITERS).exists()


def staff_author_for(user) -> Author:
    """The user's own Author profile, created as a staff profile the first time it is needed."""
    author = Author.objects.filter(user=user).first()
    if author is None:
        name = user.get_full_name().strip() or user.get_username()
        author = Author.objects.create(
            name_en=name,
            slug=Author.objects.free_slug(name, fallback=f"author-{user.pk}"),
            kind=Author.Kind.STAFF,
            user=user,
        )
    return author


@transaction.atomic
def attach_byline(page, user) -> None:
    """Add the user's profile to the article's byline, in the page and in its latest revision."""
    author = staff_author_for(user)
    links = list(page.article_authors.all())
    if any(link.author_id == author.pk for link in links):
        return
    page.article_authors.add(ArticleAuthor(author=author, sort_order=len(links)))
    page.article_authors.commit()
    revision = page.latest_revision
    if revision is not None:
        revision.content = page.serializable_data()
        revision.save(update_fields=["content"])
