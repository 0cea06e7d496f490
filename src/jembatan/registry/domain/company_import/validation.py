"""Checking one data row of an import file and turning it into a `CompanyRecord`.

Pure apart from the reference tables (regions, classification codes) that `RowValidator`
is given when it is built, so it can be exercised without a database.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from jembatan.registry.domain.company_import.columns import HeaderMap
from jembatan.registry.domain.company_import.regions import RegionIndex, _resolve_region
from jembatan.registry.domain.company_import.report import RowError
from jembatan.registry.domain.identifiers import (
    IdentifierError,
    normalise_corporate_number,
    normalise_nib,
)
from jembatan.registry.models import Scheme

FOUNDED_YEAR_MIN = 1800
EMPLOYEES_MAX = 10_000_000
MAX_LENGTHS = {"name": 255, "city": 120, "website": 200}
SCHEME_OF_COUNTRY = {"ID": Scheme.KBLI2020.value, "JP": Scheme.JSIC14.value}
SCHEME_LABELS = {Scheme.KBLI2020.value: "KBLI", Scheme.JSIC14.value: "JSIC"}
# The other country's scheme, looked up once (a generator per row was a quarter of the
# industry-code check, measured).
_OTHER_SCHEME = {
    country: next(s for s in SCHEME_OF_COUNTRY.values() if s != scheme)
    for country, scheme in SCHEME_OF_COUNTRY.items()
}
COUNTRY_VALUES = {
    **dict.fromkeys(("id", "idn", "indonesia", "インドネシア", "インドネシア共和国"), "ID"),
    **dict.fromkeys(("jp", "jpn", "japan", "jepang", "日本", "日本国"), "JP"),
}
_LIST_SEPARATORS = re.compile(r"[;,、\s]+")
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:[,.\s]\d{3})+")
_WHOLE_FLOAT = re.compile(r"(\d+)\.0+")
_NUMBER_SUFFIXES = ("人", "名", "年")
_ID_SEPARATORS = re.compile(r"[\s-]")
_THIRTEEN_DIGITS = re.compile(r"[0-9]{13}")
_MEMO_SIZE = 10_000  # distinct cell texts remembered per column and import
_url_validator = URLValidator(schemes=["http", "https"])
# The common shape of a website, a strict subset of what URLValidator accepts; anything else
# goes through URLValidator, which is an order of magnitude slower.
_PLAIN_URL = re.compile(
    r"https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?:/[\w./~%-]*)?"
)


@cache
def iso639_1_codes() -> frozenset[str]:
    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


@dataclass(slots=True)
class RowResult:
    """The record (None when the row has errors), the errors, and the row's upsert key
    whenever country and identifier are valid, so duplicates are found even in bad rows."""

    record: CompanyRecord | None
    errors: list[RowError]
    key: tuple[str, str] | None


@dataclass(slots=True)
class CompanyRecord:
    """A valid row: model field values for the columns the file has."""

    row: int
    country: str
    registry_id: str
    fields: dict[str, Any]
    classification_ids: tuple[int, ...] | None
    cells: dict[str, str]

    def display(self) -> dict[str, str]:
        """The row's cells by canonical column, as typed, for a preview."""
        return {column: text.strip() for column, text in self.cells.items()}


def model_fields_for(header: HeaderMap) -> list[str]:
    """The Company fields a file with these columns sets (industry codes are links)."""
    names = {"region": "region_id"}
    return [
        names.get(column, column)
        for column in ("name", "country", "registry_id", *OPTIONAL_FIELDS)
        if header.has(column)
    ]


OPTIONAL_FIELDS = (
    "region",
    "city",
    "employees",
    "founded_year",
    "website",
    "languages",
    "description",
)


def nfkc(text: str) -> str:
    # ASCII is its own NFKC form: most cells skip the normalisation.
    if text.isascii():
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


def _check_digit(base: str) -> str:
    """The corporate number's check digit for 12 ASCII digits, as stdnum.jp.cn computes it
    (9 - sum of the digits weighted 1, 2, 1, 2... from the right, mod 9), on bytes."""
    digits = base.encode("ascii")
    weighted = sum(digits[-1::-2]) - 6 * 48 + 2 * (sum(digits[-2::-2]) - 6 * 48)
    return str(9 - weighted % 9)


def registry_id_error(country: str, value: str) -> str | None:
    """Why `value` is not a valid identifier in `country`, or None (the shared rules in
    registry/domain/identifiers.py decide; the wording here names the value)."""
    if _THIRTEEN_DIGITS.fullmatch(value) and (
        country == "ID" or _check_digit(value[1:]) == value[0]
    ):
        return None  # the common case, decided without the general path's normalising
    normalise = normalise_nib if country == "ID" else normalise_corporate_number
    try:
        normalise(value)
    except IdentifierError as error:
        if error.code == "corporate_number_checksum":
            return _('Corporate number "%(value)s" has a wrong check digit.') % {"value": value}
        if country == "ID":
            return _('NIB "%(value)s" must be 13 digits.') % {"value": value}
        return _('Corporate number "%(value)s" must be 13 digits.') % {"value": value}
    return None


def parse_whole_number(text: str) -> int | None:
    """A non-negative whole number written with or without thousands separators, or None."""
    plain = text.strip()
    if plain.isascii() and plain.isdigit():
        return int(plain)
    value = nfkc(text)
    for suffix in _NUMBER_SUFFIXES:
        value = value.removesuffix(suffix).strip()
    if _GROUPED_NUMBER.fullmatch(value):
        value = re.sub(r"[,.\s]", "", value)
    elif match := _WHOLE_FLOAT.fullmatch(value):
        value = match.group(1)
    if not (value.isascii() and value.isdigit()):
        return None
    return int(value)


class RowValidator:
    """Validates data rows against the header map and the reference tables."""

    def __init__(
        self,
        header: HeaderMap,
        regions: RegionIndex,
        codes: dict[str, dict[str, int]],
        *,
        current_year: int | None = None,
    ) -> None:
        self.header = header
        self.regions = regions
        self.codes = codes
        self.current_year = current_year or datetime.date.today().year  # noqa: DTZ011
        self.valid_languages: dict[str, tuple[str, ...]] = {}
        self.valid_codes: dict[tuple[str, str], tuple[int, ...]] = {}
        self.positions = sorted(header.index.items(), key=lambda item: item[1])
        # The checkers of the optional columns the file has, looked up once, not per row.
        self.checkers = [
            (column, getattr(self, f"_check_{column}"))
            for column, _position in self.positions
            if hasattr(self, f"_check_{column}")
        ]

    def cells_by_column(self, cells: list[str]) -> dict[str, str]:
        size = len(cells)
        return {name: (cells[i] if i < size else "") for name, i in self.positions}

    def validate(self, row: int, cells: list[str]) -> RowResult:
        values = self.cells_by_column(cells)
        errors: list[RowError] = []
        fields: dict[str, Any] = {}

        def fail(column: str, message: str) -> None:
            errors.append(RowError(row, self.header.label(column), message))

        for column in ("name", "country", "registry_id"):
            if not values[column].strip():
                label = self.header.label(column)
                fail(column, _('"%(column)s" is empty; it is required.') % {"column": label})
        country = COUNTRY_VALUES.get(nfkc(values["country"]).casefold(), "")
        if values["country"].strip() and not country:
            fail(
                "country",
                _('Country "%(value)s" is not ID (Indonesia) or JP (Japan).')
                % {"value": values["country"].strip()},
            )
        registry_id = _ID_SEPARATORS.sub("", nfkc(values["registry_id"]))
        key: tuple[str, str] | None = None
        if registry_id and country:
            if message := registry_id_error(country, registry_id):
                fail("registry_id", message)
            else:
                key = (country, registry_id)
        fields["name"] = nfkc(values["name"])
        fields["country"] = country
        fields["registry_id"] = registry_id
        for column, checker in self.checkers:
            text = values[column]
            if text.strip():
                checker(text, country, fields, fail)
            else:
                self._store_empty(column, country, fields)
        for column, limit in MAX_LENGTHS.items():
            if len(str(fields.get(column) or "")) > limit:
                label = self.header.label(column)
                fail(
                    column,
                    _('"%(column)s" is longer than %(max)d characters.')
                    % {"column": label, "max": limit},
                )
        if errors:
            return RowResult(None, errors, key)
        classification_ids = fields.pop("classification_ids", None)
        record = CompanyRecord(row, country, registry_id, fields, classification_ids, values)
        return RowResult(record, errors, key)

    def _store_empty(self, column: str, country: str, fields: dict[str, Any]) -> None:
        """An empty optional cell clears the field (the file is authoritative for its columns)."""
        if column == "industry_codes":
            if country and self.codes.get(SCHEME_OF_COUNTRY[country]):
                fields["classification_ids"] = ()
        elif column == "region":
            fields["region_id"] = None
        elif column == "languages":
            fields["languages"] = []
        else:
            fields[column] = _EMPTY[column]

    # One checker per optional column: each stores its field or reports through `fail`.

    def _check_city(self, text: str, country: str, fields: dict[str, Any], fail: Any) -> None:
        fields["city"] = nfkc(text)

    def _check_description(
        self, text: str, country: str, fields: dict[str, Any], fail: Any
    ) -> None:
        fields["description"] = text.strip()

    def _check_region(self, text: str, country: str, fields: dict[str, Any], fail: Any) -> None:
        match = _resolve_region(text, self.regions)
        value = text.strip()
        if match is None:
            fail(
                "region",
                _('Region "%(value)s" is not a known province or prefecture.') % {"value": value},
            )
        elif country and match.country != country:
            fail(
                "region",
                _('Region "%(value)s" (%(code)s) is not in %(country)s.')
                % {"value": value, "code": match.code, "country": country},
            )
        else:
            fields["region_id"] = match.code

    def _check_employees(self, text: str, country: str, fields: dict[str, Any], fail: Any) -> None:
        number = parse_whole_number(text)
        if number is None or number > EMPLOYEES_MAX:
            fail(
                "employees",
                _('"%(value)s" is not a whole number of employees.') % {"value": text.strip()},
            )
        fields["employees"] = number

    def _check_founded_year(
        self, text: str, country: str, fields: dict[str, Any], fail: Any
    ) -> None:
        year = parse_whole_number(text)
        if year is None:
            fail("founded_year", _('"%(value)s" is not a year.') % {"value": text.strip()})
        elif not FOUNDED_YEAR_MIN <= year <= self.current_year:
            fail(
                "founded_year",
                _("Founding year %(value)d is outside %(min)d–%(max)d.")
                % {"value": year, "min": FOUNDED_YEAR_MIN, "max": self.current_year},
            )
        fields["founded_year"] = year

    def _check_website(self, text: str, country: str, fields: dict[str, Any], fail: Any) -> None:
        url = nfkc(text)
        if "://" not in url:
            url = f"https://{url}"
        if not _PLAIN_URL.fullmatch(url):
            try:
                _url_validator(url)
            except ValidationError:
                message = _('"%(value)s" is not a valid web address.') % {"value": text.strip()}
                fail("website", message)
        fields["website"] = url

    def _check_languages(self, text: str, country: str, fields: dict[str, Any], fail: Any) -> None:
        # A file repeats a few spellings ("id;en", "ja"): the valid ones are kept as parsed.
        if (known := self.valid_languages.get(text)) is not None:
            fields["languages"] = list(known)
            return
        codes: list[str] = []
        valid = True
        for code in _LIST_SEPARATORS.split(nfkc(text).lower()):
            if not code or code in codes:
                continue
            if code not in iso639_1_codes():
                fail(
                    "languages",
                    _('"%(value)s" is not an ISO 639-1 language code (two letters: id, ja, en…).')
                    % {"value": code},
                )
                valid = False
            codes.append(code)
        fields["languages"] = codes
        if valid and len(self.valid_languages) < _MEMO_SIZE:
            self.valid_languages[text] = tuple(codes)

    def _check_industry_codes(
        self, text: str, country: str, fields: dict[str, Any], fail: Any
    ) -> None:
        if not country:
            return
        if (ids_known := self.valid_codes.get((country, text))) is not None:
            fields["classification_ids"] = ids_known
            return
        scheme = SCHEME_OF_COUNTRY[country]
        known = self.codes.get(scheme, {})
        valid = True
        other = _OTHER_SCHEME[country]
        ids: list[int] = []
        for code in _LIST_SEPARATORS.split(nfkc(text)):
            if not code:
                continue
            # The common case first: a code of the company's own scheme (what the general
            # checks below decide for it too).
            if code in known and not (country == "JP" and len(code) == 5 and code.isdigit()):
                if known[code] not in ids:
                    ids.append(known[code])
                continue
            # KBLI codes have five digits at their finest level; JSIC codes at most four.
            looks_other = (country == "JP" and len(code) == 5 and code.isdigit()) or (
                code not in known and code in self.codes.get(other, {})
            )
            if looks_other:
                fail(
                    "industry_codes",
                    _(
                        '"%(code)s" is a %(other)s code; companies in %(country)s use %(scheme)s codes.'
                    )
                    % {
                        "code": code,
                        "other": SCHEME_LABELS[other],
                        "country": country,
                        "scheme": SCHEME_LABELS[scheme],
                    },
                )
                valid = False
            elif known and code not in known:
                fail(
                    "industry_codes",
                    _('Industry code "%(code)s" is not in %(scheme)s.')
                    % {"code": code, "scheme": SCHEME_LABELS[scheme]},
                )
                valid = False
            elif known and known[code] not in ids:
                ids.append(known[code])
        if known:
            fields["classification_ids"] = tuple(sorted(ids))
            if valid and len(self.valid_codes) < _MEMO_SIZE:
                self.valid_codes[(country, text)] = fields["classification_ids"]


_EMPTY: dict[str, Any] = {
    "city": "",
    "description": "",
    "employees": None,
    "founded_year": None,
    "website": "",
}
