"""Keeping the proposed KBLI/JSIC to ISIC crosswalk in the database, next to officers' decisions.

Proposals are recomputed whenever a classification is loaded; a link an officer confirmed,
rejected or entered by hand is never touched, and a code with a confirmed link gets no new
proposal. Officers decide through `review_link` and `correct_link`, the one code path of the
review page and the admin.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.registry.domain.crosswalk import (
    CrosswalkProposal,
    Progress,
    propose_jsic_to_isic,
    propose_kbli_to_isic,
)
from jembatan.registry.domain.notifications import crosswalk_decided
from jembatan.registry.domain.taxonomy import ClassificationRecord
from jembatan.registry.models import Classification, CrosswalkLink

# By the proposal's method up to its first ":" ("via_class:identical_code" is via_class).
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
    schemes: Iterable[str] = ("kbli2020", "jsic14"),
    *,
    only_used: bool = False,
    progress: Progress | None = None,
) -> list[str]:
    """Recompute the proposals for the loaded `schemes`; returns lines for the operator.

    With `only_used`, only the codes that companies declare (and their ancestors) are
    proposed: the text-based proposals embed every name, which takes minutes for a whole
    classification on a small machine, and a demo or a first look needs only these.
    `progress` is told how many texts each encoding step embedded.
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
            proposals: Iterable[CrosswalkProposal] = propose_kbli_to_isic(
                source, isic, progress=progress
            )
        else:
            proposals = propose_jsic_to_isic(source, isic, progress=progress)
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
                method=_METHODS.get(p.method.split(":")[0], CrosswalkLink.Method.PROPOSED),
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


class ReviewConflictError(Exception):
    """The link is no longer in the state the officer decided on; nothing was changed."""


def _review_conflict(link: CrosswalkLink) -> str:
    codes = {"code": link.source.code, "isic": link.isic.code}
    if link.status == CrosswalkLink.Status.CONFIRMED:
        return _("%(code)s → ISIC %(isic)s is already confirmed; nothing was changed.") % codes
    if link.status == CrosswalkLink.Status.REJECTED:
        return _("%(code)s → ISIC %(isic)s is already rejected; nothing was changed.") % codes
    return (
        _(
            "%(code)s → ISIC %(isic)s changed while you were deciding; nothing was saved. "
            "Look at it again."
        )
        % codes
    )


def review_link(link: CrosswalkLink, officer: Any, *, confirm: bool) -> CrosswalkLink:
    """An officer confirms or rejects one link; who and when is kept and audit-logged.

    The decision is a conditional UPDATE on the status `link` was read with, so of two
    officers deciding at once only one is recorded; the other, or a decision the link
    already has, raises ReviewConflictError. The sectors of the companies holding the
    source code follow the decision, in a task queued when it commits.
    """
    status = CrosswalkLink.Status.CONFIRMED if confirm else CrosswalkLink.Status.REJECTED
    if link.status == status:
        raise ReviewConflictError(_review_conflict(link))
    now = timezone.now()
    with transaction.atomic():
        claimed = CrosswalkLink.objects.filter(pk=link.pk, status=link.status).update(
            status=status, confirmed_by=officer, confirmed_at=now
        )
        if not claimed:
            current = CrosswalkLink.objects.select_related("source", "isic").get(pk=link.pk)
            raise ReviewConflictError(_review_conflict(current))
        link.status, link.confirmed_by, link.confirmed_at = status, officer, now
        action = "jembatan.crosswalk.confirmed" if confirm else "jembatan.crosswalk.rejected"
        log_action(action, link, officer, data=_describe(link))
        _sectors_follow(link.source_id)
    return link


def correct_link(link: CrosswalkLink, officer: Any, isic_code: str) -> CrosswalkLink:
    """An officer links the source of `link` to another ISIC class instead.

    The link to `isic_code` is created (or updated) as a manual, confirmed one; `link` is
    rejected. Raises Classification.DoesNotExist when `isic_code` is not an ISIC class.
    Returns the manual link.
    """
    isic = Classification.objects.get(scheme="isic4", code=isic_code, level="class")
    now = timezone.now()
    with transaction.atomic():
        manual, _created = CrosswalkLink.objects.update_or_create(
            source_id=link.source_id,
            isic=isic,
            defaults={
                "method": CrosswalkLink.Method.MANUAL,
                "basis": "officer",
                "score": 1.0,
                "status": CrosswalkLink.Status.CONFIRMED,
                "confirmed_by": officer,
                "confirmed_at": now,
            },
        )
        if manual.pk != link.pk:
            link.status = CrosswalkLink.Status.REJECTED
            link.confirmed_by = officer
            link.confirmed_at = now
            link.save(update_fields=["status", "confirmed_by", "confirmed_at"])
        data = {**_describe(manual), "replaces": link.isic.code}
        log_action("jembatan.crosswalk.corrected", manual, officer, data=data)
        _sectors_follow(link.source_id)
    return manual


def _describe(link: CrosswalkLink) -> dict[str, str]:
    return {"scheme": link.source.scheme, "code": link.source.code, "isic": link.isic.code}


def _sectors_follow(source_id: int) -> None:
    """Once the decision commits, the sectors of the companies declaring the code are
    recomputed by a task (on a worker with a broker, inline after the commit without)."""
    transaction.on_commit(
        lambda: crosswalk_decided.send(sender=Classification, classification_id=source_id),
        robust=True,
    )
