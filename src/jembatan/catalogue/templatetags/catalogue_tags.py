from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from jembatan.catalogue.domain.showcase import company_url, katakana_reading, product_url
from jembatan.engagement.domain.money import SYMBOLS, to_major

register = template.Library()

# The escapes of django.utils.html.json_script: no "<", ">" or "&" can end the script.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(value: Any) -> SafeString:
    """JSON-LD in <script type="application/ld+json">, escaped as json_script does."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag
def showcase_product_url(product: Any) -> str:
    return product_url(product)


@register.simple_tag
def showcase_company_url(company: Any) -> str:
    return company_url(company)


@register.filter
def kana(company: Any) -> str:
    return katakana_reading(company)


@register.simple_tag(takes_context=True)
def product_name(context: Any, product: Any) -> str:
    return str(product.localized_name())


@register.simple_tag
def country_names(codes: list[str]) -> str:
    """Country names in the reader's language (from Babel's CLDR data), else the codes."""
    from babel import Locale
    from django.utils.translation import get_language

    try:
        territories: dict[str, str] = dict(Locale.parse((get_language() or "en")[:2]).territories)
    except (ValueError, LookupError):
        territories = {}
    return ", ".join(territories.get(code, code) for code in codes)


@register.simple_tag
def price_range(product: Any) -> str:
    currency = product.price_currency
    if not currency or (product.price_min is None and product.price_max is None):
        return ""
    symbol = SYMBOLS.get(currency, currency + " ")
    parts = [
        f"{symbol}{to_major(v, currency):,}"
        for v in (product.price_min, product.price_max)
        if v is not None
    ]
    if len(parts) == 2 and parts[0] == parts[1]:
        parts = parts[:1]
    return " – ".join(parts)
