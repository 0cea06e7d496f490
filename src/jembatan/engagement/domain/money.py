"""Money: an integer amount in the currency's minor unit plus an ISO 4217 code; never a float.

IDR and JPY have no minor unit in practice (amounts are whole rupiah and yen); USD has cents.
Conversion goes through the US dollar: the exchange-rate table holds, for each rate date, how
many rupiah and yen one dollar buys (`Rates`), as Decimals, so every step is exact until the
one rounding to the target's minor unit (half to even, as banks round).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import gettext as _

# Minor-unit exponent of each currency the programme uses.
MINOR_DIGITS: dict[str, int] = {"IDR": 0, "JPY": 0, "USD": 2}
CURRENCIES: tuple[str, ...] = tuple(MINOR_DIGITS)
SYMBOLS: dict[str, str] = {"IDR": "Rp", "JPY": "¥", "USD": "US$"}
# The largest amount stored: within a signed 64-bit integer, far above any contract.
AMOUNT_MAX = 10**17


class MoneyError(ValueError):
    """An amount or a conversion that cannot be done; the message says why."""


class MissingRateError(MoneyError):
    """No exchange rate on or before the date asked for."""


def check_currency(currency: str) -> str:
    if currency not in MINOR_DIGITS:
        raise MoneyError(
            _("%(currency)s is not a programme currency (IDR, JPY or USD).")
            % {"currency": currency}
        )
    return currency


def to_major(amount: int, currency: str) -> Decimal:
    """Minor units as a Decimal of whole units: 123456 USD cents is Decimal('1234.56')."""
    return Decimal(amount).scaleb(-MINOR_DIGITS[check_currency(currency)])


GROUPED = {sep: re.compile(r"\d{1,3}(?:" + re.escape(sep) + r"\d{3})+") for sep in ".,"}


def normalise_number(text: str, digits: int) -> str:
    """A number as people write it, with "." as the decimal point and no grouping.

    With both "." and ",", the last one is the decimal point (1.234,56 or 1,234.56). With
    one of them, it groups thousands when it splits the digits in threes (1.500.000) in a
    whole-unit currency, or when it is a comma; otherwise it is the decimal point."""
    if "." in text and "," in text:
        point = "." if text.rfind(".") > text.rfind(",") else ","
        group = "," if point == "." else "."
        return text.replace(group, "").replace(point, ".")
    for sep in ".,":
        if sep in text:
            if GROUPED[sep].fullmatch(text) and (digits == 0 or sep == ","):
                return text.replace(sep, "")
            return text.replace(sep, ".")
    return text


def parse_major(text: str, currency: str) -> int:
    """What a person types ("1.500.000", "1,234.56", "1234.56") as integer minor units.

    Thousands separators (".", ",", spaces) are accepted; a decimal part only for a currency
    with a minor unit, and only as many digits as it has.
    """
    digits = MINOR_DIGITS[check_currency(currency)]
    cleaned = normalise_number(text.strip().replace(" ", "").replace("\u00a0", ""), digits)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise MoneyError(_("%(text)s is not an amount.") % {"text": text}) from None
    if not value.is_finite() or value < 0:
        raise MoneyError(_("%(text)s is not an amount.") % {"text": text})
    minor = value.scaleb(digits)
    if minor != minor.to_integral_value():
        if digits == 0:
            raise MoneyError(_("%(currency)s amounts are whole numbers.") % {"currency": currency})
        raise MoneyError(
            _("%(currency)s amounts have at most %(digits)d decimals.")
            % {"currency": currency, "digits": digits}
        )
    if minor > AMOUNT_MAX:
        raise MoneyError(_("%(text)s is too large.") % {"text": text})
    return int(minor)


def format_money(amount: int | None, currency: str) -> str:
    """An amount as the user's language writes it: "Rp 1.500.000", "¥12,000,000"."""
    if amount is None or not currency:
        return ""
    digits = MINOR_DIGITS[check_currency(currency)]
    number = formats.number_format(to_major(amount, currency), digits, force_grouping=True)
    return f"{SYMBOLS[currency]} {number}"


@dataclass(frozen=True)
class Rates:
    """One rate date: how many units of each currency one US dollar buys."""

    on: date
    per_usd: dict[str, Decimal] = field(default_factory=dict)

    def units_per_usd(self, currency: str) -> Decimal:
        if currency == "USD":
            return Decimal(1)
        rate = self.per_usd.get(check_currency(currency))
        if rate is None or rate <= 0:
            raise MissingRateError(
                _("The exchange rate of %(date)s has no %(currency)s rate.")
                % {"date": self.on.isoformat(), "currency": currency}
            )
        return rate


def convert(amount: int, source: str, target: str, rates: Rates) -> int:
    """`amount` (minor units of `source`) in minor units of `target`, rounded half to even."""
    check_currency(source)
    check_currency(target)
    if source == target:
        return amount
    major = to_major(amount, source) * rates.units_per_usd(target) / rates.units_per_usd(source)
    minor = major.scaleb(MINOR_DIGITS[target])
    return int(minor.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


@dataclass(frozen=True)
class ConvertedTotal:
    """A sum of amounts in several currencies, in one reporting currency, with its rate date."""

    amount: int
    currency: str
    rate_date: date | None
    # Amounts per original currency, before conversion (exact, for checking the total).
    by_currency: dict[str, int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return format_money(self.amount, self.currency)

    @property
    def rate_note(self) -> str:
        if self.rate_date is None:
            return _("No conversion needed: every amount is in %(currency)s.") % {
                "currency": self.currency
            }
        return _("Converted at the exchange rates of %(date)s.") % {
            "date": formats.date_format(self.rate_date, "DATE_FORMAT")
        }


def total_in(amounts: list[tuple[int, str]], target: str, rates: Rates | None) -> ConvertedTotal:
    """Sum `(amount, currency)` pairs in `target`. Each currency is summed exactly first and
    converted once, so the total does not depend on the order of the amounts.

    `rates` may be None only when every amount is already in `target`; otherwise
    MissingRateError says that no rate exists."""
    check_currency(target)
    by_currency: dict[str, int] = {}
    for amount, currency in amounts:
        by_currency[check_currency(currency)] = by_currency.get(currency, 0) + amount
    needs_rate = any(c != target and a for c, a in by_currency.items())
    if needs_rate and rates is None:
        raise MissingRateError(no_rate_message(None))
    total = sum(
        convert(a, c, target, rates) if c != target and rates is not None else a
        for c, a in by_currency.items()
    )
    return ConvertedTotal(
        amount=total,
        currency=target,
        rate_date=rates.on if needs_rate and rates is not None else None,
        by_currency=dict(sorted(by_currency.items())),
    )


def no_rate_message(on: date | None) -> str:
    if on is None:
        return _("No exchange rate has been entered yet; officers add rates in the admin.")
    return _(
        "No exchange rate on or before %(date)s; officers add rates in the admin or by CSV import."
    ) % {"date": formats.date_format(on, "DATE_FORMAT")}
