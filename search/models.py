"""The public search index: one row per findable thing, holding the stems of its text.

A row exists only while readers may see the thing (a live, public article; a published
headline; an author with a public page; a topic), so a match needs no join to check it.
On PostgreSQL the stems are a `tsvector` with a GIN index (migration 0002); on SQLite, the
embedded default, they are text matched word by word with LIKE. Both find the same rows.
"""

from django.db import models
from django.db.models import Lookup
from django.utils.translation import gettext_lazy as _

# The GIN index of each table's stems, by table (PostgreSQL only; see migration 0002 and
# `rebuild_search_index`, which drops and rebuilds them around a full rebuild).
GIN_INDEXES = {
    "search_articledocument": "search_article_stems_gin",
    "search_headlinedocument": "search_headline_stems_gin",
    "search_authordocument": "search_author_stems_gin",
    "search_topicdocument": "search_topic_stems_gin",
}


class StemsField(models.TextField):
    """Stems separated by spaces in Python; a tsvector on PostgreSQL, padded text elsewhere.

    Stems are letters and digits only (search.text), so quoting them is enough to make a
    tsvector of exactly these lexemes, and " stem " can be looked for with LIKE.
    """

    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return "tsvector"
        return super().db_type(connection)

    def get_db_prep_value(self, value, connection, prepared=False):
        value = super().get_db_prep_value(value, connection, prepared)
        if value is None:
            return None
        terms = value.split()
        if connection.vendor == "postgresql":
            return " ".join(f"'{term}'" for term in terms)
        return f" {' '.join(terms)} "

    def get_placeholder(self, value, compiler, connection):
        return "%s::tsvector" if connection.vendor == "postgresql" else "%s"

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return " ".join(term.strip("'") for term in value.split())


@StemsField.register_lookup
class HasStems(Lookup):
    """`stems__has_stems=["малч", "herder"]`: every one of the stems is in the document."""

    lookup_name = "has_stems"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        terms = list(self.rhs)
        if not terms:
            return "1 = 0", []
        params = []
        for term in terms:
            params += [*lhs_params, f"% {term} %"]
        return "(" + " AND ".join(f"{lhs} LIKE %s" for _term in terms) + ")", params

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        terms = list(self.rhs)
        if not terms:
            return "1 = 0", []
        return f"{lhs} @@ %s::tsquery", [*lhs_params, " & ".join(f"'{t}'" for t in terms)]


class SearchDocument(models.Model):
    stems = StemsField(_("stems"))
    # The languages the thing is written in, space-padded (" en mn ") for a LIKE filter.
    languages = models.CharField(_("languages"), max_length=40)

    class Meta:
        abstract = True

    @staticmethod
    def padded(codes) -> str:
        return f" {' '.join(codes)} "


class ArticleDocument(SearchDocument):
    article = models.OneToOneField(
        "articles.ArticlePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    section = models.ForeignKey(
        "articles.ArticleIndexPage",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,  # search_article_section starts with it
    )
    published_at = models.DateTimeField()

    class Meta:
        # Newest first, as results are listed: a common word's first page is read from the
        # start of this index, a rare word's rows from the GIN index.
        indexes = [
            models.Index(fields=["-published_at", "-article"], name="search_article_order"),
            models.Index(
                fields=["section", "-published_at", "-article"], name="search_article_section"
            ),
        ]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.article_id}"


class HeadlineDocument(SearchDocument):
    headline = models.OneToOneField(
        "headlines.Headline",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    published_on = models.DateField()

    class Meta:
        indexes = [
            models.Index(fields=["-published_on", "-headline"], name="search_headline_order")
        ]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.headline_id}"


class AuthorDocument(SearchDocument):
    author = models.OneToOneField(
        "authors.Author", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    def __str__(self):
        return f"{self._meta.verbose_name} {self.author_id}"


class TopicDocument(SearchDocument):
    topic = models.OneToOneField(
        "articles.Topic", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    def __str__(self):
        return f"{self._meta.verbose_name} {self.topic_id}"
