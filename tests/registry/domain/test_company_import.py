from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.utils import translation

from jembatan.core.models import AuditLogEntry
from jembatan.registry.domain.company_import import AUDIT_ACTION, COLUMNS
from jembatan.registry.models import Company
from tests.factories import CompanyFactory
from tests.registry.helpers import (
    COLUMN_NAMES,
    ID1,
    ID2,
    JP1,
    JP2,
    corporate_number,
    csv_text,
    make_reference_rows,
    run,
    write,
    write_xlsx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_and_reference_rows() -> None:
    make_reference_rows()
    with translation.override("en"):
        yield


def errors_of(report) -> list[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    return [(error.row, error.column, error.message) for error in report.errors]


def test_import_companies_creates_companies_with_every_column(tmp_path: Path) -> None:
    text = csv_text(
        f'PT Maju Bersama,ID,{ID1},Jawa Barat,Bandung,22220;17021,"1.200",2004,www.maju.co.id,id;en,Kemasan karton',
        f"山田製作所,JP,{JP1},兵庫県,神戸市,2441,50人,1962,https://yamada.example.jp/,ja,精密プレス",
    )
    report = run(write(tmp_path, text))
    assert report.as_json() == {"created": 2, "updated": 0, "unchanged": 0, "errors": []}
    maju = Company.objects.get(country="ID", registry_id=ID1)
    assert (maju.name, maju.region_id, maju.city, maju.employees, maju.founded_year) == (
        "PT Maju Bersama",
        "ID-JB",
        "Bandung",
        1200,
        2004,
    )
    assert (maju.website, maju.languages, maju.description) == (
        "https://www.maju.co.id",
        ["id", "en"],
        "Kemasan karton",
    )
    assert sorted(maju.classifications.values_list("code", flat=True)) == ["17021", "22220"]
    yamada = Company.objects.get(country="JP", registry_id=JP1)
    assert (yamada.region_id, yamada.employees) == ("JP-28", 50)
    assert list(yamada.classifications.values_list("code", flat=True)) == ["2441"]


def test_import_missing_required_column_is_named(tmp_path: Path) -> None:
    report = run(write(tmp_path, csv_text("PT A,ID", header="name,country")))
    assert errors_of(report) == [
        (
            1,
            "registry identifier (NIB or corporate number)",
            'Required column "registry identifier (NIB or corporate number)" is missing (accepted headers: registry_id, nib, 法人番号, corporate_number, nomor_induk_berusaha).',
        ),
    ]


def test_import_unknown_column_is_a_warning_not_an_error(tmp_path: Path) -> None:
    report = run(write(tmp_path, csv_text(f"PT A,ID,{ID1},x", header="name,country,nib,fax")))
    assert report.errors == []
    assert report.created == 1
    assert [(w.row, w.column, w.message) for w in report.warnings] == [
        (1, "fax", 'Column "fax" is not known and was ignored.')
    ]


def test_import_empty_required_value_fails(tmp_path: Path) -> None:
    report = run(write(tmp_path, csv_text(f",ID,{ID1}", header="name,country,registry_id")))
    assert errors_of(report) == [(2, "name", '"name" is empty; it is required.')]


@pytest.mark.parametrize(
    ("country", "registry_id", "message"),
    [
        ("ID", "912000000001", 'NIB "912000000001" must be 13 digits.'),
        ("ID", "912000000000A", 'NIB "912000000000A" must be 13 digits.'),
        ("JP", "123456789012", 'Corporate number "123456789012" must be 13 digits.'),
        ("JP", "1" + JP1[1:] if JP1[0] != "1" else "2" + JP1[1:], None),
    ],
)
def test_import_bad_identifier_fails(
    tmp_path: Path, country: str, registry_id: str, message: str | None
) -> None:
    report = run(
        write(tmp_path, csv_text(f"A,{country},{registry_id}", header="name,country,registry_id"))
    )
    expected = message or f'Corporate number "{registry_id}" has a wrong check digit.'
    assert errors_of(report) == [(2, "registry_id", expected)]


def test_import_duplicate_rows_name_both_rows(tmp_path: Path) -> None:
    text = csv_text(f"A,ID,{ID1}", f"B,JP,{JP1}", f"C,ID,{ID1}", header="name,country,registry_id")
    report = run(write(tmp_path, text))
    assert errors_of(report) == [
        (4, "registry_id", f"Rows 2 and 4 are the same company (ID {ID1})."),
    ]
    assert Company.objects.count() == 0


def test_import_region_resolves_codes_and_names_in_three_languages(tmp_path: Path) -> None:
    text = csv_text(
        f"A,ID,{ID1},id-jt",
        f"B,ID,{ID2},Provinsi Jawa Barat",
        f"C,JP,{JP1},Hyogo Prefecture",
        f"D,JP,{JP2},東京",
        header="name,country,registry_id,provinsi",
    )
    report = run(write(tmp_path, text))
    assert report.errors == []
    assert list(Company.objects.order_by("name").values_list("region_id", flat=True)) == [
        "ID-JT",
        "ID-JB",
        "JP-28",
        "JP-13",
    ]


def test_import_unknown_region_and_region_of_the_other_country_fail(tmp_path: Path) -> None:
    text = csv_text(
        f"A,ID,{ID1},Atlantis", f"B,JP,{JP1},ID-JB", header="name,country,registry_id,region"
    )
    assert errors_of(run(write(tmp_path, text))) == [
        (2, "region", 'Region "Atlantis" is not a known province or prefecture.'),
        (3, "region", 'Region "ID-JB" (ID-JB) is not in JP.'),
    ]


def test_import_industry_codes_are_checked_against_the_company_scheme(tmp_path: Path) -> None:
    text = csv_text(
        f"A,ID,{ID1},99999",
        f"B,JP,{JP1},22220",
        f"C,ID,{ID2},2441",
        header="name,country,registry_id,kbli",
    )
    assert errors_of(run(write(tmp_path, text))) == [
        (2, "kbli", 'Industry code "99999" is not in KBLI.'),
        (3, "kbli", '"22220" is a KBLI code; companies in JP use JSIC codes.'),
        (4, "kbli", '"2441" is a JSIC code; companies in ID use KBLI codes.'),
    ]


def test_import_bad_numbers_year_url_and_language_fail(tmp_path: Path) -> None:
    year = datetime.date.today().year  # noqa: DTZ011
    text = csv_text(
        f"A,ID,{ID1},banyak,1799,http://,xx",
        f"B,ID,{ID2},-5,{year + 1},ftp://a.example,id;EN;zz",
        header="name,country,registry_id,employees,founded_year,website,languages",
    )
    assert errors_of(run(write(tmp_path, text))) == [
        (2, "employees", '"banyak" is not a whole number of employees.'),
        (2, "founded_year", f"Founding year 1799 is outside 1800–{year}."),
        (2, "website", '"http://" is not a valid web address.'),
        (2, "languages", '"xx" is not an ISO 639-1 language code (two letters: id, ja, en…).'),
        (3, "employees", '"-5" is not a whole number of employees.'),
        (3, "founded_year", f"Founding year {year + 1} is outside 1800–{year}."),
        (3, "website", '"ftp://a.example" is not a valid web address.'),
        (3, "languages", '"zz" is not an ISO 639-1 language code (two letters: id, ja, en…).'),
    ]


def test_import_full_width_digits_and_japanese_headers_are_normalised(tmp_path: Path) -> None:
    full_width_id = JP1.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    text = csv_text(
        f"株式会社山田,日本,{full_width_id},兵庫県,１２０人,１９６２年",
        header="会社名,国,法人番号,都道府県,従業員数,設立年",
    )
    report = run(write(tmp_path, text))
    assert report.errors == []
    company = Company.objects.get()
    assert (company.registry_id, company.employees, company.founded_year) == (JP1, 120, 1962)


def test_import_indonesian_headers_and_semicolon_delimiter(tmp_path: Path) -> None:
    text = f"Nama Perusahaan;Negara;NIB;Provinsi;Jumlah Karyawan\nCV Batik;ID;{ID1};Jawa Barat;12\n"
    report = run(write(tmp_path, text))
    assert report.errors == []
    assert Company.objects.get().employees == 12


def test_import_shift_jis_file_is_detected(tmp_path: Path) -> None:
    text = csv_text(f"株式会社山田製作所,JP,{JP1},兵庫県", header="会社名,国,法人番号,都道府県")
    report = run(write(tmp_path, text, encoding="shift_jis"))
    assert report.errors == []
    assert Company.objects.get().name == "株式会社山田製作所"


def test_import_cp1252_file_is_detected(tmp_path: Path) -> None:
    text = csv_text(f"Crème Pâtisserie Café,ID,{ID1}", header="name,country,registry_id")
    report = run(write(tmp_path, text, encoding="cp1252"))
    assert report.errors == []
    assert Company.objects.get().name == "Crème Pâtisserie Café"


def test_import_utf8_with_bom_is_read(tmp_path: Path) -> None:
    text = csv_text(f"PT Ünal,ID,{ID1}", header="name,country,registry_id")
    report = run(write(tmp_path, text, encoding="utf-8-sig"))
    assert report.errors == []
    assert Company.objects.get().name == "PT Ünal"


def test_import_bad_encoding_names_offset_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(f"name,country,registry_id\nA,ID,{ID1}\nB\x81 ,ID,{ID2}\n".encode("latin-1"))
    report = run(path)
    assert errors_of(report) == [
        (
            3,
            "",
            "Bad encoding: byte 0x81 at offset 45 (line 3) is not valid UTF-8, Shift_JIS (CP932) or Windows-1252. Save the file as “CSV UTF-8”.",
        ),
    ]


def test_import_xlsx_reads_the_named_sheet_and_numeric_cells(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path,
        [
            ["Name", "Country", "Registry ID", "Employees"],
            ["PT Xl", "ID", int(ID1), 35.0],
            [],
            ["PT Yl", "ID", ID2, None],
        ],
        sheet="data",
        first_sheet="readme",
    )
    report = run(path, sheet="data")
    assert report.as_json() == {"created": 2, "updated": 0, "unchanged": 0, "errors": []}
    assert dict(Company.objects.values_list("registry_id", "employees")) == {ID1: 35, ID2: None}


def test_import_xlsx_errors_use_spreadsheet_row_numbers(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path, [["name", "country", "nib"], ["A", "ID", ID1], [], ["B", "ID", "123"]]
    )
    assert errors_of(run(path)) == [(4, "nib", 'NIB "123" must be 13 digits.')]


def test_import_xlsx_missing_sheet_fails(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [["name", "country", "nib"]])
    assert errors_of(run(path, sheet="nope")) == [
        (0, "", 'The workbook has no sheet "nope" (its sheets: companies).')
    ]


def test_import_same_file_again_changes_nothing(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        csv_text(
            f"A,ID,{ID1},Jawa Barat,Bandung,22220,10,2000,a.example,id,x",
            f"B,JP,{JP1},JP-28,,2441,,,,,",
        ),
    )
    run(path)
    before = dict(Company.objects.values_list("registry_id", "updated_at"))
    report = run(path)
    assert report.as_json() == {"created": 0, "updated": 0, "unchanged": 2, "errors": []}
    assert dict(Company.objects.values_list("registry_id", "updated_at")) == before
    assert AuditLogEntry.objects.filter(action=AUDIT_ACTION).count() == 1


def test_import_changed_row_updates_fields_and_codes(tmp_path: Path) -> None:
    run(write(tmp_path, csv_text(f"A,ID,{ID1},Jawa Barat,Bandung,22220,10,2000,a.example,id,x")))
    before = Company.objects.get().updated_at
    report = run(
        write(tmp_path, csv_text(f"A2,ID,{ID1},Jawa Barat,Bandung,17021,11,2000,a.example,id,x"))
    )
    assert report.as_json() == {"created": 0, "updated": 1, "unchanged": 0, "errors": []}
    company = Company.objects.get()
    assert (company.name, company.employees) == ("A2", 11)
    assert list(company.classifications.values_list("code", flat=True)) == ["17021"]
    assert company.updated_at > before


def test_import_absent_column_leaves_the_field_alone(tmp_path: Path) -> None:
    CompanyFactory(country="ID", registry_id=ID1, name="Old", city="Bandung", employees=7)
    report = run(write(tmp_path, csv_text(f"New,ID,{ID1}", header="name,country,registry_id")))
    assert report.updated == 1
    assert Company.objects.values_list("name", "city", "employees").get() == ("New", "Bandung", 7)


def test_import_dry_run_writes_nothing(tmp_path: Path) -> None:
    report = run(
        write(tmp_path, csv_text(f"A,ID,{ID1}", header="name,country,registry_id")), dry_run=True
    )
    assert report.as_json() == {"created": 1, "updated": 0, "unchanged": 0, "errors": []}
    assert Company.objects.count() == 0
    assert AuditLogEntry.objects.count() == 0


def test_import_failing_file_leaves_existing_data_unchanged(tmp_path: Path) -> None:
    CompanyFactory(country="ID", registry_id=ID1, name="Old")
    rows = [f"New {n},ID,{9130000000000 + n}" for n in range(2500)]  # past one written chunk
    text = csv_text(f"Renamed,ID,{ID1}", *rows, "Bad,ID,123", header="name,country,registry_id")
    report = run(write(tmp_path, text))
    assert errors_of(report) == [(2503, "registry_id", 'NIB "123" must be 13 digits.')]
    assert report.as_json()["created"] == 0
    assert list(Company.objects.values_list("name", flat=True)) == ["Old"]


def test_import_reports_every_failing_row(tmp_path: Path) -> None:
    text = csv_text(f"A,ID,{ID1}", "B,XX,1", ",ID,", header="name,country,registry_id")
    assert errors_of(run(write(tmp_path, text))) == [
        (3, "country", 'Country "XX" is not ID (Indonesia) or JP (Japan).'),
        (4, "name", '"name" is empty; it is required.'),
        (4, "registry_id", '"registry_id" is empty; it is required.'),
    ]


def test_import_writes_an_audit_log_entry(tmp_path: Path) -> None:
    run(write(tmp_path, csv_text(f"A,ID,{ID1}", header="name,country,registry_id")))
    entry = AuditLogEntry.objects.get(action=AUDIT_ACTION)
    assert entry.data == {
        "file": "companies.csv",
        "rows": 1,
        "created": 1,
        "updated": 0,
        "unchanged": 0,
    }


def test_import_empty_file_fails(tmp_path: Path) -> None:
    assert errors_of(run(write(tmp_path, ""))) == [
        (1, "", "The file is empty: its first row must hold the column headers.")
    ]


def test_import_header_constant_lists_every_column() -> None:
    assert [column.name for column in COLUMNS] == COLUMN_NAMES


def _queries_for(tmp_path: Path, count: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = [f"C{n},ID,{9140000000000 + 10 * count + n},Jawa Barat,,22220" for n in range(count)]
    path = write(tmp_path, csv_text(*rows, header="name,country,registry_id,region,city,kbli"))
    with CaptureQueriesContext(connection) as queries:
        assert run(path).created == count
    return len(queries)


def test_import_query_count_does_not_grow_with_rows(tmp_path: Path) -> None:
    # Inserts and updates run as one executemany statement per chunk; the count is per chunk.
    _queries_for(tmp_path, 2)  # warms the content-type cache the audit log uses
    assert _queries_for(tmp_path, 1) == _queries_for(tmp_path, 3)


def test_import_csv_mixing_utf8_and_cp932_lines_is_refused_naming_the_odd_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        b"name,country,registry_id,city\n"
        + f"PT Ünal,ID,{ID1},Bandung\n".encode()
        + f"株式会社あかし,JP,{JP1},明石市\n".encode()
        + f"株式会社すずき,JP,{JP2},浜松市\n".encode("cp932")
        + f"PT Maju,ID,{ID2},Bogor\n".encode()
    )
    report = run(path)
    assert errors_of(report) == [
        (
            4,
            "",
            "The file mixes encodings: line 4 is not UTF-8 (perhaps Shift_JIS or Windows-1252) "
            "while other lines (from line 2) are. Save the whole file once as “CSV UTF-8”.",
        )
    ]
    assert Company.objects.count() == 0


def test_import_csv_mostly_cp932_with_one_utf8_line_names_the_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        b"name,country,registry_id,city\n"
        + f"株式会社あかし,JP,{JP1},明石市\n".encode("cp932")
        + f"株式会社すずき,JP,{JP2},浜松市\n".encode()
        + f"株式会社たなか,JP,{corporate_number('010001000003')},京都市\n".encode("cp932")
    )
    assert errors_of(run(path)) == [
        (
            3,
            "",
            "The file mixes encodings: line 3 is UTF-8 while other lines (from line 2) are not. "
            "Save the whole file once as “CSV UTF-8”.",
        )
    ]


def test_import_messages_and_preview_columns_use_the_headers_of_the_file(tmp_path: Path) -> None:
    text = csv_text("PT A,ID,123,Atlantis", header="Nama Perusahaan,Negara,NIB,Provinsi")
    report = run(write(tmp_path, text), dry_run=True)
    assert errors_of(report) == [
        (2, "NIB", 'NIB "123" must be 13 digits.'),
        (2, "Provinsi", 'Region "Atlantis" is not a known province or prefecture.'),
    ]
    assert report.columns == ["Nama Perusahaan", "Negara", "NIB", "Provinsi"]


def test_import_same_column_twice_names_both_headers_and_the_meaning(tmp_path: Path) -> None:
    text = csv_text(f"PT A,PT A,ID,{ID1}", header="Nama Perusahaan,会社名,country,nib")
    assert errors_of(run(write(tmp_path, text))) == [
        (
            1,
            "会社名",
            'Columns "Nama Perusahaan" and "会社名" both mean "company name"; keep one.',
        )
    ]


def test_import_writes_name_readings_and_renames_recompute_them(tmp_path: Path) -> None:
    text = csv_text(
        f"PT Maju Bersama,ID,{ID1},Jawa Barat,Bandung,22220,12,2004,,id,Kemasan",
        f"山田製作所,JP,{JP1},兵庫県,神戸市,2441,50人,1962,,ja,精密プレス",
    )
    run(write(tmp_path, text))
    maju = Company.objects.get(country="ID", registry_id=ID1)
    assert (maju.reading_kana, maju.readings_generated) == ("マジュ ベルサマ", True)
    assert Company.objects.get(country="JP", registry_id=JP1).name_keys
    renamed = text.replace("PT Maju Bersama", "PT Sinar Jaya")
    report = run(write(tmp_path, renamed))
    assert (report.updated, report.unchanged) == (1, 1)
    maju.refresh_from_db()
    assert (maju.reading_kana, maju.name_keys) == ("シナル ジャヤ", "ptsinarjaya シナルジャヤ")
