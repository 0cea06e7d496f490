"""Versions of a text in the reader's language: who may add or ask for one, which one a
reader sees, and whether it is older than the original.

Origins rank: a human version (the poster's, an officer's, a programme interpreter's)
replaces any version; a machine version fills only a gap or replaces an outdated machine
version, never a human one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from jembatan.accounts.rules import is_officer
from jembatan.core.domain.audit import log_action
from jembatan.notifications.domain.notify import notify, notify_officers
from jembatan.translations.domain.translatables import READER_LANGUAGES, spec_for
from jembatan.translations.models import ContentTranslation, Origin, TranslationRequest

LANGUAGE_LABELS = {"id": "Indonesian", "ja": "Japanese", "en": "English"}


class TranslationRejectedError(Exception):
    """A version that may not be saved: problems by field, in the actor's language."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(problems)
        self.problems = problems


def source_hash(texts: dict[str, str]) -> str:
    """SHA-256 of the original texts (sorted by field): a version made from other texts is
    possibly outdated."""
    payload = json.dumps(texts, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()


def language_name(code: str) -> str:
    names = {"id": _("Indonesian"), "ja": _("Japanese"), "en": _("English")}
    return str(names.get(code, code))


def origin_label(origin: str, engine: str = "") -> str:
    """What a reader is told about who made a version."""
    if origin == Origin.AUTHOR:
        return _("Translated by the poster")
    if origin == Origin.OFFICER:
        return _("Translated by a programme officer")
    if origin == Origin.INTERPRETER:
        return _("Translated by a programme interpreter")
    if engine:
        return _("Machine translation (%(engine)s)") % {"engine": engine}
    return _("Machine translation")


# --- Who may do what ------------------------------------------------------------------------


def is_interpreter(user: Any) -> bool:
    """A programme interpreter: a user an officer gave the `translations.interpret`
    permission (the "Programme interpreters" group in the admin)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and "translations.interpret" in user.get_all_permissions()
    )


def origin_for(user: Any, obj: models.Model) -> Origin | None:
    """As what `user` would add a version of `obj`, or None when they may not."""
    if user is None or not user.is_authenticated:
        return None
    spec = spec_for(obj)
    if not spec.may_view(user, obj):
        return None
    if spec.may_author(user, obj):
        return Origin.AUTHOR
    if is_officer(user):
        return Origin.OFFICER
    if is_interpreter(user):
        return Origin.INTERPRETER
    return None


def may_request(user: Any, obj: models.Model) -> bool:
    """Anyone signed in who may read it may ask, except those who can add one themselves."""
    if user is None or not user.is_authenticated:
        return False
    return spec_for(obj).may_view(user, obj) and origin_for(user, obj) is None


def target_languages(obj: models.Model) -> list[str]:
    """The languages a version of `obj` can be in: all but the original's."""
    source = spec_for(obj).source_language(obj)
    return [code for code in READER_LANGUAGES if code != source]


# --- Reading versions --------------------------------------------------------------------------


def _type_of(obj: models.Model) -> ContentType:
    return ContentType.objects.get_for_model(type(obj))


def prefetched_versions(obj: models.Model) -> list[ContentTranslation]:
    """The versions of `obj` through its GenericRelation (prefetched by list queries)."""
    for relation in obj._meta.private_fields:
        if getattr(relation, "related_model", None) is ContentTranslation:
            return list(getattr(obj, relation.name).all())
    return versions_of([obj]).get(obj.pk, [])


def versions_of(objects: Iterable[models.Model]) -> dict[int, list[ContentTranslation]]:
    """Every version of `objects` (all of one model), by object id: one query."""
    objects = list(objects)
    if not objects:
        return {}
    rows = ContentTranslation.objects.filter(
        content_type=_type_of(objects[0]), object_id__in=[o.pk for o in objects]
    ).order_by("language")
    found: dict[int, list[ContentTranslation]] = {o.pk: [] for o in objects}
    for row in rows:
        found.setdefault(row.object_id, []).append(row)
    return found


@dataclass(frozen=True)
class VersionView:
    """One version as a reader may be shown it."""

    language: str
    language_name: str
    texts: dict[str, str]
    origin: str
    engine: str
    origin_label: str
    made_at: dt.datetime
    outdated: bool


@dataclass(frozen=True)
class ReaderText:
    """What to show a reader: their language's version when there is a fit one, else the
    original; the original stays one click away."""

    original_language: str
    original_language_name: str
    original: dict[str, str]
    shown: VersionView | None
    versions: list[VersionView] = field(default_factory=list)

    @property
    def texts(self) -> dict[str, str]:
        """The version's texts, a field it leaves empty filled with the original's."""
        if self.shown is None:
            return self.original
        return {name: self.shown.texts.get(name) or text for name, text in self.original.items()}

    @property
    def language(self) -> str:
        return self.shown.language if self.shown else self.original_language


def showable_versions(
    obj: models.Model, rows: Iterable[ContentTranslation], *, identity_hidden: bool
) -> list[VersionView]:
    """The versions a reader may be shown: when the poster's identity is hidden from the
    reader, a version that names the poster is left out, as the original would be refused."""
    rows = list(rows)
    if not rows:  # most objects of a list page have no version: no hash of their texts
        return []
    spec = spec_for(obj)
    original = spec.texts(obj)
    current = source_hash(original)
    source = spec.source_language(obj)
    shown = []
    for row in rows:
        if row.language == source:
            continue
        texts = {name: str(row.texts.get(name, "")) for name, _label in spec.fields}
        if identity_hidden and spec.problems(obj, texts):
            continue
        shown.append(
            VersionView(
                language=row.language,
                language_name=language_name(row.language),
                texts=texts,
                origin=row.origin,
                engine=row.engine,
                origin_label=str(spec.author_label)
                if row.origin == Origin.AUTHOR and spec.author_label
                else origin_label(row.origin, row.engine),
                made_at=row.made_at,
                outdated=row.source_hash != current,
            )
        )
    return shown


def reader_text(
    obj: models.Model,
    reader_language: str,
    rows: Iterable[ContentTranslation] | None = None,
    *,
    identity_hidden: bool,
) -> ReaderText:
    """The texts of `obj` for a reader of `reader_language` (rows: its versions, when the
    caller fetched them for a whole page)."""
    spec = spec_for(obj)
    if rows is None:
        rows = versions_of([obj]).get(obj.pk, [])
    versions = showable_versions(obj, rows, identity_hidden=identity_hidden)
    source = spec.source_language(obj)
    shown = None
    if reader_language != source:
        shown = next((v for v in versions if v.language == reader_language), None)
    return ReaderText(
        original_language=source,
        original_language_name=language_name(source) if source else "",
        original=spec.texts(obj),
        shown=shown,
        versions=versions,
    )


# --- Writing versions --------------------------------------------------------------------------


def _clean_texts(obj: models.Model, texts: dict[str, str]) -> dict[str, str]:
    spec = spec_for(obj)
    return {name: (texts.get(name) or "").strip() for name, _label in spec.fields}


def check_version(obj: models.Model, language: str, texts: dict[str, str]) -> dict[str, str]:
    """Problems of a version by field ("" for the whole): the language must be another than
    the original's, something must be written, and the object's own rules (an anonymous
    profile's version must not name the poster) apply as they do to the original."""
    spec = spec_for(obj)
    if language not in target_languages(obj):
        return {"": _("Choose a language other than the original's.")}
    texts = _clean_texts(obj, texts)
    if not any(texts.values()):
        return {"": _("Write at least one of the texts.")}
    return spec.problems(obj, texts)


def save_version(
    actor: Any, obj: models.Model, language: str, texts: dict[str, str], now: dt.datetime
) -> ContentTranslation:
    """Save a human version of `obj` in `language` (replacing whatever was there) and close
    the open requests for it. Raises PermissionDenied or TranslationRejectedError."""
    origin = origin_for(actor, obj)
    if origin is None:
        raise PermissionDenied
    problems = check_version(obj, language, texts)
    if problems:
        raise TranslationRejectedError(problems)
    spec = spec_for(obj)
    with transaction.atomic():
        version, _created = ContentTranslation.objects.update_or_create(
            content_type=_type_of(obj),
            object_id=obj.pk,
            language=language,
            defaults={
                "texts": _clean_texts(obj, texts),
                "origin": origin,
                "engine": "",
                "made_by": actor,
                "made_at": now,
                "source_language": spec.source_language(obj),
                "source_hash": source_hash(spec.texts(obj)),
            },
        )
        closed = TranslationRequest.objects.filter(
            content_type=_type_of(obj), object_id=obj.pk, language=language, done_at=None
        )
        askers = [row.requested_by for row in closed.select_related("requested_by")]
        closed.update(done_at=now)
        context = {"label": spec.label(obj), "language": language}
        for asker in askers:
            if asker is not None and asker != actor:
                notify(asker, "translations.ready", obj, context, link=spec.url(obj), now=now)
        log_action(
            "jembatan.translation.saved",
            obj,
            actor,
            {"language": language, "origin": str(origin), "kind": spec.key},
        )
    return version


def delete_version(actor: Any, obj: models.Model, language: str) -> bool:
    """Remove the version in `language` (the poster or an officer); whether there was one."""
    if origin_for(actor, obj) not in (Origin.AUTHOR, Origin.OFFICER):
        raise PermissionDenied
    deleted, _rows = ContentTranslation.objects.filter(
        content_type=_type_of(obj), object_id=obj.pk, language=language
    ).delete()
    if deleted:
        log_action("jembatan.translation.deleted", obj, actor, {"language": language})
    return bool(deleted)


def request_version(
    actor: Any, obj: models.Model, language: str, now: dt.datetime
) -> TranslationRequest:
    """Ask for a version of `obj` in `language`; asking again returns the open request."""
    if not may_request(actor, obj):
        raise PermissionDenied
    if language not in target_languages(obj):
        raise TranslationRejectedError({"": _("Choose a language other than the original's.")})
    request, created = TranslationRequest.objects.get_or_create(
        content_type=_type_of(obj),
        object_id=obj.pk,
        language=language,
        done_at=None,
        defaults={"requested_by": actor, "requested_at": now},
    )
    if created:
        log_action("jembatan.translation.requested", obj, actor, {"language": language})
        notify_officers(
            "translations.requested",
            obj,
            {"label": spec_for(obj).label(obj), "language": language},
            link=reverse("translations:queue"),
            now=now,
        )
    return request


def open_requests() -> models.QuerySet[TranslationRequest]:
    return TranslationRequest.objects.filter(done_at=None).select_related("content_type")


def open_request_count() -> int:
    return open_requests().count()


def has_open_request(obj: models.Model, language: str) -> bool:
    return (
        open_requests()
        .filter(content_type=_type_of(obj), object_id=obj.pk, language=language)
        .exists()
    )
