"""Numbers, money, percentages and dates as each language writes them (Babel, from CLDR).

The same figure reads "Rp520 triliun" in Indonesian, "520兆ルピア" in Japanese and
"IDR 520 trillion" in English; a count of 3,850,000 reads "3,85 juta", "385万" and
"3.85 million". Everything comes from Babel's CLDR data (format_compact_decimal,
format_decimal, format_percent, format_date, format_skeleton); the few rules written here
are where CLDR does not say what a reader expects, each with its reason beside it.

Every function takes the language ("id", "ja", "en"); without one, Django's active language.
Money arrives as an integer in the currency's minor unit with its ISO 4217 code.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.numbers import (
    format_compact_decimal,
    format_decimal,
    format_percent,
    get_currency_precision,
    get_currency_symbol,
)
from django.conf import settings
from django.utils import translation

Number = int | Decimal

# Compact forms are shown from these magnitudes up; below them the full figure reads better.
# CLDR has compact patterns from a thousand ("182 thousand", "182 ribu"), but English and
# Indonesian writers keep "182,000" and only shorten millions and above; a Japanese reader
# expects 万 from ten thousand (18.2万), which is where CLDR's Japanese patterns start.
COMPACT_FROM: dict[str, int] = {"ja": 10_000}
COMPACT_FROM_DEFAULT = 1_000_000

# Significant digits kept in compact figures: enough for "439,6 triliun" and "385万"
# (CLDR's fraction digits alone would print "1234.57万", which no Japanese reader writes).
SIGNIFICANT_DIGITS = 4

# Japanese writes a currency after the number by its everyday name: 520兆ルピア, 1億円,
# 500万ドル. CLDR's Japanese symbols (IDR, ￥, $) go before the number and its display names
# (インドネシア ルピア, 日本円, 米ドル) read like a bank statement, so these three are ours.
JAPANESE_CURRENCY_WORDS: dict[str, str] = {"IDR": "ルピア", "JPY": "円", "USD": "ドル"}


def language_or_active(language: str | None = None) -> str:
    """The language asked for, else Django's active one, as a short code ("ja")."""
    code = language or translation.get_language() or settings.LANGUAGE_CODE
    return code.split("-")[0].split("_")[0].lower()


def babel_locale(language: str | None = None) -> Locale:
    try:
        return Locale.parse(language_or_active(language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _significant(value: Decimal, digits: int = SIGNIFICANT_DIGITS) -> Decimal:
    """`value` rounded to `digits` significant digits (half to even)."""
    if value == 0:
        return value
    exponent = value.adjusted() - digits + 1
    return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN)


def _compact_from(language: str) -> int:
    return COMPACT_FROM.get(language, COMPACT_FROM_DEFAULT)


def number(value: Number, language: str | None = None, digits: int | None = None) -> str:
    """A full figure with the language's grouping: 3.850.000 / 3,850,000.

    `digits` fixes the number of decimals; without it, as many as the value has."""
    locale = babel_locale(language)
    if digits is None:
        return format_decimal(value, locale=locale, decimal_quantization=False)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=locale)


def compact(value: Number, language: str | None = None) -> str:
    """A count in its compact long form: 3,85 juta / 385万 / 3.85 million.

    Small figures stay whole (see COMPACT_FROM): 182.000 / 18.2万 / 182,000."""
    lang = language_or_active(language)
    decimal = Decimal(value)
    if abs(decimal) < _compact_from(lang):
        return number(decimal, lang)
    return format_compact_decimal(
        _significant(decimal),
        format_type="long",
        locale=babel_locale(lang),
        fraction_digits=SIGNIFICANT_DIGITS - 1,
    )


def minor_to_major(amount: int, currency: str) -> Decimal:
    """An integer in minor units as whole units (CLDR's precision: IDR 2, JPY 0, USD 2).

    The project stores IDR without a minor unit (see engagement.domain.money), so its
    precision there is 0 whatever CLDR says."""
    return Decimal(amount).scaleb(-_minor_digits(currency))


def _minor_digits(currency: str) -> int:
    # CLDR gives IDR two decimals for cash; the programme keeps whole rupiah (money.py).
    if currency == "IDR":
        return 0
    return int(get_currency_precision(currency))


def _with_symbol(figure: str, currency: str, lang: str) -> str:
    if lang == "ja":
        word = JAPANESE_CURRENCY_WORDS.get(currency)
        if word:
            return f"{figure}{word}"
    symbol = get_currency_symbol(currency, locale=babel_locale(lang))
    # Where the language has no symbol of its own, CLDR's symbol is the ISO code (IDR in
    # English); a code reads as a word and wants a space: "IDR 520 trillion", not
    # "IDR520 trillion" (CLDR's currencySpacing rule, which Babel does not apply).
    if symbol == currency:
        return f"{symbol} {figure}"
    return f"{symbol}{figure}"


def money(amount: int, currency: str, language: str | None = None) -> str:
    """A full amount: Rp520.000.000 / 520,000,000ルピア / IDR 520,000,000 / US$1,234.56."""
    lang = language_or_active(language)
    digits = _minor_digits(currency)
    return _with_symbol(number(minor_to_major(amount, currency), lang, digits), currency, lang)


def compact_money(amount: int, currency: str, language: str | None = None) -> str:
    """An amount in compact long form: Rp520 triliun / 520兆ルピア / IDR 520 trillion.

    Babel's format_compact_currency has only CLDR's short forms ("Rp520 T", "IDR520T");
    the long number word with the currency's symbol is what ministry briefs print."""
    lang = language_or_active(language)
    major = minor_to_major(amount, currency)
    if abs(major) < _compact_from(lang):
        return money(amount, currency, lang)
    return _with_symbol(compact(major, lang), currency, lang)


def percent(value: Number | None, language: str | None = None, digits: int = 1) -> str:
    """A rate given from 0 to 100 (as KPIs hold it): 18,3% / 18.3% / 18.3%."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(
        Decimal(value) / 100, format=pattern, locale=babel_locale(language_or_active(language))
    )


def signed_percent(value: Number | None, language: str | None = None, digits: int = 1) -> str:
    """A change: +18,3% / +18.3% / −2.0% (a plus sign for growth, as reports write it)."""
    if value is None:
        return "–"
    text = percent(abs(Decimal(value)), language, digits)
    return ("+" if Decimal(value) >= 0 else "−") + text


def date(value: dt.date, language: str | None = None, length: str = "long") -> str:
    """A date: 1 Maret 2017 / 2017年3月1日 / March 1, 2017 (`length` as CLDR names them)."""
    return babel_format_date(value, length, locale=babel_locale(language))


# Period skeletons. Japanese CLDR abbreviates a quarter to "2017/Q1", which a Japanese reader
# does not write; its full form "2017年第1四半期" is what statistics offices print.
QUARTER_SKELETON: dict[str, str] = {"ja": "yQQQQ"}


def period_label(period: str, language: str | None = None) -> str:
    """A KPI period label ("2017", "2017-Q1", "2017-03") in the reader's words.

    2017-Q1: K1 2017 / 2017年第1四半期 / Q1 2017; 2017-03: Mar 2017 / 2017年3月 / Mar 2017.
    Anything else is returned as it is."""
    lang = language_or_active(language)
    locale = babel_locale(lang)
    try:
        if "-Q" in period:
            year, quarter = period.split("-Q")
            when = dt.date(int(year), (int(quarter) - 1) * 3 + 1, 1)
            return format_skeleton(QUARTER_SKELETON.get(lang, "yQQQ"), when, locale=locale)
        if "-" in period:
            year, month = period.split("-")
            return format_skeleton("yMMM", dt.date(int(year), int(month), 1), locale=locale)
        return format_skeleton("y", dt.date(int(period), 1, 1), locale=locale)
    except ValueError:
        return period
