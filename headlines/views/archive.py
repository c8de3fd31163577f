"""The public headline archive: every published headline of a list, day by day."""

from django.db.models import Exists, Max, Min, OuterRef, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Site

from bilingual.languages import Language, current_language, other_languages
from bilingual.pagination import ListingPaginator

from ..ingest.dates import DateError, read_date
from ..links import normalise_domain
from ..list_cache import HEADLINE_LISTS
from ..lists import public_headlines
from ..models import Source

HEADLINES_PER_PAGE = 50


def archive_home(request):
    """/headlines/ leads to the list in the reader's language."""
    return redirect("headlines:archive", list_language=current_language())


def archive(request, list_language: Language, day=None):
    """All headlines of one list, newest first; with `day`, that day's and links to its neighbours."""
    if "day" in request.GET:  # the "go to a day" form
        return _jump_to_day(request, list_language)
    headlines = public_headlines(request, list_language.code)
    # One index probe per source (headline_source_order), not a scan of the list's rows.
    sources = list(
        Source.objects.filter(Exists(headlines.order_by().filter(source=OuterRef("pk")))).order_by(
            "domain"
        )
    )
    # Only a source that is really in this list is a filter; anything else is ignored.
    wanted = normalise_domain(request.GET.get("source", ""))
    chosen = next((source for source in sources if source.domain == wanted), None)
    chosen_source = chosen.domain if chosen else ""
    if chosen:
        headlines = headlines.filter(source=chosen)
    context = {
        "list_language": list_language,
        "other_lists": other_languages(list_language.code),
        "sources": sources,
        "chosen_source": chosen_source,
        "day": day,
        "source_query": urlencode({"source": chosen_source}) if chosen_source else "",
    }
    if day is not None:
        neighbours = headlines.order_by().aggregate(
            previous_day=Max("published_on", filter=Q(published_on__lt=day)),
            next_day=Min("published_on", filter=Q(published_on__gt=day)),
        )
        context.update(neighbours)
        headlines = headlines.filter(published_on=day)
    # The count moves with the lists' version (any headline, source or list setting changed).
    count_key = (
        f"archive-count:{HEADLINE_LISTS.current()}:{getattr(Site.find_for_request(request), 'pk', '')}:"
        f"{list_language.code}:{chosen.pk if chosen else ''}:{day or ''}"
    )
    page = ListingPaginator(
        headlines, HEADLINES_PER_PAGE, count_cache_key=count_key
    ).page_for_reader(request)
    context["page_obj"] = page
    # Read only when the page's cached fragment is stale (templates/headlines/archive.html).
    context["day_groups"] = lambda: day_groups(page)
    context["headline_lists_version"] = HEADLINE_LISTS.current()
    return render(request, "headlines/archive.html", context)


def day_groups(page) -> list[dict]:
    """The page's headlines by day, each group numbered on from the previous one."""
    groups = []
    for number, headline in enumerate(page.object_list, start=page.start_index()):
        if not groups or groups[-1]["day"] != headline.published_on:
            groups.append({"day": headline.published_on, "start": number, "headlines": []})
        groups[-1]["headlines"].append(headline)
    return groups


def _jump_to_day(request, list_language):
    source = normalise_domain(request.GET.get("source", ""))
    known = source and Source.objects.filter(domain=source).exists()
    query = {"source": source} if known else {}
    try:
        day = read_date(request.GET["day"])
    except DateError:
        url = reverse("headlines:archive", kwargs={"list_language": list_language})
    else:
        url = reverse("headlines:archive_day", kwargs={"list_language": list_language, "day": day})
    return redirect(f"{url}?{urlencode(query)}" if query else url)
