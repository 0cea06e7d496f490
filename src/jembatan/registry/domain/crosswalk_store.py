"""Keeping the proposed KBLI/JSIC to ISIC crosswalk in the database, next to officers' decisions.

Proposals are recomputed whenever a classification is loaded; a link an officer confirmed,
rejected or entered by hand is never touched, and a code with a confirmed link gets no new
proposal.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from jembatan.registry.domain.crosswalk import (
    CrosswalkProposal,
    propose_jsic_to_isic,
    propose_kbli_to_isic,
)
from jembatan.registry.domain.taxonomy import ClassificationRecord
from jembatan.registry.models import Classification, CrosswalkLink

_METHODS = {"identical_code": CrosswalkLink.Method.DIRECT, "via_class": CrosswalkLink.Method.PARENT}


def stored_records(scheme: str) -> list[ClassificationRecord]:
    """The stored codes of `scheme` as parser records (what the proposers take)."""
    rows = list(
        Classification.objects.filter(scheme=scheme).values(
            "code",
            "level",
            "scheme_level",
            "parent__code",
            "title_en",
            "title_id",
            "title_ja",
            "description",
            "examples",
        )
    )
    parent = {r["code"]: r["parent__code"] for r in rows}

    def section(code: str) -> str:
        while parent.get(code):
            code = parent[code]
        return code if code.isalpha() else ""

    return [
        ClassificationRecord(
            scheme=scheme,  # type: ignore[arg-type]
            code=r["code"],
            level=r["level"],  # type: ignore[arg-type]  # stored values come from the parser
            scheme_level=r["scheme_level"],
            parent_code=r["parent__code"],
            section=section(r["code"]),
            title_en=r["title_en"] or None,
            title_id=r["title_id"] or None,
            title_ja=r["title_ja"] or None,
            description=r["description"],
            description_language=None,
            examples=tuple(filter(None, r["examples"].split("\n"))),
            excluded_examples=(),
            line=0,
        )
        for r in rows
    ]


def propose_crosswalk(
    schemes: Iterable[str] = ("kbli2020", "jsic14"), *, only_used: bool = False
) -> list[str]:
    """Recompute the proposals for the loaded `schemes`; returns lines for the operator.

    With `only_used`, only the codes that companies declare (and their ancestors) are
    proposed: the text-based proposals embed every name, which takes minutes for a whole
    classification on a small machine, and a demo or a first look needs only these.
    """
    isic = stored_records("isic4")
    if not isic:
        return ["ISIC Rev.4 is not loaded: no crosswalk proposed."]
    lines = []
    for scheme in schemes:
        source = stored_records(scheme)
        if only_used:
            source = _with_ancestors(source, _used_codes(scheme))
        if not source:
            continue
        if scheme == "kbli2020":
            proposals: Iterable[CrosswalkProposal] = propose_kbli_to_isic(source, isic)
        else:
            proposals = propose_jsic_to_isic(source, isic)
        count = store_proposals(scheme, proposals)
        lines.append(f"{scheme} -> isic4: {count} proposed links")
    return lines


def _used_codes(scheme: str) -> set[str]:
    return set(
        Classification.objects.filter(scheme=scheme, companies__isnull=False).values_list(
            "code", flat=True
        )
    )


def _with_ancestors(
    records: list[ClassificationRecord], codes: set[str]
) -> list[ClassificationRecord]:
    wanted = {code[:n] for code in codes for n in range(1, len(code) + 1)}
    return [r for r in records if r.code in wanted or r.level == "section"]


def store_proposals(scheme: str, proposals: Iterable[CrosswalkProposal]) -> int:
    """Replace the open proposals of the codes in `proposals`; officers' decisions stay."""
    ids = dict(Classification.objects.filter(scheme=scheme).values_list("code", "id"))
    isic_ids = dict(Classification.objects.filter(scheme="isic4").values_list("code", "id"))
    decided = set(
        CrosswalkLink.objects.filter(source__scheme=scheme)
        .exclude(status=CrosswalkLink.Status.PROPOSED)
        .values_list("source_id", "isic_id")
    )
    settled = set(
        CrosswalkLink.objects.filter(
            source__scheme=scheme, status=CrosswalkLink.Status.CONFIRMED
        ).values_list("source_id", flat=True)
    )
    links = []
    covered: set[int] = set()
    for p in proposals:
        if p.source_code in ids:
            covered.add(ids[p.source_code])
        source_id, isic_id = ids.get(p.source_code), isic_ids.get(p.target_code or "")
        if source_id is None or isic_id is None or source_id in settled:
            continue
        if (source_id, isic_id) in decided:
            continue
        links.append(
            CrosswalkLink(
                source_id=source_id,
                isic_id=isic_id,
                method=_METHODS.get(p.method, CrosswalkLink.Method.PROPOSED),
                basis=p.method,
                score=round(p.score, 4),
            )
        )
    with transaction.atomic():
        CrosswalkLink.objects.filter(
            source_id__in=covered, status=CrosswalkLink.Status.PROPOSED
        ).delete()
        CrosswalkLink.objects.bulk_create(links, batch_size=500)
    return len(links)


def review_link(link: CrosswalkLink, officer: object, *, confirm: bool) -> None:
    """An officer confirms or rejects one link; who and when is kept."""
    link.status = CrosswalkLink.Status.CONFIRMED if confirm else CrosswalkLink.Status.REJECTED
    link.confirmed_by = officer  # type: ignore[assignment]
    link.confirmed_at = timezone.now()
    link.save(update_fields=["status", "confirmed_by", "confirmed_at"])
