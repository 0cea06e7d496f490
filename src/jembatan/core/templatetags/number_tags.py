"""Template filters for figures in the reader's language (core.domain.numbers).

{% load number_tags %}
{{ value|compact_figure }}          3,85 juta / 385万 / 3.85 million
{{ amount|compact_money:"IDR" }}    Rp520 triliun / 520兆ルピア / IDR 520 trillion
{{ amount|money_amount:"IDR" }}     Rp1.234.567 / 1,234,567ルピア / IDR 1,234,567
{{ value|figure }}  {{ rate|percentage }}  {{ "2017-Q1"|period_label }}  {{ day|long_date }}
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from jembatan.core.domain import numbers

register = template.Library()


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


@register.filter
def figure(value: Any, digits: Any = None) -> str:
    number = _decimal(value)
    if number is None:
        return "–"
    return numbers.number(number, digits=None if digits is None else int(digits))


@register.filter
def compact_figure(value: Any) -> str:
    number = _decimal(value)
    return "–" if number is None else numbers.compact(number)


@register.filter
def money_amount(value: Any, currency: str) -> str:
    number = _decimal(value)
    return "–" if number is None else numbers.money(int(number), currency)


@register.filter
def compact_money(value: Any, currency: str) -> str:
    number = _decimal(value)
    return "–" if number is None else numbers.compact_money(int(number), currency)


@register.filter
def percentage(value: Any, digits: Any = 1) -> str:
    return numbers.percent(_decimal(value), digits=int(digits))


@register.filter
def signed_percentage(value: Any, digits: Any = 1) -> str:
    return numbers.signed_percent(_decimal(value), digits=int(digits))


@register.filter
def period_label(value: Any) -> str:
    return numbers.period_label(str(value))


@register.filter
def long_date(value: Any) -> str:
    if not isinstance(value, dt.date):
        return ""
    return numbers.date(value)
