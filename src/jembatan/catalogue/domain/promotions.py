"""Promotions: saving an officer's curation, the brochure's content, and the KPIs that
count what a promotion brought (inquiries; meetings of its linked event).

Attribution: an inquiry belongs to a promotion when the buyer came through one of its
links (the brochure's QR codes carry ``?promotion=<id>``); a meeting when it is published
in the business-matching event linked to the promotion.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jembatan.accounts.rules import is_officer, users_company
from jembatan.catalogue.domain import showcase
from jembatan.catalogue.models import Brochure, Inquiry, Product, ProductPhoto, Promotion
from jembatan.core.domain.audit import log_action
from jembatan.core.domain.kpis import Kpi, KpiQuery, KpiValue, Unit
from jembatan.core.domain.links import absolute_url
from jembatan.registry.models import Company

PROMOTION_PARAMETER = "promotion"


class PromotionError(Exception):
    """A curation the rules refuse; the message names the rule, translated."""


def _require(actor: Any) -> None:
    if actor is None or not actor.has_perm("catalogue.manage_promotions"):
        raise PermissionDenied(_("Only programme officers curate promotions."))


def check_featured(companies: Iterable[Company], products: Iterable[Product]) -> None:
    """Every featured product belongs to a featured company."""
    company_ids = {company.pk for company in companies}
    strays = [product for product in products if product.company_id not in company_ids]
    if strays:
        raise PromotionError(
            _("“%(product)s” belongs to a company that is not featured.")
            % {"product": strays[0].name}
        )


def save_curation(
    actor: Any,
    promotion: Promotion,
    companies: Iterable[Company],
    products: Iterable[Product],
) -> Promotion:
    """Create or update the promotion with the companies and products it features."""
    _require(actor)
    chosen_companies, chosen_products = list(companies), list(products)
    check_featured(chosen_companies, chosen_products)
    created = promotion.pk is None
    with transaction.atomic():
        if created:
            promotion.created_by = actor
        promotion.save()
        promotion.companies.set(chosen_companies)
        promotion.products.set(chosen_products)
        log_action(
            "jembatan.promotion.created" if created else "jembatan.promotion.changed",
            promotion,
            actor,
            {
                "companies": sorted(c.pk for c in chosen_companies),
                "products": sorted(p.pk for p in chosen_products),
            },
        )
    return promotion


def create_brochure(
    actor: Any,
    promotion: Promotion,
    companies: Iterable[Company],
    products: Iterable[Product],
    title: str = "",
) -> Brochure:
    """Keep the officer's selection for a brochure (chosen among the featured ones)."""
    _require(actor)
    chosen_companies, chosen_products = list(companies), list(products)
    if not chosen_companies:
        raise PromotionError(_("Choose at least one company for the brochure."))
    check_featured(chosen_companies, chosen_products)
    with transaction.atomic():
        brochure = Brochure.objects.create(
            promotion=promotion, title=title.strip(), created_by=actor
        )
        brochure.companies.set(chosen_companies)
        brochure.products.set(chosen_products)
        log_action(
            "jembatan.brochure.created",
            brochure,
            actor,
            {"companies": len(chosen_companies), "products": len(chosen_products)},
        )
    return brochure


def visible_promotions(user: Any) -> QuerySet[Promotion]:
    """Officers see every promotion; a company's members those that feature their company."""
    base = Promotion.objects.all()
    if user is None or not getattr(user, "is_authenticated", False):
        return base.none()
    if is_officer(user):
        return base
    company = users_company(user)
    return base.filter(companies__pk=company).distinct() if company else base.none()


# The brochure's content: plain data, so that the PDF and the XLSX need no queries.


@dataclass(frozen=True)
class BrochureProduct:
    name: str  # in Japanese where the company gave it
    original_name: str  # as the company wrote it (Indonesian kept)
    hs_code: str
    moq: str
    capacity: str
    price: str
    incoterm: str
    certifications: tuple[str, ...]  # verified only
    showcase_url: str


@dataclass(frozen=True)
class BrochureCompany:
    name: str  # kept as the company writes it
    reading: str  # katakana, where the company gave one
    province: str
    city: str
    sectors: tuple[str, ...]
    figures: tuple[tuple[str, str], ...]  # (label, value)
    certifications: tuple[str, ...]  # verified product certifications
    products: tuple[BrochureProduct, ...]
    photos: tuple[str, ...]  # file paths of the products' first photos
    showcase_url: str


@dataclass(frozen=True)
class BrochureContent:
    title: str
    subtitle: str
    companies: tuple[BrochureCompany, ...] = field(default_factory=tuple)


def _tagged(path: str, promotion: Promotion) -> str:
    return absolute_url(f"{path}?{PROMOTION_PARAMETER}={promotion.pk}")


def company_showcase_url(company: Company, promotion: Promotion) -> str:
    """The company's stable showcase address, tagged with the promotion for attribution."""
    return _tagged(showcase.company_url(company), promotion)


def product_showcase_url(product: Product, promotion: Promotion) -> str:
    return _tagged(showcase.product_url(product), promotion)


def _quantity(value: int | None, unit_label: str) -> str:
    return f"{value:,} {unit_label}" if value is not None else "–"


def _price(product: Product) -> str:
    if product.price_min is None and product.price_max is None:
        return "–"
    low = product.price_min if product.price_min is not None else product.price_max
    high = product.price_max if product.price_max is not None else product.price_min
    amounts = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    return f"{amounts} {product.price_currency}"


def _product_entry(product: Product, promotion: Promotion) -> BrochureProduct:
    unit = str(product.get_unit_display())
    return BrochureProduct(
        name=product.localized_name("ja"),
        original_name=product.name,
        hs_code=product.hs_code.code if product.hs_code else "",
        moq=_quantity(product.moq, unit),
        capacity=_quantity(product.monthly_capacity, unit),
        price=_price(product),
        incoterm=product.incoterm,
        certifications=tuple(
            str(c.get_kind_display()) for c in product.certifications.all() if c.verified
        ),
        showcase_url=product_showcase_url(product, promotion),
    )


def _figures(company: Company) -> tuple[tuple[str, str], ...]:
    figures = [
        (_("Founded"), str(company.founded_year) if company.founded_year else ""),
        (_("Employees"), f"{company.employees:,}" if company.employees else ""),
        (_("Size"), str(company.get_size_class_display()) if company.size_class else ""),
    ]
    return tuple((label, value) for label, value in figures if value)


def brochure_content(brochure: Brochure) -> BrochureContent:
    """Everything the brochure prints, read in a fixed number of queries. Only verified
    products and verified certifications are shown, as in the showcase."""
    promotion = brochure.promotion
    products = (
        showcase.shown_products()
        .filter(pk__in=brochure.products.values("pk"))
        .select_related("hs_code")
        .prefetch_related(
            "certifications",
            Prefetch("photos", queryset=ProductPhoto.objects.order_by("position", "id")),
        )
        .order_by("company_id", "name", "id")
    )
    by_company: dict[int, list[Product]] = {}
    for product in products:
        by_company.setdefault(product.company_id, []).append(product)
    companies = (
        showcase.shown_companies()
        .filter(pk__in=brochure.companies.values("pk"))
        .select_related("region")
        .prefetch_related("sectors")
        .order_by("name")
    )
    entries = []
    for company in companies:
        chosen = by_company.get(company.pk, [])
        entries.append(
            BrochureCompany(
                name=company.name,
                reading=company.name_kana or company.reading_kana,
                province=company.region.name_ja if company.region else "",
                city=company.city,
                sectors=tuple(s.name_ja for s in company.sectors.all()),
                figures=_figures(company),
                certifications=tuple(
                    sorted({c for p in chosen for c in _product_entry(p, promotion).certifications})
                ),
                products=tuple(_product_entry(p, promotion) for p in chosen),
                photos=tuple(
                    photos[0].image.path
                    for p in chosen
                    for photos in [list(p.photos.all())]
                    if photos and photos[0].image
                )[:3],
                showcase_url=company_showcase_url(company, promotion),
            )
        )
    subtitle = f"{promotion.place}, {promotion.starts_on:%Y-%m-%d}–{promotion.ends_on:%Y-%m-%d}"
    return BrochureContent(
        title=brochure.title or promotion.title_ja or promotion.title,
        subtitle=subtitle,
        companies=tuple(entries),
    )


# KPIs (topic "promotion"), registered in CatalogueConfig.ready().


def period_label(day: dt.date, period: str) -> str:
    if period == "month":
        return f"{day:%Y-%m}"
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def _bounds(query: KpiQuery) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(query.start, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(query.end, dt.time.min, tzinfo=dt.UTC)
    return start, end


def _company_filters(query: KpiQuery, prefix: str) -> Q:
    q = Q()
    if query.sector:
        q &= Q(**{f"{prefix}sectors__slug": query.sector})
    if query.region:
        region = query.region
        q &= (
            Q(**{f"{prefix}country": region})
            if len(region) == 2
            else Q(**{f"{prefix}region_id": region})
        )
    return q


def _values(rows: Iterable[tuple[dt.datetime, int, str]], period: str) -> list[KpiValue]:
    counts: Counter[tuple[str, str]] = Counter()
    for moment, pk, title in rows:
        counts[(period_label(moment.date(), period), f"{pk}: {title}")] += 1
    return [KpiValue(period=p, value=n, key=k) for (p, k), n in sorted(counts.items())]


def inquiries_by_promotion(query: KpiQuery) -> list[KpiValue]:
    """Showcase inquiries attributed to each promotion, by period of sending (one query)."""
    start, end = _bounds(query)
    rows = (
        Inquiry.objects.filter(promotion__isnull=False, created_at__gte=start, created_at__lt=end)
        .filter(_company_filters(query, "company__"))
        .values_list("pk", "created_at", "promotion_id", "promotion__title")
        .distinct()
    )
    return _values(((at, pk, title) for _id, at, pk, title in rows), query.period)


def meetings_by_promotion(query: KpiQuery) -> list[KpiValue]:
    """Published meetings of the event linked to each promotion, by the meeting's slot
    (one query). A meeting counts once, even when both companies match the filters."""
    from jembatan.events.models import Meeting  # events sits beside catalogue, optional link

    start, end = _bounds(query)
    filters = _company_filters(query, "request__sender__company__") | _company_filters(
        query, "request__receiver__company__"
    )
    rows = (
        Meeting.objects.filter(
            stage="published",
            freed_at__isnull=True,
            event__promotions__isnull=False,
            slot__starts_at__gte=start,
            slot__starts_at__lt=end,
        )
        .filter(filters)
        .values_list("pk", "slot__starts_at", "event__promotions__pk", "event__promotions__title")
        .distinct()
    )
    return _values(((at, pk, title) for _id, at, pk, title in rows), query.period)


KPIS = (
    Kpi(
        code="catalogue.inquiries_by_promotion",
        topic="promotion",
        name=gettext_lazy("Showcase inquiries per promotion"),
        definition=gettext_lazy(
            "Inquiries buyers sent from the showcase after following a promotion's link or "
            "brochure QR code, by promotion and month of sending."
        ),
        unit=Unit.COUNT,
        source_app="jembatan.catalogue",
        compute=inquiries_by_promotion,
        order=10,
    ),
    Kpi(
        code="catalogue.meetings_by_promotion",
        topic="promotion",
        name=gettext_lazy("Business meetings per promotion"),
        definition=gettext_lazy(
            "Published meetings of the business-matching event linked to a promotion."
        ),
        unit=Unit.COUNT,
        source_app="jembatan.catalogue",
        compute=meetings_by_promotion,
        order=20,
    ),
)


def promotion_counts(promotion: Promotion) -> dict[str, int]:
    """What the promotion's page shows: inquiries attributed to it, and meetings."""
    meetings = 0
    if promotion.event_id:
        from jembatan.events.models import Meeting

        meetings = Meeting.objects.filter(
            event_id=promotion.event_id, stage="published", freed_at__isnull=True
        ).count()
    return {"inquiries": promotion.inquiries.count(), "meetings": meetings}
