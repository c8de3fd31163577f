"""The paginator of every public listing (sections, authors, topics, search, headline archive).

It lives in the lowest app so that every listing pages one way. Two things Django's own
Paginator does not do: `?page=last` is the last page (as Django's ListView reads it), and a
page past the middle of an ordered queryset is read from the far end (the order reversed,
then the rows turned back), so the deepest page of 500,000 headlines costs what the first
does rather than an OFFSET over every row before it.
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet

LAST_PAGE = "last"


class ListingPaginator(Paginator):
    def get_page(self, number):
        if number == LAST_PAGE:
            number = self.num_pages
        return super().get_page(number)

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
