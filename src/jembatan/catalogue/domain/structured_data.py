"""schema.org Product and Organization data for the showcase pages (JSON-LD).

Built from the same public fields the pages show; the template writes it with Django's
json_script-style escaping (<, > and & as \\u escapes) so no text can close the script.
Only verified certifications appear; prices as an AggregateOffer in major units.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from jembatan.catalogue.domain.showcase import company_url, katakana_reading, product_url
from jembatan.catalogue.models import Product
from jembatan.engagement.domain.money import to_major
from jembatan.registry.models import Company


def organization(request: HttpRequest, company: Company) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Organization",
        "name": company.name,
        "url": request.build_absolute_uri(company_url(company)),
    }
    if katakana_reading(company):
        data["alternateName"] = katakana_reading(company)
    if company.description:
        data["description"] = company.description
    address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": company.country}
    if company.region is not None:
        address["addressRegion"] = company.region.name_en
    if company.city:
        address["addressLocality"] = company.city
    data["address"] = address
    return data


def product_data(
    request: HttpRequest, product: Product, language: str | None = None
) -> dict[str, Any]:
    name = product.localized_name(language)
    description, _ = product.localized_description(language)
    data: dict[str, Any] = {
        "@type": "Product",
        "name": name,
        "url": request.build_absolute_uri(product_url(product)),
        "manufacturer": organization(request, product.company),
        "brand": {"@type": "Brand", "name": product.company.name},
    }
    if description:
        data["description"] = description
    photos = list(product.photos.all())
    if photos:
        data["image"] = [request.build_absolute_uri(p.image.url) for p in photos]
    if product.hs_code is not None:
        data["category"] = f"HS {product.hs_code.code} {product.hs_code.title_en}"
    if product.price_currency and (product.price_min is not None or product.price_max is not None):
        low = product.price_min if product.price_min is not None else product.price_max
        high = product.price_max if product.price_max is not None else product.price_min
        assert low is not None
        assert high is not None
        data["offers"] = {
            "@type": "AggregateOffer",
            "priceCurrency": product.price_currency,
            "lowPrice": str(to_major(low, product.price_currency)),
            "highPrice": str(to_major(high, product.price_currency)),
        }
    claims = getattr(product, "verified_certifications", None)
    if claims is None:
        claims = list(product.certifications.filter(verified=True))
    if claims:
        data["hasCertification"] = [
            {"@type": "Certification", "name": str(claim)} for claim in claims
        ]
    return data


def product_json_ld(request: HttpRequest, product: Product) -> dict[str, Any]:
    return {"@context": "https://schema.org", **product_data(request, product)}


def company_json_ld(
    request: HttpRequest, company: Company, products: list[Product]
) -> dict[str, Any]:
    data = {"@context": "https://schema.org", **organization(request, company)}
    if products:
        data["makesOffer"] = [
            {
                "@type": "Offer",
                "itemOffered": {
                    "@type": "Product",
                    "name": p.localized_name(),
                    "url": request.build_absolute_uri(product_url(p)),
                },
            }
            for p in products
        ]
    return data
