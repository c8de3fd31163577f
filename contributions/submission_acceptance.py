"""Accepting a guest submission: an article draft in the chosen section, in its workflow.

The piece keeps its language: an English piece fills the `_en` fields; a Mongolian one fills
the `_mn` fields, and its title in Latin letters stands in as the required English title
until a translator writes the real one (the translation step refuses the missing English
summary and body, so the page cannot go out half-translated).
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from articles.models import ArticleAuthor, ArticlePage
from bilingual.plain_text import tidy_one_line
from bilingual.slugs import MONGOLIAN_CYRILLIC_TO_LATIN, free_slug

from .guest_body import body_blocks, is_too_big
from .guest_images import save_as_wagtail_image
from .guest_limits import BODY_MAX_CHARACTERS, BODY_MAX_ELEMENTS
from .models import GuestSubmission

# A page title holds 255 characters; a Mongolian title grows in Latin letters (ш -> sh).
PAGE_TITLE_MAX_LENGTH = ArticlePage._meta.get_field("title").max_length
# An address is made from the title's first words, to stay readable (free_slug keeps it
# within the slug column whatever the source, numbering included).
SLUG_SOURCE_MAX_LENGTH = 100


def latin_working_title(text: str) -> str:
    """Mongolian Cyrillic in Latin letters after MNS 5217:2012, capitals kept, cut to fit."""
    letters = []
    for char in text:
        latin = MONGOLIAN_CYRILLIC_TO_LATIN.get(char.lower())
        if latin is None:
            letters.append(char)
        else:
            letters.append(latin.capitalize() if char.isupper() else latin)
    return Truncator("".join(letters)).chars(PAGE_TITLE_MAX_LENGTH)


def free_article_slug(section, title: str) -> str:
    """A slug no other page in the section has."""
    taken = set(section.get_children().values_list("slug", flat=True))
    return free_slug(
        title[:SLUG_SOURCE_MAX_LENGTH],
        taken.__contains__,
        max_length=ArticlePage._meta.get_field("slug").max_length,
        fallback="article",
    )


class CannotAccept(Exception):
    """The stored piece cannot become an article as it is; the message says why, to the editor."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def article_fields(submission) -> dict:
    """The page's translated fields from the submission, in the submission's language.

    Whatever was stored before today's checks is read defensively: a title is made one line
    (a line break in a page title stops Wagtail's moderation emails).
    """
    language = submission.language
    title = tidy_one_line(submission.title)
    fields = {
        f"title_{language}": title,
        f"summary_{language}": submission.summary,
        f"body_{language}": body_blocks(submission.body),
    }
    if language != "en":
        fields["title_en"] = latin_working_title(title)
    return fields


@transaction.atomic
def accept_submission(submission, section, user) -> ArticlePage:
    """Creates the draft with the guest in its byline and starts the section's workflow.

    A body stored before the guest limits existed may be too big to convert in one request:
    it is refused with `CannotAccept`, and the editor can ask the guest for changes. (Lists
    nested too deeply are flattened instead: see `body_blocks`.)
    """
    if is_too_big(submission.body):
        raise CannotAccept(
            _(
                "This piece is longer than guests may send now (at most %(characters)s characters, "
                "%(elements)s paragraphs and HTML elements), so it cannot become an article as it "
                "is. Ask the guest for changes."
            )
            % {"characters": f"{BODY_MAX_CHARACTERS:,}", "elements": f"{BODY_MAX_ELEMENTS:,}"}
        )
    # Page.title and draft_title follow the active language: build the page in English.
    with translation.override("en"):
        fields = article_fields(submission)
        title = fields[f"title_{submission.language}"]
        page = ArticlePage(
            title=fields["title_en"],
            slug=free_article_slug(section, fields["title_en"]),
            owner=user,
            live=False,
            has_unpublished_changes=True,
            **fields,
        )
        page.article_authors = [ArticleAuthor(author=submission.author, sort_order=0)]
        if submission.image:
            with submission.image.open("rb") as source:
                name = submission.image.name.rsplit("/", 1)[-1]
                upload = ContentFile(source.read(), name=name)
            page.lead_image = save_as_wagtail_image(upload, title, user)
        section.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=False)
        log(page, "wagtail.create", user=user, revision=revision, content_changed=True)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)

    submission.status = GuestSubmission.Status.ACCEPTED
    submission.article_page = page
    submission.save(update_fields=["status", "article_page", "feedback", "updated_at"])
    return page
