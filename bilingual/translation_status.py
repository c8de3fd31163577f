"""Per language: is an item's text complete, missing fields, or behind the other language?

Completeness is read from the fields of the item's current text (its latest revision, else
the item itself). "Out of date" is read from its revision history: a language falls behind
when the other language is edited after both were complete, and catches up when it is
edited in turn. Nothing is stored: the answer is derived each time (and cached per latest
revision, since history only grows).
"""

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Case, TextField, Value, When
from django.db.models.fields.json import KeyTextTransform
from wagtail.fields import StreamField
from wagtail.models import Revision

from .languages import has_content, language_codes, localized_names

CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class LanguageStatus:
    """One language of one item: which translated fields are empty, and whether it lags."""

    language: str
    missing: tuple[str, ...] = ()
    out_of_date: bool = False
    changed_at: datetime | None = None

    @property
    def state(self) -> str:
        if self.missing:
            return "missing"
        return "out_of_date" if self.out_of_date else "complete"

    @property
    def needs_work(self) -> bool:
        return self.state != "complete"


@dataclass(frozen=True)
class TranslationStatus:
    """Every language of one item, in the site's language order."""

    languages: tuple[LanguageStatus, ...] = field(default_factory=tuple)

    def __getitem__(self, language: str) -> LanguageStatus:
        for status in self.languages:
            if status.language == language:
                return status
        raise KeyError(language)


def _normalise(value):
    """Empty values compare equal whatever their spelling (None, "", "[]")."""
    return value if has_content(value) else None


def values_from_object(obj, fields: Sequence[str]) -> dict:
    return {name: _normalise(getattr(obj, name, None)) for name in localized_names(fields)}


# Saving through the admin gives blocks new ids and rich text `data-block-key`s; neither
# is a change of text.
BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def _stream_text(value):
    if isinstance(value, dict):
        return {key: _stream_text(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_stream_text(item) for item in value]
    return BLOCK_KEY.sub("", value) if isinstance(value, str) else value


def values_from_revision_content(model, content: Mapping, fields: Sequence[str]) -> dict:
    """A revision's stored text: stream fields arrive as JSON strings and are decoded."""
    values = {}
    for name in localized_names(fields):
        value = content.get(name)
        if isinstance(value, str) and isinstance(model._meta.get_field(name), StreamField):
            try:
                value = _stream_text(json.loads(value))
            except ValueError:
                value = None
        values[name] = _normalise(value)
    return values


def missing_in(values: Mapping, fields: Sequence[str], language: str) -> tuple[str, ...]:
    return tuple(name for name in fields if not has_content(values.get(f"{name}_{language}")))


def status_from_history(
    snapshots: Iterable[tuple[datetime | None, Mapping]],
    fields: Sequence[str],
    original_language: str | None = None,
) -> TranslationStatus:
    """Walk the item's text oldest first; the last snapshot is its current text.

    With `original_language` (a headline's source language) only the other language can
    fall behind; without it (articles) either can.
    """
    languages = language_codes()
    behind = dict.fromkeys(languages, False)
    changed_at = dict.fromkeys(languages, None)
    previous = None
    for created_at, values in snapshots:
        changed = [
            code
            for code in languages
            if any(
                values.get(f"{name}_{code}")
                != (previous.get(f"{name}_{code}") if previous is not None else None)
                for name in fields
            )
        ]
        for code in changed:
            changed_at[code] = created_at
        for code in changed:
            edited_complete_text = previous is not None and not missing_in(previous, fields, code)
            if behind[code] or not edited_complete_text or len(changed) == len(languages):
                # Catching up, still being written, or edited together with the rest.
                behind[code] = False
                continue
            for other in languages:
                if other not in changed and other != original_language:
                    behind[other] = True
        previous = values
    current = previous or {}
    return TranslationStatus(
        tuple(
            LanguageStatus(
                language=code,
                missing=missing_in(current, fields, code),
                out_of_date=behind[code] and not missing_in(current, fields, code),
                changed_at=changed_at[code],
            )
            for code in languages
        )
    )


def _cache_key(model, pk, latest_revision_id, fields, original_language) -> str:
    return "translation-status:{}:{}:{}:{}:{}".format(
        model._meta.label_lower, pk, latest_revision_id, ",".join(fields), original_language or ""
    )


@dataclass(frozen=True)
class Item:
    """What the bulk computation needs to know of one object.

    `values` (its translated fields, as from `values()`) spares a query for an object
    without revisions.
    """

    pk: object
    latest_revision_id: int | None
    original_language: str | None = None
    values: Mapping | None = None


BATCH = 500  # ids per IN (...) list, well inside every database's limit


def _batches(sequence):
    for start in range(0, len(sequence), BATCH):
        yield sequence[start : start + BATCH]


def json_text(json_field: str, key: str):
    """The text under `key` of a JSON column, NULL for a JSON null (where SQLite's `KT`
    gives the word "null", which would count as text)."""
    return Case(
        When(**{f"{json_field}__{key}": None}, then=Value(None)),
        default=KeyTextTransform(key, json_field),
        output_field=TextField(),
    )


def _histories(model, items: Sequence[Item], fields: Sequence[str]) -> dict[str, list]:
    """Each object's revisions, oldest first, reduced to the translated fields."""
    histories = {str(item.pk): [] for item in items}
    names = localized_names(fields)
    for batch in _batches(list(histories)):
        rows = (
            Revision.objects.filter(base_content_type=base_content_type(model), object_id__in=batch)
            .order_by("created_at", "pk")
            .values("object_id", "created_at", **{f"v_{n}": json_text("content", n) for n in names})
        )
        for row in rows:
            content = {name: row[f"v_{name}"] for name in names}
            histories[row["object_id"]].append(
                (row["created_at"], values_from_revision_content(model, content, fields))
            )
    return histories


def _current_values(model, items: Sequence[Item], fields: Sequence[str]) -> dict:
    """The translated fields of objects that have no revisions, by pk."""
    values = {item.pk: item.values for item in items if item.values is not None}
    missing = [item.pk for item in items if item.values is None]
    for batch in _batches(missing):
        for obj in model._default_manager.filter(pk__in=batch).only("pk", *localized_names(fields)):
            values[obj.pk] = values_from_object(obj, fields)
    return {
        pk: {name: _normalise(v.get(name)) for name in localized_names(fields)}
        for pk, v in values.items()
    }


def statuses_for(model, items: Sequence[Item], fields: Sequence[str]) -> dict:
    """TranslationStatus by pk for many objects of `model`, without a query per object.

    Objects with revisions are read from their revisions, the others from their rows;
    results are cached per latest revision.
    """
    keys = {
        item.pk: _cache_key(model, item.pk, item.latest_revision_id, fields, item.original_language)
        for item in items
        if item.latest_revision_id
    }
    cached = cache.get_many(list(keys.values()))
    result = {pk: cached[key] for pk, key in keys.items() if key in cached}

    with_history = [i for i in items if i.latest_revision_id and i.pk not in result]
    if with_history:
        histories = _histories(model, with_history, fields)
        fresh = {}
        for item in with_history:
            status = status_from_history(histories[str(item.pk)], fields, item.original_language)
            result[item.pk] = fresh[keys[item.pk]] = status
        cache.set_many(fresh, CACHE_SECONDS)

    without_history = [item for item in items if not item.latest_revision_id]
    current = _current_values(model, without_history, fields)
    for item in without_history:
        result[item.pk] = status_from_history(
            [(None, current.get(item.pk, {}))], fields, item.original_language
        )
    return result


def base_content_type(model) -> ContentType:
    """Revisions are filed under the topmost concrete parent (wagtailcore.Page for pages)."""
    parents = model._meta.get_parent_list()
    return ContentType.objects.get_for_model(
        parents[-1] if parents else model, for_concrete_model=False
    )


def status_for(obj, fields: Sequence[str], original_language: str | None = None):
    """The status of one object, e.g. for its edit page."""
    item = Item(obj.pk, getattr(obj, "latest_revision_id", None), original_language)
    return statuses_for(type(obj), [item], fields)[obj.pk]
