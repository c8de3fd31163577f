"""A guest's body text: only paragraphs, headings, links, lists and quotes survive.

The server sanitises whatever the browser sent; on acceptance the same HTML becomes
the article's StreamField blocks, so editors never paste it by hand.
"""

import re
from html import escape
from urllib.parse import urlsplit

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag
from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import RichText

from articles.blocks import ArticleBodyBlock

LINK_SCHEMES = {"http", "https", "mailto"}
# Guests may paste any heading level; the article keeps three.
HEADING_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
ALLOWED_TAGS = {"p", "a", "ul", "ol", "li", "blockquote", *HEADING_LEVELS}
BLOCK_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "blockquote"}
ACTIVE_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
    "input", "button", "textarea", "select", "svg", "math", "link", "meta", "base", "template",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Blocks the article has no place for still separate paragraphs once their tags are gone.
_OTHER_BLOCK = re.compile(
    r"</?(div|section|article|header|footer|main|aside|nav|figure|figcaption|table|tr|pre|dl|dd"
    r"|address)\b[^>]*>",
    re.IGNORECASE,
)
_BLANK_LINE = re.compile(r"\n\s*\n")
_INVISIBLE_IN_SCHEMES = re.compile(r"[\x00-\x20\x7f]")

SCRIPTS_MESSAGE = _(
    "Scripts, embedded frames, forms and event handlers are not allowed in the text. "
    "Remove them and try again."
)
LINKS_MESSAGE = _(
    "Links must be full addresses beginning with https://, http:// or mailto:. "
    "Other kinds of links (such as javascript:) are not allowed."
)


def is_allowed_link(url: str) -> bool:
    """A full http(s) or mailto address; browsers ignore control characters inside schemes."""
    parts = urlsplit(_INVISIBLE_IN_SCHEMES.sub("", url or ""))
    if parts.scheme.lower() not in LINK_SCHEMES:
        return False
    return parts.scheme.lower() == "mailto" or bool(parts.netloc)


def _has_other_scheme(url) -> bool:
    scheme = urlsplit(_INVISIBLE_IN_SCHEMES.sub("", str(url))).scheme.lower()
    return bool(scheme) and scheme not in LINK_SCHEMES


def unsafe_content(raw: str) -> list:
    """What the guest must take out before the text is accepted, as messages to show them."""
    problems = []
    for tag in BeautifulSoup(raw or "", "html.parser").find_all(True):
        if tag.name in ACTIVE_TAGS or any(name.lower().startswith("on") for name in tag.attrs):
            problems.append(SCRIPTS_MESSAGE)
        if "href" in tag.attrs and not is_allowed_link(tag["href"]):
            problems.append(LINKS_MESSAGE)
        if any(_has_other_scheme(tag[name]) for name in URL_ATTRIBUTES & set(tag.attrs)):
            problems.append(LINKS_MESSAGE)
    return list(dict.fromkeys(problems))


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes={"a": {"href"}},
        url_schemes=LINK_SCHEMES,
        url_relative="deny",
        link_rel=None,
    )


def _paragraphs(inline_html: str) -> list[str]:
    """Loose text between blocks: each run separated by a blank line is a paragraph."""
    paragraphs = []
    for chunk in _BLANK_LINE.split(inline_html):
        if BeautifulSoup(chunk, "html.parser").get_text().strip():
            paragraphs.append(f"<p>{chunk.strip()}</p>")
    return paragraphs


def sanitise_body(raw: str) -> str:
    """Plain text or HTML in; paragraphs, headings (h2-h4), links, lists and quotes out."""
    text = _OTHER_BLOCK.sub("\n\n", _BREAK.sub("\n", raw or ""))
    soup = BeautifulSoup(_clean(text), "html.parser")
    for heading, level in HEADING_LEVELS.items():
        for tag in soup.find_all(heading):
            tag.name = level
    for link in soup.find_all("a"):
        if not link.get("href"):
            link.unwrap()

    blocks, loose = [], []
    for node in list(soup.contents):
        if isinstance(node, Tag) and node.name in BLOCK_TAGS:
            blocks += _paragraphs("".join(loose))
            loose = []
            if node.get_text().strip():
                blocks.append(str(node))
        elif isinstance(node, Tag) and node.name == "li":
            loose.append(node.decode_contents())
        elif isinstance(node, Tag):
            loose.append(str(node))
        else:
            loose.append(escape(str(node), quote=False))
    blocks += _paragraphs("".join(loose))
    # A second pass balances any tag that a blank line split in two.
    return _clean("\n".join(blocks))


def plain_text(html: str) -> str:
    return BeautifulSoup(html or "", "html.parser").get_text(" ", strip=True)


def as_the_editor_saves_it(html: str) -> str:
    """Rich text in the admin editor's own stored form (block keys included), so that opening
    and approving the accepted draft in the admin is not taken for a change of its text."""
    converter = ArticleBodyBlock().child_blocks["paragraph"].field.widget.converter
    return converter.to_database_format(converter.from_database_format(html))


def body_blocks(body_html: str) -> list[tuple[str, object]]:
    """The sanitised body as ArticleBodyBlock content: headings, quotes, rich-text paragraphs."""
    blocks, rich = [], []

    def flush_rich():
        if rich:
            blocks.append(("paragraph", RichText(as_the_editor_saves_it("".join(rich)))))
            rich.clear()

    for node in BeautifulSoup(body_html or "", "html.parser").contents:
        if isinstance(node, NavigableString):
            if node.strip():
                rich.append(f"<p>{escape(node.strip(), quote=False)}</p>")
        elif node.name in {"h2", "h3", "h4"}:
            flush_rich()
            blocks.append(("heading", node.get_text(" ", strip=True)))
        elif node.name == "blockquote":
            flush_rich()
            parts = [p.get_text(" ", strip=True) for p in node.find_all("p")]
            quote = "\n\n".join(part for part in parts if part) or node.get_text(" ", strip=True)
            blocks.append(("quote", {"quote": quote, "attribution": ""}))
        else:
            rich.append(str(node))
    flush_rich()
    return blocks
