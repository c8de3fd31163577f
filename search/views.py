from django.shortcuts import render

from bilingual.languages import site_languages

from . import plans
from .query import KINDS, SEARCH_QUERY_MAX_LENGTH, SearchRequest, run, sections


def search(request):
    """Articles, authors, topics and headlines holding every word asked for, in any of their
    inflected forms and either language. Never stored in the page cache (not in
    PAGE_CACHE_VIEWS): the words are the reader's own."""
    asked = SearchRequest.from_params(request.GET)
    groups = run(asked, request.GET.get("page"))
    return render(
        request,
        "search/results.html",
        {
            "query": asked.query,
            "search": asked,
            "groups": groups,
            # Past COUNT_CAP a group is not counted further: "more than" the sum.
            "total": sum(min(group.count, plans.COUNT_CAP) for group in groups),
            "capped": any(group.capped for group in groups),
            "paged": next((group.page for group in groups if group.page is not None), None),
            "kinds": KINDS,
            "sections": sections(),
            "languages": site_languages(),
            "query_max_length": SEARCH_QUERY_MAX_LENGTH,
        },
    )
