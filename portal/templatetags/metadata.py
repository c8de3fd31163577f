"""`{% page_metadata %}` and its kinds: each public page's link-preview tags (one template,
includes/share_tags.html) and its schema.org JSON-LD, from portal.structured_data.

base.html says `{% block metadata %}{% page_metadata %}{% endblock %}`; a page with more to
say overrides the block with its kind: home, collection, profile, article.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from articles.templatetags.article_tags import rendition_of
from bilingual.languages import current_language, language_codes, localized
from bilingual.translated_content import TranslatedContent

from .. import structured_data as sd

register = template.Library()


def other_languages(language: str, item=None) -> list[str]:
    """The languages besides `language` the item is read in: those it is written in, for an
    item that can be untranslated; every other one for a listing."""
    codes = item.translated_languages() if isinstance(item, TranslatedContent) else language_codes()
    return [code for code in codes if code != language]


def render(context, share: sd.Share, *items) -> str:
    request = context["request"]
    tags = render_to_string(
        "includes/share_tags.html",
        {
            "share": share,
            "site_name": sd.SITE_NAME,
            "image": share.picture or sd.static_picture(request, sd.DEFAULT_IMAGE),
            # A page without its own picture gets the small card, with the square logo.
            "large_card": share.picture is not None,
            "card_image": share.picture or sd.static_picture(request, sd.LOGO),
        },
    )
    return mark_safe(tags + sd.json_ld(*items))


def plain_share(context, title=None, description=None, item=None, **fields) -> sd.Share:
    request = context["request"]
    language = current_language()
    return sd.Share(
        title=str(title or sd.SITE_NAME),
        description=sd.plain(description or sd.SITE_DESCRIPTION),
        url=sd.here(request),
        language=language,
        alternates=other_languages(language, item),
        **fields,
    )


@register.simple_tag(takes_context=True)
def page_metadata(context, title=None, description=None):
    """Any page: its title (the site's name by default) and description as a link preview."""
    return render(context, plain_share(context, title, description))


@register.simple_tag(takes_context=True)
def home_metadata(context, page):
    """The front page: the publisher (Organization, with its logo) and the WebSite with its
    search."""
    request = context["request"]
    share = plain_share(context, description=localized(page, "introduction"), item=page)
    organization = {"@context": "https://schema.org", **sd.organization(request)}
    website = {"@context": "https://schema.org", **sd.website(request)}
    return render(context, share, organization, website)


@register.simple_tag(takes_context=True)
def collection_metadata(context, title, description="", item=None, detail=""):
    """A listing (section, topic, headline archive; `detail`: its day): a CollectionPage."""
    if detail:
        title = f"{title} · {detail}"
    share = plain_share(context, title, description, item=item)
    return render(context, share, sd.collection_page(context["request"], title, description))


@register.simple_tag(takes_context=True)
def profile_metadata(context, author):
    """An author's page: a ProfilePage about the Person."""
    request = context["request"]
    photo = rendition_of(author.photo, "author")
    bio = localized(author, "bio")
    share = plain_share(context, localized(author, "name"), bio, kind="profile")
    picture = (
        sd.rendition_picture(request, photo, str(localized(author, "name"))) if photo else None
    )
    return render(context, share, sd.profile_page(request, author, picture))


@register.simple_tag(takes_context=True)
def article_metadata(context, page):
    """A story: NewsArticle and BreadcrumbList, and an `article` link preview, all in the
    language of its text."""
    request = context["request"]
    title = localized(page, "title")
    summary = localized(page, "summary")
    share_image = rendition_of(page.lead_image, "share")
    picture = None
    if share_image:
        caption = localized(page, "lead_image_caption")
        picture = sd.rendition_picture(request, share_image, str(caption or title))
    article = sd.news_article(request, page, page.authors, picture)
    share = sd.Share(
        title=str(title),
        description=sd.plain(summary or sd.SITE_DESCRIPTION),
        url=article["url"],
        language=title.language,
        alternates=other_languages(title.language, page),
        kind="article",
        picture=picture,
        published=article.get("datePublished", ""),
        modified=article.get("dateModified", ""),
        section=article.get("articleSection", ""),
    )
    trail = sd.breadcrumbs(request, sd.article_trail(request, page))
    return render(context, share, article, trail)
