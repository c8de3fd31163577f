"""A guest's body text: only paragraphs, headings, links, lists and quotes survive.

The server sanitises whatever the browser sent; on acceptance the same HTML becomes
the article's StreamField blocks, so editors never paste it by hand.
"""

import re
from html import escape, unescape
from urllib.parse import urlsplit

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag
from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import RichText

from articles.blocks import ArticleBodyBlock

from .guest_limits import BODY_MAX_CHARACTERS, BODY_MAX_ELEMENTS, BODY_MAX_NESTING

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
_ANY_TAG = re.compile(r"<[^>]*>")
# A start or end tag as any HTML parser would see it begin: "<name" or "</name".
_TAG_START = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)")
# Tags that never hold others, and tags a parser closes by itself when the next one opens
# (<p>, <li>…): neither makes the tree deeper however many are written.
_FLAT_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
    "tfoot", "rb", "rt", "rtc", "rp", "colgroup", "caption", "html", "head", "body",
}  # fmt: skip
# An end tag does not close anything outside these: "</ul>" inside a table leaves the list open.
_SCOPE_BOUNDARIES = {"applet", "html", "marquee", "math", "object", "svg", "table", "template"}
_INVISIBLE_IN_SCHEMES = re.compile(r"[\x00-\x20\x7f]")

SCRIPTS_MESSAGE = _(
    "Scripts, embedded frames, forms and event handlers are not allowed in the text. "
    "Remove them and try again."
)
LINKS_MESSAGE = _(
    "Links must be full addresses beginning with https://, http:// or mailto:. "
    "Other kinds of links (such as javascript:) are not allowed."
)


TOO_LONG_MESSAGE = _(
    "The text is %(length)s characters long; the most we accept is %(limit)s. "
    "Shorten it, or send it as two pieces."
)
TOO_MUCH_MARKUP_MESSAGE = _(
    "The text is divided into too many parts: %(count)s paragraphs and HTML elements, where we "
    "accept at most %(limit)s. Join short paragraphs, or remove formatting you do not need."
)
TOO_DEEP_MESSAGE = _(
    "Lists and quotes are nested too deeply in the text (the most we accept is %(limit)s "
    "levels). Simplify the formatting and try again."
)


def _start_tags(raw: str) -> list[tuple[str, str]]:
    """Every start and end tag as (closing, lowercase name), found in one pass without parsing."""
    return [(closing, name.lower()) for closing, name in _TAG_START.findall(raw)]


def makes_deeper(name: str) -> bool:
    """Whether an element of this name counts as a level of nesting: the one measure of depth
    for the guest's form (on the raw text) and for acceptance (on the stored body)."""
    return name not in _FLAT_TAGS


def _nesting_exceeds(tags, limit: int) -> bool:
    """Whether elements would nest deeper than `limit`.

    An end tag closes the nearest open element of its name, as a parser does; a stray one,
    or one beyond a table, closes nothing, so neither can be used to hide depth.
    """
    open_tags = []
    for closing, name in tags:
        if not makes_deeper(name):
            continue
        if not closing:
            open_tags.append(name)
            if len(open_tags) > limit:
                return True
        elif name in open_tags:
            nearest = len(open_tags) - 1 - open_tags[::-1].index(name)
            if not _SCOPE_BOUNDARIES.intersection(open_tags[nearest + 1 :]):
                del open_tags[nearest:]
    return False


def _element_count(raw: str, tags) -> int:
    """How many elements `raw` makes (tags, and paragraphs begun by a blank line): the
    sanitiser's and the converter's work grows with this number."""
    return sum(1 for closing, _name in tags if not closing) + len(_BLANK_LINE.findall(raw))


def _limit_passed(raw: str):
    """The first limit the body passes, as (code, message to the guest); None when none is."""
    if len(raw) > BODY_MAX_CHARACTERS:
        limits = {"length": f"{len(raw):,}", "limit": f"{BODY_MAX_CHARACTERS:,}"}
        return "too_long", TOO_LONG_MESSAGE % limits
    tags = _start_tags(raw)
    if (elements := _element_count(raw, tags)) > BODY_MAX_ELEMENTS:
        limits = {"count": f"{elements:,}", "limit": f"{BODY_MAX_ELEMENTS:,}"}
        return "too_many_elements", TOO_MUCH_MARKUP_MESSAGE % limits
    if _nesting_exceeds(tags, BODY_MAX_NESTING):
        return "too_deep", TOO_DEEP_MESSAGE % {"limit": BODY_MAX_NESTING}
    return None


def is_too_big(raw: str) -> bool:
    """Longer, or with more elements, than a guest may send: too costly to read in a request.
    (Too deep is not too big: `body_blocks` flattens it, by the same measure.)"""
    passed = _limit_passed(raw or "")
    return passed is not None and passed[0] != "too_deep"


def body_limit_problems(raw: str) -> list:
    """What makes a body too big to read, as messages; checked before anything parses it."""
    passed = _limit_passed(raw or "")
    return [] if passed is None else [passed[1]]


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
        # The chunk is already cleaned: its tags are exact and its text is escaped.
        if unescape(_ANY_TAG.sub("", chunk)).strip():
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


def flatten_deep_nesting(soup, limit: int = BODY_MAX_NESTING) -> None:
    """Unwraps elements nested deeper than `limit`, keeping their text, so that the admin's
    rich-text converter (which recurses once per level) can take any body ever stored."""
    for tag in soup.find_all(True):
        if makes_deeper(tag.name) and _depth(tag, soup) > limit:
            tag.unwrap()


def _depth(tag, soup) -> int:
    """The levels of nesting down to `tag`, itself included, measured as the form measures."""
    levels = [tag, *(parent for parent in tag.parents if parent is not soup)]
    return sum(1 for element in levels if makes_deeper(element.name))


def body_blocks(body_html: str) -> list[tuple[str, object]]:
    """The sanitised body as ArticleBodyBlock content: headings, quotes, rich-text paragraphs."""
    blocks, rich = [], []
    soup = BeautifulSoup(body_html or "", "html.parser")
    flatten_deep_nesting(soup)

    def flush_rich():
        if rich:
            blocks.append(("paragraph", RichText(as_the_editor_saves_it("".join(rich)))))
            rich.clear()

    for node in soup.contents:
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
