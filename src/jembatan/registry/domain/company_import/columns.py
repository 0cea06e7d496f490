"""The columns of a company import file and the header spellings accepted for each.

Headers are matched after NFKC normalisation (full-width letters become ASCII), case
folding and removal of spaces, underscores, hyphens and dots, so "Registry ID",
"registry_id" and "ＲＥＧＩＳＴＲＹ－ＩＤ" are the same header.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jembatan.registry.domain.company_import.report import RowError


@dataclass(frozen=True)
class Column:
    """One canonical column: its English name, whether it is required, its spellings."""

    name: str
    required: bool
    variants: tuple[str, ...]


COLUMNS: tuple[Column, ...] = (
    Column(
        "name",
        True,
        (
            "name",
            "company_name",
            "legal_name",
            "nama",
            "nama_perusahaan",
            "会社名",
            "企業名",
            "法人名",
            "商号",
        ),
    ),
    Column("country", True, ("country", "negara", "国", "国名")),
    Column(
        "registry_id",
        True,
        ("registry_id", "nib", "法人番号", "corporate_number", "nomor_induk_berusaha"),
    ),
    Column("region", False, ("region", "province", "prefecture", "provinsi", "都道府県")),
    Column("city", False, ("city", "kota", "kabupaten_kota", "市区町村", "市町村")),
    Column(
        "industry_codes",
        False,
        (
            "industry_codes",
            "industry_code",
            "kbli",
            "jsic",
            "kode_kbli",
            "業種コード",
            "産業分類コード",
        ),
    ),
    Column(
        "employees",
        False,
        (
            "employees",
            "jumlah_karyawan",
            "tenaga_kerja",
            "jumlah_tenaga_kerja",
            "従業員数",
            "従業員",
        ),
    ),
    Column("founded_year", False, ("founded_year", "tahun_berdiri", "設立年", "創業年")),
    Column(
        "website", False, ("website", "situs", "situs_web", "ウェブサイト", "url", "ホームページ")
    ),
    Column("languages", False, ("languages", "bahasa", "言語", "対応言語")),
    Column("description", False, ("description", "deskripsi", "事業内容", "概要")),
)
COLUMNS_BY_NAME: dict[str, Column] = {column.name: column for column in COLUMNS}
# What each column holds, in the user's language, for messages about a column the file
# does not have (otherwise messages name the header as the file wrote it).
COLUMN_TITLES = {
    "name": gettext_lazy("company name"),
    "country": gettext_lazy("country"),
    "registry_id": gettext_lazy("registry identifier (NIB or corporate number)"),
    "region": gettext_lazy("province or prefecture"),
    "city": gettext_lazy("city"),
    "industry_codes": gettext_lazy("industry codes"),
    "employees": gettext_lazy("employees"),
    "founded_year": gettext_lazy("founding year"),
    "website": gettext_lazy("website"),
    "languages": gettext_lazy("languages"),
    "description": gettext_lazy("description"),
}

_HEADER_NOISE = re.compile(r"[\s_\-.・]+")


def normalise_header(text: str) -> str:
    return _HEADER_NOISE.sub("", unicodedata.normalize("NFKC", text).casefold())


_VARIANTS: dict[str, str] = {
    normalise_header(variant): column.name for column in COLUMNS for variant in column.variants
}


@dataclass
class HeaderMap:
    """Which cell index holds which canonical column, and the header as the user wrote it."""

    index: dict[str, int] = field(default_factory=dict)
    header_text: dict[str, str] = field(default_factory=dict)

    def has(self, column: str) -> bool:
        return column in self.index

    def label(self, column: str) -> str:
        """The header as written in the file, so that messages name what the user sees."""
        return self.header_text.get(column, column)


def map_headers(cells: list[str]) -> tuple[HeaderMap, list[RowError], list[RowError]]:
    """Map the header row to canonical columns. Returns (map, errors, warnings)."""
    header = HeaderMap()
    errors: list[RowError] = []
    warnings: list[RowError] = []
    for position, raw in enumerate(cells):
        text = raw.strip()
        if not text:
            continue
        canonical = _VARIANTS.get(normalise_header(text))
        if canonical is None:
            warnings.append(
                RowError(
                    1,
                    text,
                    _('Column "%(column)s" is not known and was ignored.') % {"column": text},
                )
            )
        elif canonical in header.index:
            errors.append(
                RowError(
                    1,
                    text,
                    _('Columns "%(first)s" and "%(second)s" both mean "%(column)s"; keep one.')
                    % {
                        "first": header.header_text[canonical],
                        "second": text,
                        "column": COLUMN_TITLES[canonical],
                    },
                )
            )
        else:
            header.index[canonical] = position
            header.header_text[canonical] = text
    for column in COLUMNS:
        if column.required and column.name not in header.index:
            title = str(COLUMN_TITLES[column.name])
            errors.append(
                RowError(
                    1,
                    title,
                    _('Required column "%(column)s" is missing (accepted headers: %(variants)s).')
                    % {"column": title, "variants": ", ".join(column.variants)},
                )
            )
    return header, errors, warnings
