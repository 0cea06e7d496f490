"""Fields of a company that are computed from others, never typed: size class and sectors."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db import transaction

from jembatan.registry.domain.sectors import sector_for_isic
from jembatan.registry.domain.size import (
    indonesian_industry_size,
    japan_sme_class,
    japan_sme_sector_for_isic,
    japan_sme_sector_for_jsic,
)
from jembatan.registry.models import Classification, Company, CrosswalkLink

_JP_CLASSES = {
    "small_enterprise": Company.SizeClass.JP_SMALL_ENTERPRISE,
    "sme": Company.SizeClass.JP_SME,
    "large": Company.SizeClass.JP_LARGE,
}


def size_class_for(company: Company, main_code: str | None = None) -> str:
    """The size class of `company` under its country's rule, or "" when data is missing.

    Indonesia: Ministry of Industry regulation 64/M-IND/PER/7/2016 (workers and investment
    excluding land and buildings). Japan: SME Basic Act, by the sector of the firm's main
    activity (`main_code`, a JSIC or ISIC code; manufacturing when unknown).
    """
    capital = company.capital_amount
    if company.country == "ID":
        if capital is not None and company.capital_currency not in ("", "IDR"):
            return ""
        return indonesian_industry_size(company.employees, capital) or ""
    if capital is not None and company.capital_currency not in ("", "JPY"):
        return ""
    sector = None
    if main_code:
        sector = (
            japan_sme_sector_for_jsic(main_code)
            if len(main_code) == 4 and company.country == "JP"
            else japan_sme_sector_for_isic(main_code)
        )
    result = japan_sme_class(sector or "manufacturing_other", capital, company.employees)
    return str(_JP_CLASSES[result]) if result else ""


def apply_derived_fields(company: Company, main_code: str | None = None) -> None:
    """Set the computed fields that live on the row itself (call before saving)."""
    company.size_class = size_class_for(company, main_code)


def isic_classes_for(codes: Iterable[int]) -> dict[int, list[str]]:
    """ISIC classes of classification rows by id: ISIC rows map to themselves, KBLI and JSIC
    rows through their crosswalk links (confirmed first, rejected never)."""
    result: dict[int, list[str]] = defaultdict(list)
    ids = list(codes)
    for pk, scheme, code in Classification.objects.filter(id__in=ids).values_list(
        "id", "scheme", "code"
    ):
        if scheme == "isic4":
            result[pk].append(code)
    links = (
        CrosswalkLink.objects.filter(source_id__in=ids)
        .exclude(status=CrosswalkLink.Status.REJECTED)
        .order_by("source_id", "status", "-score")
        .values_list("source_id", "isic__code", "status")
    )
    confirmed = {s for s, _, status in links if status == CrosswalkLink.Status.CONFIRMED}
    for source_id, isic_code, status in links:
        if source_id in confirmed and status != CrosswalkLink.Status.CONFIRMED:
            continue
        result[source_id].append(isic_code)
    return result


def refresh_sectors(companies: Iterable[Company]) -> None:
    """Recompute the programme sectors of `companies` from their classification codes."""
    refresh_sectors_of([c.pk for c in companies])


def refresh_sectors_of(company_ids: Iterable[int] | None = None, chunk: int = 2000) -> None:
    """Recompute programme sectors from classification codes, in a few queries per chunk.

    `None` means every company that declares codes (what an import needs). A company without
    codes keeps the sectors given by hand (the demo and the edit form set them directly),
    since there is nothing to derive them from; so does a company whose codes reach no ISIC
    class yet (ISIC or the crosswalk not loaded, every link rejected).
    """
    codes = Company.classifications.through.objects.all()
    if company_ids is not None:
        wanted_ids = sorted(set(company_ids))
        chunks = [wanted_ids[i : i + chunk] for i in range(0, len(wanted_ids), chunk)]
    else:
        all_ids = sorted(set(codes.values_list("company_id", flat=True)))
        chunks = [all_ids[i : i + chunk] for i in range(0, len(all_ids), chunk)]
    slugs_of: dict[int, set[str]] = {}
    reaches_isic: dict[int, bool] = {}
    for ids in chunks:
        # Every company with codes: a range of ids covers the chunk exactly, and costs no
        # thousands of parameters to compile and send.
        in_chunk = (
            codes.filter(company_id__gte=ids[0], company_id__lte=ids[-1])
            if company_ids is None
            else codes.filter(company_id__in=ids)
        )
        pairs = list(in_chunk.values_list("company_id", "classification_id"))
        missing = {code_id for _, code_id in pairs} - slugs_of.keys()
        isic = isic_classes_for(missing)
        for code_id in missing:
            reached = isic.get(code_id, [])
            slugs_of[code_id] = {slug for code in reached for slug in sector_for_isic(code)}
            reaches_isic[code_id] = bool(reached)
        derivable = {c for c, code_id in pairs if reaches_isic[code_id]}
        _replace_sectors([(c, code_id) for c, code_id in pairs if c in derivable], slugs_of)


SECTOR_BATCH = 2000  # companies recomputed (and committed) together after a crosswalk decision


def companies_with_code(classification_id: int) -> list[int]:
    """Ids of the companies that declare the classification `classification_id`, in order."""
    links = Company.classifications.through.objects.filter(classification_id=classification_id)
    return sorted(set(links.values_list("company_id", flat=True)))


def refresh_sectors_of_code(classification_id: int, batch: int = SECTOR_BATCH) -> int:
    """Recompute the sectors of every company declaring one code, after a crosswalk decision
    about it; returns how many companies that was.

    Idempotent (it derives from the links as they are now, so running it twice, or late,
    gives the same sectors). Each batch commits on its own, so that a code held by hundreds
    of thousands of firms never holds one long transaction over the sector table."""
    ids = companies_with_code(classification_id)
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            refresh_sectors_of(ids[start : start + batch], chunk=batch)
    return len(ids)


def _replace_sectors(pairs: list[tuple[int, int]], slugs_of: dict[int, set[str]]) -> None:
    through = Company.sectors.through
    wanted: set[tuple[int, str]] = {
        (company_id, slug) for company_id, code_id in pairs for slug in slugs_of.get(code_id, ())
    }
    ids = {company_id for company_id, _ in pairs}
    current = set(
        through.objects.filter(company_id__in=ids).values_list("company_id", "programmesector_id")
    )
    for company_id, slug in current - wanted:
        through.objects.filter(company_id=company_id, programmesector_id=slug).delete()
    through.objects.bulk_create(
        [through(company_id=c, programmesector_id=s) for c, s in sorted(wanted - current)],
        batch_size=1000,
        ignore_conflicts=True,
    )


def classification_codes_in_order(company: Company) -> list[tuple[str, str]]:
    """The (scheme, code) pairs of a stored company, in the order they were given."""
    through = Company.classifications.through
    rows = through.objects.filter(company_id=company.pk).order_by("id")
    return list(rows.values_list("classification__scheme", "classification__code"))


def set_classifications(company: Company, classifications: Sequence[Classification]) -> None:
    """Give a stored company exactly these codes, keeping their order: the first is its main
    activity (for a Japanese firm, the code that decides its SME sector)."""
    classifications = list(dict.fromkeys(classifications))
    wanted = [(c.scheme, c.code) for c in classifications]
    if classification_codes_in_order(company) == wanted:
        return
    # Through the join table: the related manager's add() takes a set and loses the order.
    through = Company.classifications.through
    through.objects.filter(company_id=company.pk).delete()
    through.objects.bulk_create(
        [through(company_id=company.pk, classification_id=c.pk) for c in classifications]
    )


def main_code_for(company: Company) -> str | None:
    """The code that decides a Japanese firm's SME sector: its first JSIC code, in the order
    the codes were given; None for Indonesian firms and firms without one."""
    if company.country != "JP" or company.pk is None:
        return None
    codes = [code for scheme, code in classification_codes_in_order(company) if scheme == "jsic14"]
    return codes[0] if codes else None


def update_derived_fields(company: Company) -> None:
    """Recompute and save a stored company's size class and programme sectors.

    The one code path behind the edit form, the API and the admin: call it after the
    company and its classification codes are saved.
    """
    apply_derived_fields(company, main_code_for(company))
    company.save(update_fields=["size_class"])
    refresh_sectors([company])
