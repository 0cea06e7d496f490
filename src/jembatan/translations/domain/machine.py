"""Filling the missing versions of published objects with a machine translator."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models

from jembatan.translations.domain.engines import MachineTranslator, TranslationFailedError
from jembatan.translations.domain.translatables import READER_LANGUAGES, Translatable
from jembatan.translations.domain.translatables import translatables as all_translatables
from jembatan.translations.domain.versions import source_hash
from jembatan.translations.models import ContentTranslation, Origin

logger = logging.getLogger(__name__)


@dataclass
class FillReport:
    made: int = 0
    failed: int = 0
    refused: int = 0  # a machine version that named a hidden poster, not saved


def _needs_machine(row: ContentTranslation | None, current: str) -> bool:
    """A gap, or an outdated machine version. A human version is never replaced."""
    if row is None:
        return True
    return row.origin == Origin.MACHINE and row.source_hash != current


def fill_object(
    spec: Translatable,
    obj: models.Model,
    translator: MachineTranslator,
    now: dt.datetime,
    report: FillReport,
) -> None:
    source = spec.source_language(obj)
    original = spec.texts(obj)
    names = [name for name, text in original.items() if text.strip()]
    if source not in READER_LANGUAGES or not names:
        return
    current = source_hash(original)
    content_type = ContentType.objects.get_for_model(type(obj))
    existing = {
        row.language: row
        for row in ContentTranslation.objects.filter(content_type=content_type, object_id=obj.pk)
    }
    for target in READER_LANGUAGES:
        if target == source or not _needs_machine(existing.get(target), current):
            continue
        try:
            translated = translator.translate([original[n] for n in names], source, target)
        except TranslationFailedError as error:
            report.failed += 1
            logger.warning(
                "Machine translation of %s %s into %s failed (retried on the next run): %s",
                spec.key,
                obj.pk,
                target,
                error,
            )
            continue
        texts = dict(zip(names, translated, strict=True))
        if spec.problems(obj, texts):
            report.refused += 1
            logger.warning(
                "Machine translation of %s %s into %s names the hidden poster: not kept",
                spec.key,
                obj.pk,
                target,
            )
            continue
        values = {
            "texts": texts,
            "origin": Origin.MACHINE,
            "engine": translator.name,
            "made_by": None,
            "made_at": now,
            "source_language": source,
            "source_hash": current,
        }
        row = existing.get(target)
        if row is None:
            _created = ContentTranslation.objects.get_or_create(
                content_type=content_type, object_id=obj.pk, language=target, defaults=values
            )[1]
            report.made += int(_created)
        else:
            # Conditional: a human version saved since we read the row stays as it is.
            report.made += ContentTranslation.objects.filter(
                pk=row.pk, origin=Origin.MACHINE
            ).update(**values)


def fill_missing(
    translator: MachineTranslator | None, now: dt.datetime, keys: tuple[str, ...] | None = None
) -> FillReport:
    """Machine versions for every published object that lacks one in a reader language (or
    whose machine version is outdated). Failures leave the original shown and are retried
    on the next run."""
    report = FillReport()
    if translator is None:
        return report
    for spec in all_translatables():
        if keys is not None and spec.key not in keys:
            continue
        for obj in spec.to_fill():
            fill_object(spec, obj, translator, now, report)
    return report
