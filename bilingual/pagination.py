"""The paginator of every public listing (sections, authors, topics, search, headline archive).

It lives in the lowest app so that every listing pages one way. What Django's own Paginator
does not do: `?page=last` is the last page (as Django's ListView reads it); a page that is
not there (`?page=abc`, `?page=0`, past the end) is a 404, not a copy of another page under
a new address (`page_for_reader`, which also tells the page's head which page it shows); a
page past the middle of an ordered queryset is read from the far end (the order reversed,
then the rows turned back), so the deepest page of 500,000 headlines costs what the first
does rather than an OFFSET over every row before it. And the count, a scan of every row a
listing holds (30 ms for a section of 25,000 articles), may be kept in the cache under a key
whose version the listing's owner moves when its rows change.
"""

import re

from django.core.cache import cache
from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.utils.functional import cached_property

LAST_PAGE = "last"
PAGE_PARAMETER = "page"
# A page number as readers' links write it: ASCII digits, no sign, no blanks, and short
# (int() would also take "٣", " 3" and a thousand digits).
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")
# A bound on a kept count that a missed change left wrong: a day at most.
COUNT_SECONDS = 24 * 60 * 60


class ListingPaginator(Paginator):
    def __init__(self, object_list, per_page, *, count_cache_key: str = "", **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_cache_key = count_cache_key

    @cached_property
    def count(self):
        if not self.count_cache_key:
            return Paginator.count.func(self)
        count = cache.get(self.count_cache_key)
        if count is None:
            count = Paginator.count.func(self)
            cache.set(self.count_cache_key, count, COUNT_SECONDS)
        return count

    def get_page(self, number):
        if number == LAST_PAGE:
            number = self.num_pages
        return super().get_page(number)

    def page_for_reader(self, request):
        """The page `?page=` names (the first without it, the last for `last`), or a 404.

        The page is left on the request (`request.listing_page`) for the head of the page:
        its canonical address and its prev/next links (bilingual.templatetags)."""
        number = request.GET.get(PAGE_PARAMETER, "")
        if number == LAST_PAGE:
            number = self.num_pages
        elif number == "":
            number = 1
        elif not PAGE_NUMBER.fullmatch(number):
            raise Http404
        try:
            page = self.page(number)
        except InvalidPage:
            raise Http404 from None
        request.listing_page = page
        return page

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list
        if isinstance(rows, QuerySet) and rows.ordered and bottom > self.count // 2:
            # From the end: the same rows, found by walking the index the other way.
            near_end = list(rows.reverse()[self.count - top : self.count - bottom])
            return self._get_page(near_end[::-1], number, self)
        return self._get_page(rows[bottom:top], number, self)


def page_url(request, number: int) -> str:
    """The address of page `number` of the listing being read, its other parameters (a
    filter) kept: the first page is the address without `page`, never `?page=1`."""
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    if number > 1:
        query[PAGE_PARAMETER] = str(number)
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path
