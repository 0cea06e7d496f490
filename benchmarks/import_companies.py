"""Benchmark `jembatan import companies`: rows per second for create, unchanged and update.

    PYTHONPATH=src python benchmarks/import_companies.py [--rows 100000] [--write-docs]
    DATABASE_URL=postgres://... PYTHONPATH=src python benchmarks/import_companies.py

Generates N valid rows (mixed Indonesian and Japanese companies, valid NIBs and corporate
numbers), writes them as UTF-8 CSV, Shift_JIS CSV and XLSX, imports each into a fresh
database and times the create, the re-import (unchanged) and an update of every row. The
machine is shared and noisy, so every figure is also given as a ratio to a baseline timed
in the same process: a plain csv.reader pass (CSV) or a python-calamine pass (XLSX, the
product's reader) over the same file. XLSX is also compared with the same rows as CSV
UTF-8 (the goal: within 1.5x), and an openpyxl read-only pass over the XLSX file is timed
once to show what the reader change saved.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, cast

from stdnum.jp import cn

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
ID_REGIONS = [
    ("ID-JB", "West Java", "Jawa Barat", "西ジャワ州"),
    ("ID-JT", "Central Java", "Jawa Tengah", "中部ジャワ州"),
    ("ID-JI", "East Java", "Jawa Timur", "東ジャワ州"),
]
JP_REGIONS = [
    ("JP-13", "Tokyo", "Tokyo", "東京都"),
    ("JP-23", "Aichi", "Aichi", "愛知県"),
    ("JP-28", "Hyogo", "Hyogo", "兵庫県"),
]
KBLI = [f"{10000 + i * 7}" for i in range(300)]
JSIC = [f"{1000 + i * 3}" for i in range(300)]


def _setup_django(database_url: str | None, var_dir: Path) -> None:
    os.environ["JEMBATAN_VAR_DIR"] = str(var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "jembatan.settings"
    # The web upload's size limit (50 MB) is not what is timed: 4.03 million rows are 700 MB.
    os.environ.setdefault("JEMBATAN_IMPORT_MAX_BYTES", str(4 * 2**30))
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models.signals import post_delete, post_save

    from jembatan.registry.domain.notifications import companies_imported
    from jembatan.registry.models import Company

    # The import alone is timed: embedding the imported descriptions for matching is
    # background work queued after the commit (Celery workers in production), and the
    # resets between runs should not queue a removal from the index per company.
    companies_imported.disconnect(dispatch_uid="matching.companies_imported")
    post_save.disconnect(sender=Company, dispatch_uid="matching.company_saved")
    post_delete.disconnect(sender=Company, dispatch_uid="matching.company_deleted")
    call_command("migrate", verbosity=0)


def _reference_rows() -> None:
    from jembatan.registry.models import Classification, Region

    Region.objects.bulk_create(
        [
            Region(code=c, country=c[:2], name_en=en, name_id=id_, name_ja=ja)
            for c, en, id_, ja in ID_REGIONS + JP_REGIONS
        ],
        ignore_conflicts=True,
    )
    Classification.objects.bulk_create(
        [Classification(scheme="kbli2020", code=code, level="subclass") for code in KBLI]
        + [Classification(scheme="jsic14", code=code, level="class") for code in JSIC],
        ignore_conflicts=True,
    )


def reset_companies() -> None:
    """Remove every company: TRUNCATE on PostgreSQL (the ORM's cascading delete of 100,000
    companies, related rows collected batch by batch, took over ten minutes), else delete."""
    from django.db import connection

    from jembatan.registry.models import Company

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {Company._meta.db_table} CASCADE")
    else:
        Company.objects.all().delete()


def generate_rows(count: int, *, variant: int = 0, seed: int = 7) -> list[list[str]]:
    """`count` valid rows; `variant` shifts employee numbers so that every row changes."""
    return list(iter_rows(count, variant=variant, seed=seed))


def iter_rows(count: int, *, variant: int = 0, seed: int = 7) -> Iterator[list[str]]:
    """The rows of `generate_rows`, one at a time (4 million rows as lists take gigabytes)."""
    rnd = random.Random(seed)
    for i in range(count):
        if i % 5 < 3:
            region = rnd.choice(ID_REGIONS)
            yield (
                [
                    f"PT Maju Bersama {i}",
                    "ID",
                    f"{9120000000000 + i:013d}",
                    rnd.choice([region[0], region[2]]),
                    "Bandung",
                    ";".join(rnd.sample(KBLI, rnd.randint(1, 3))),
                    str(rnd.randint(5, 300) + variant),
                    str(rnd.randint(1950, 2020)),
                    f"https://maju{i}.example.co.id",
                    "id;en",
                    "Produsen kemasan karton bergelombang untuk makanan ringan.",
                ]
            )
        else:
            base = f"{100000000000 + i:012d}"
            region = rnd.choice(JP_REGIONS)
            yield (
                [
                    f"株式会社山田製作所{i}",
                    "JP",
                    cn.calc_check_digit(base) + base,
                    rnd.choice([region[0], region[3]]),
                    "神戸市",
                    ";".join(rnd.sample(JSIC, rnd.randint(1, 3))),
                    f"{rnd.randint(5, 300) + variant}人",
                    str(rnd.randint(1950, 2020)),
                    f"https://yamada{i}.example.jp",
                    "ja",
                    "自動車部品の精密プレス加工。",
                ]
            )


def header() -> list[str]:
    """The product's canonical column names (the template's header); needs Django set up."""
    from jembatan.registry.domain.company_import import COLUMNS

    return [column.name for column in COLUMNS]


def write_csv(path: Path, rows: Iterable[list[str]], encoding: str) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header())
        writer.writerows(rows)


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("companies")
    sheet.append(header())
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def baseline(path: Path) -> float:
    """Seconds for the cheapest pass that reads every cell of the file."""
    start = time.perf_counter()
    if path.suffix == ".xlsx":
        import python_calamine

        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        for _cells in workbook.get_sheet_by_index(0).iter_rows():
            pass
        workbook.close()
    else:
        encoding = "cp932" if "sjis" in path.name else "utf-8"
        with path.open(encoding=encoding, newline="") as handle:
            for _row in csv.reader(handle):
                pass
    return time.perf_counter() - start


def database_baseline(path: Path) -> float:
    """Seconds to load the file's rows as they are into an unindexed table, in one
    transaction: a raw COPY (PostgreSQL, psycopg 3's copy) or a raw executemany (SQLite).
    What the database itself costs for these rows, the floor of any import."""
    from django.db import connection, transaction

    encoding = "cp932" if "sjis" in path.name else "utf-8"
    columns = header()
    names = ", ".join(f"c{i}" for i in range(len(columns)))
    table = "bench_raw_companies"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
        cursor.execute(
            f"CREATE TABLE {table} ({', '.join(f'c{i} text' for i in range(len(columns)))})"
        )
    start = time.perf_counter()
    with (
        transaction.atomic(),
        connection.cursor() as cursor,
        path.open(encoding=encoding, newline="") as handle,
    ):
        rows = csv.reader(handle)
        next(rows)
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 (fixed names)
            cursor.executemany(sql, cast(Any, rows))  # an iterator: no list of 100,000
    seconds = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {table}")
    return seconds


def openpyxl_pass(path: Path) -> float:
    """Seconds for openpyxl's read-only pass over the workbook (the reader used before)."""
    import openpyxl

    start = time.perf_counter()
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _row in workbook.worksheets[0].iter_rows(values_only=True):
        pass
    workbook.close()
    return time.perf_counter() - start


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def _import(path: Path) -> Any:
    from jembatan.registry.domain.company_import import import_companies
    from jembatan.registry.interfaces.tabular_files import open_tabular

    return import_companies(open_tabular(path), dry_run=False)


def run(
    rows: int, database_url: str | None, *, with_xlsx: bool, memory: bool
) -> list[dict[str, Any]]:
    tmp = Path(tempfile.mkdtemp(prefix="jembatan-bench-import-"))
    _setup_django(database_url, tmp)
    from jembatan.registry.domain.company_import import import_companies
    from jembatan.registry.interfaces.tabular_files import open_tabular

    _reference_rows()
    data, changed = generate_rows(rows), generate_rows(rows, variant=1)
    files = [("CSV UTF-8", ".csv", "utf-8"), ("CSV Shift_JIS", "-sjis.csv", "cp932")]
    if with_xlsx:
        files.append(("XLSX", ".xlsx", ""))
    results: list[dict[str, Any]] = []
    for label, suffix, encoding in files:
        create_file, update_file = tmp / f"create{suffix}", tmp / f"update{suffix}"
        for path, content in ((create_file, data), (update_file, changed)):
            if encoding:
                write_csv(path, content, encoding)
            else:
                write_xlsx(path, content)
        reset_companies()
        base = baseline(create_file)
        if not encoding:
            old = openpyxl_pass(create_file)
            results.append(
                {"file": label, "scenario": "reader pass", "calamine": base, "openpyxl": old}
            )
            print(f"XLSX reader pass: calamine {base:.2f} s, openpyxl {old:.2f} s", flush=True)
        for scenario, path in (
            ("create", create_file),
            ("unchanged", create_file),
            ("update", update_file),
        ):
            seconds, report = timed(partial(_import, path))
            assert not report.errors, report.errors[:3]
            expected = {
                "create": report.created,
                "unchanged": report.unchanged,
                "update": report.updated,
            }
            assert expected[scenario] == rows, (scenario, report.as_json())
            results.append(
                {
                    "file": label,
                    "scenario": scenario,
                    "seconds": seconds,
                    "rows_per_s": rows / seconds,
                    "ratio": seconds / base,
                    "baseline": base,
                }
            )
            print(
                f"{label:14} {scenario:9} {seconds:7.2f} s {rows / seconds:9.0f} rows/s  {seconds / base:6.1f}x baseline ({base:.2f} s)",
                flush=True,
            )
    seconds_of: dict[tuple[str, str], float] = {
        (r["file"], r["scenario"]): r["seconds"] for r in results if "seconds" in r
    }
    for scenario in ("create", "unchanged", "update"):
        if ("XLSX", scenario) in seconds_of:
            csv_s, xlsx_s = seconds_of[("CSV UTF-8", scenario)], seconds_of[("XLSX", scenario)]
            results.append(
                {"file": "XLSX / CSV", "scenario": scenario, "csv": csv_s, "xlsx": xlsx_s}
            )
            print(f"XLSX / CSV UTF-8 {scenario:9} {xlsx_s / csv_s:5.2f}x", flush=True)
    if memory:
        reset_companies()
        tracemalloc.start()
        import_companies(open_tabular(tmp / "create.csv"), dry_run=False)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        results.append(
            {"file": "CSV UTF-8", "scenario": "peak memory (tracemalloc)", "bytes": peak}
        )
        print(f"peak Python memory of a create import: {peak / 2**20:.1f} MiB", flush=True)
    return results


def run_pairs(rows: int, database_url: str | None, repeats: int) -> list[dict[str, Any]]:
    """XLSX against CSV UTF-8 with each pair of imports timed back to back (same database
    state, same rows), so that a change in the machine's load falls on both."""
    tmp = Path(tempfile.mkdtemp(prefix="jembatan-bench-pairs-"))
    _setup_django(database_url, tmp)
    _reference_rows()
    data, changed = generate_rows(rows), generate_rows(rows, variant=1)
    files = {}
    for kind, suffix in (("csv", ".csv"), ("xlsx", ".xlsx")):
        files[kind] = (tmp / f"create{suffix}", tmp / f"update{suffix}")
        for path, content in zip(files[kind], (data, changed), strict=True):
            write_csv(path, content, "utf-8") if kind == "csv" else write_xlsx(path, content)
    results: list[dict[str, Any]] = []

    def pair(scenario: str, index: int, before: Callable[[], Any]) -> None:
        # The file imported second finds the database warmer (pages freed by the delete,
        # caches): which goes first alternates from one pair to the next.
        order = ("csv", "xlsx") if len(results) % 2 == 0 else ("xlsx", "csv")
        seconds = {}
        for kind in order:
            before()
            seconds[kind], report = timed(partial(_import, files[kind][index]))
            assert not report.errors, report.errors[:3]
        results.append({"scenario": scenario, "first": order[0].upper(), **seconds})
        print(
            f"pair {scenario:9} CSV {seconds['csv']:7.2f} s  XLSX {seconds['xlsx']:7.2f} s  "
            f"{seconds['xlsx'] / seconds['csv']:5.2f}x",
            flush=True,
        )

    def empty() -> None:
        reset_companies()

    def restore() -> None:  # back to the created rows (untimed) before an update
        _import(files["csv"][0])

    # Warm-up, untimed: the first import of a process loads modules and reference rows,
    # which would otherwise fall on the first file of the first pair (CSV).
    for kind, suffix in (("csv", ".csv"), ("xlsx", ".xlsx")):
        small = tmp / f"warm-up{suffix}"
        write_csv(small, data[:200], "utf-8") if kind == "csv" else write_xlsx(small, data[:200])
        _import(small)
    for _ in range(repeats):
        pair("create", 0, empty)
        pair("unchanged", 0, lambda: None)
        pair("update", 1, restore)
    for kind in ("csv", "xlsx"):
        path = files[kind][0]
        results.append({"scenario": f"reader pass {kind}", "seconds": baseline(path)})
    results.append({"scenario": "reader pass openpyxl", "seconds": openpyxl_pass(files["xlsx"][0])})
    return results


class Phases:
    """Seconds spent in the parts of an import, by wrapping them (measured in the same run):
    validation, name readings, comparing, staging, the set-wise write, the commit."""

    def __init__(self) -> None:
        from django.db import connection

        from jembatan.registry.domain.company_import import validation, writer

        self.seconds: dict[str, float] = {}
        self._wrap(validation.RowValidator, "validate", "validation")
        self._wrap(writer, "fill_readings", "readings")
        self._wrap(writer.CompanyWriter, "flush", "compare")
        self._wrap(writer.CompanyWriter, "_stage", "stage (COPY / executemany)")
        self._wrap(writer.CompanyWriter, "_write_staged", "set-wise write")
        self._wrap(connection, "commit", "commit")

    def _wrap(self, owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name, None)
        if original is None:  # an older writer (timing the code before a change)
            return
        seconds = self.seconds

        def timed_call(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - start

        setattr(owner, name, timed_call)

    def take(self) -> dict[str, float]:
        """The phases of the import just run (nested ones subtracted), then reset."""
        taken = dict(self.seconds)
        self.seconds.clear()
        nested = taken.get("readings", 0.0) + taken.get("stage (COPY / executemany)", 0.0)
        taken["compare"] = taken.get("compare", 0.0) - nested
        return taken


GOALS = {"create": 10.0, "unchanged": 5.0, "update": 10.0}


def run_database_speed(
    rows: int,
    database_url: str | None,
    only: tuple[str, ...] = tuple(GOALS),
    files: Path | None = None,
) -> list[dict[str, Any]]:
    """Create, unchanged re-import and update of `rows` rows (CSV UTF-8), each timed right
    after the database baseline on the same file, so that both see the same load; `only`
    those scenarios (in this order). The files are written row by row, so that 4 million
    rows fit; each result gives the process's peak RSS so far (ru_maxrss). With `files`,
    the generated files are kept there and reused by a later run of the same size."""
    tmp = Path(tempfile.mkdtemp(prefix="jembatan-bench-dbspeed-"))
    _setup_django(database_url, tmp)
    _reference_rows()
    reset_companies()
    folder = files or tmp
    folder.mkdir(parents=True, exist_ok=True)
    create_file, update_file = folder / f"create-{rows}.csv", folder / f"update-{rows}.csv"
    if files is None or not create_file.exists():
        write_csv(create_file, iter_rows(rows), "utf-8")
    if "update" in only and (files is None or not update_file.exists()):
        write_csv(update_file, iter_rows(rows, variant=1), "utf-8")
    small = tmp / "warm-up.csv"
    write_csv(small, generate_rows(200, seed=3)[:200], "utf-8")
    _import(small)  # untimed: loads Sudachi, the reference rows and the modules
    reset_companies()
    phases = Phases()
    results: list[dict[str, Any]] = []
    for scenario, path in (
        ("create", create_file),
        ("unchanged", create_file),
        ("update", update_file),
    ):
        if scenario not in only:
            continue
        base = database_baseline(path)
        load = os.getloadavg()[0]
        phases.take()
        seconds, report = timed(partial(_import, path))
        taken = phases.take()
        assert not report.errors, report.errors[:3]
        counts = {"create": report.created, "unchanged": report.unchanged, "update": report.updated}
        assert counts[scenario] == rows, (scenario, report.as_json())
        ratio = seconds / base
        results.append(
            {
                "scenario": scenario,
                "baseline": base,
                "seconds": seconds,
                "ratio": ratio,
                "load": load,
                "goal": GOALS[scenario],
                "phases": taken,
                "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            }
        )
        parts = ", ".join(f"{name} {value:.2f}" for name, value in taken.items())
        print(
            f"{scenario:9} {seconds:7.2f} s  baseline {base:5.2f} s  {ratio:5.1f}x "
            f"(goal {GOALS[scenario]:.0f}x)  load {load:.1f}  [{parts}]  "
            f"peak RSS {results[-1]['peak_rss'] / 2**20:.0f} MiB",
            flush=True,
        )
    return results


DATABASE_SPEED_HEADING = "## Company import at database speed (issue 15, 2026-12-03)"


def write_database_speed_docs(
    rows: int, vendor: str, results: list[dict[str, Any]], load: tuple[float, float]
) -> None:
    baseline_name = "raw COPY" if vendor == "PostgreSQL" else "raw executemany"
    lines = [
        f"### {vendor}, {rows:,} rows (CSV UTF-8)",
        "",
        f"| scenario | baseline ({baseline_name}) s | import s | ratio | goal | load avg | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        met = "met" if r["ratio"] <= r["goal"] else "not met"
        lines.append(
            f"| {r['scenario']} | {r['baseline']:.2f} | {r['seconds']:.2f} | {r['ratio']:.1f}x | "
            f"{r['goal']:.0f}x | {r['load']:.1f} | {met} |"
        )
    names = list(dict.fromkeys(name for r in results for name in r["phases"]))
    lines += [
        "",
        "Where the time went (seconds, measured in the same run by wrapping each part):",
        "",
        "| scenario | " + " | ".join(names) + " |",
        "| --- | " + " | ".join("---:" for _ in names) + " |",
    ]
    for r in results:
        cells = " | ".join(f"{r['phases'].get(name, 0.0):.2f}" for name in names)
        lines.append(f"| {r['scenario']} | {cells} |")
    when = time.strftime("%d %b %Y %H:%M UTC", time.gmtime())
    lines.append(
        f"\nMeasured {when} under `nice -n 19`; load average {load[0]:.1f} at the start and "
        f"{load[1]:.1f} at the end, on 2 cores shared with other work."
    )
    section = "\n".join(lines) + "\n"
    text = DOCS.read_text(encoding="utf-8")
    start, end = "<!-- import-database-speed:start -->", "<!-- import-database-speed:end -->"
    if start not in text:
        text = text.rstrip("\n") + f"\n\n{DATABASE_SPEED_HEADING}\n\n{start}\n{end}\n"
    before, rest = text.split(start, 1)
    old, after = rest.split(end, 1)
    blocks = {
        m.group(1): m.group(0).rstrip("\n")
        for m in re.finditer(r"### (\w+), [^\n]*\n.*?(?=\n### |\Z)", old.strip() + "\n", re.S)
    }
    blocks[vendor] = section.rstrip("\n")
    body = "\n\n".join(blocks[key] for key in sorted(blocks))
    DOCS.write_text(f"{before}{start}\n{body}\n{end}{after}", encoding="utf-8")


def write_pairs_docs(
    rows: int, vendor: str, results: list[dict[str, Any]], load: tuple[float, float]
) -> None:
    lines = [
        f"### XLSX against CSV UTF-8, imports timed in pairs, {rows:,} rows, {vendor}",
        "",
        "| scenario | first | CSV UTF-8 s | XLSX s | XLSX / CSV | goal 1.5x |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        if "csv" in r:
            ratio = r["xlsx"] / r["csv"]
            lines.append(
                f"| {r['scenario']} | {r['first']} | {r['csv']:.1f} | {r['xlsx']:.1f} | {ratio:.2f} | "
                f"{'met' if ratio <= 1.5 else 'not met'} |"
            )
    passes = {r["scenario"]: r["seconds"] for r in results if "seconds" in r}
    when = time.strftime("%d %b %Y %H:%M UTC", time.gmtime())
    lines += [
        "",
        "Each pair imports the CSV UTF-8 file and the XLSX file of the same rows from the "
        'same database state, back to back ("first": which ran first; it alternates), after an untimed warm-up import of 200 rows of '
        "each. Reading each file once, no import: csv.reader "
        f"{passes['reader pass csv']:.2f} s, python-calamine {passes['reader pass xlsx']:.2f} s, "
        f"openpyxl read-only (the reader before) {passes['reader pass openpyxl']:.2f} s "
        f"({passes['reader pass openpyxl'] / passes['reader pass xlsx']:.1f}x calamine).",
        "",
        f"Measured {when}; load average {load[0]:.1f} at the start and {load[1]:.1f} at the "
        "end, on 2 cores shared with other work.",
    ]
    section = "\n".join(lines) + "\n"
    text = DOCS.read_text(encoding="utf-8")
    start, end = f"<!-- import-pairs-{vendor}:start -->", f"<!-- import-pairs-{vendor}:end -->"
    if start not in text:
        text = text.replace("<!-- import:end -->", f"<!-- import:end -->\n\n{start}\n{end}", 1)
    before, rest = text.split(start, 1)
    _old, after = rest.split(end, 1)
    DOCS.write_text(f"{before}{start}\n{section}{end}{after}", encoding="utf-8")


NOTES = """
Baseline: a plain csv.reader pass (CSV) or a python-calamine pass (XLSX, the reader the
import uses) over the same file, timed in the same process; the machine is shared (the load
average is given under each table), so compare ratios rather than seconds. XLSX / CSV is the
XLSX import's time over the same rows' CSV UTF-8 import in the same run (goal: at most 1.5).
Memory: besides one chunk of 2,000 rows, an import keeps
16 bytes per row (packed upsert key and row number, for duplicates), so 4.03 million rows
need about 64 MB for the keys plus up to three times that while numpy sorts them at the end:
roughly 25 MiB + 250 MB at the peak, errors aside.
"""


def write_docs(
    rows: int, vendor: str, results: list[dict[str, Any]], load: tuple[float, float]
) -> None:
    lines = [
        f"### Company import, {rows:,} rows, {vendor}",
        "",
        "| file | scenario | seconds | rows/s | × baseline |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for result in results:
        if "seconds" not in result:
            continue
        lines.append(
            f"| {result['file']} | {result['scenario']} | {result['seconds']:.1f} | {result['rows_per_s']:,.0f} | {result['ratio']:.1f} |"
        )
    ratios = [r for r in results if r["file"] == "XLSX / CSV"]
    if ratios:
        lines += ["", "| scenario | CSV UTF-8 s | XLSX s | XLSX / CSV | goal 1.5x |"]
        lines.append("| --- | ---: | ---: | ---: | --- |")
        for r in ratios:
            ratio = r["xlsx"] / r["csv"]
            met = "met" if ratio <= 1.5 else "not met"
            lines.append(
                f"| {r['scenario']} | {r['csv']:.1f} | {r['xlsx']:.1f} | {ratio:.2f} | {met} |"
            )
    for r in results:
        if r["scenario"] == "reader pass":
            lines.append(
                f"\nReading the XLSX file once: python-calamine {r['calamine']:.2f} s, openpyxl "
                f"read-only {r['openpyxl']:.2f} s ({r['openpyxl'] / r['calamine']:.1f}x)."
            )
    when = time.strftime("%d %b %Y %H:%M UTC", time.gmtime())
    lines.append(
        f"\nMeasured {when}; load average {load[0]:.1f} at the start and {load[1]:.1f} at "
        "the end, on 2 cores shared with other work."
    )
    for result in results:
        if "bytes" in result:
            lines.append(
                f"\nPeak Python memory (tracemalloc) of a CSV create import: {result['bytes'] / 2**20:.0f} MiB."
            )
    section = "\n".join(lines) + "\n"
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    start, end = "<!-- import:start -->", "<!-- import:end -->"
    if start not in text:
        text = text.rstrip("\n") + f"\n\n{start}\n{end}\n"
    before, rest = text.split(start, 1)
    old, after = rest.split(end, 1)
    old = old.replace(NOTES, "")
    # Keep the other database's table: one subsection per vendor.
    blocks = {
        m.group(1): m.group(0)
        for m in re.finditer(
            r"### Company import, [^\n]*?, (\w+)\n.*?(?=\n### |\Z)", old.strip() + "\n", re.S
        )
    }
    blocks[vendor] = section
    body = "\n".join(blocks[key].rstrip("\n") + "\n" for key in sorted(blocks)) + NOTES
    DOCS.write_text(f"{before}{start}\n{body}{end}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--no-xlsx", action="store_true")
    parser.add_argument("--memory", action="store_true", help="also measure peak memory (slow)")
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument(
        "--xlsx-pairs",
        type=int,
        metavar="N",
        default=0,
        help="only time XLSX against CSV UTF-8, in back-to-back pairs, N rounds",
    )
    parser.add_argument(
        "--database-speed",
        action="store_true",
        help="only time create / unchanged / update against a raw COPY (PostgreSQL) or a raw "
        "executemany (SQLite) of the same file (issue 15)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=list(GOALS),
        help="with --database-speed: only these scenarios (repeatable), e.g. --only create "
        "--rows 4030000 for the national-scale end-to-end import",
    )
    parser.add_argument(
        "--files",
        type=Path,
        help="with --database-speed: keep the generated CSV files in this folder and reuse "
        "them in a later run of the same size (4.03 million rows take minutes to write)",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    database_url = os.environ.get("DATABASE_URL")
    vendor = "PostgreSQL" if database_url and database_url.startswith("postgres") else "SQLite"
    load_start = os.getloadavg()[0]
    if args.database_speed:
        speed = run_database_speed(args.rows, database_url, tuple(args.only or GOALS), args.files)
        load = (load_start, os.getloadavg()[0])
        print(f"load average {load[0]:.1f} at the start, {load[1]:.1f} at the end", flush=True)
        if args.write_docs:
            write_database_speed_docs(args.rows, vendor, speed, load)
        return
    if args.xlsx_pairs:
        pairs = run_pairs(args.rows, database_url, args.xlsx_pairs)
        load = (load_start, os.getloadavg()[0])
        print(f"load average {load[0]:.1f} at the start, {load[1]:.1f} at the end", flush=True)
        if args.write_docs:
            write_pairs_docs(args.rows, vendor, pairs, load)
        return
    results = run(args.rows, database_url, with_xlsx=not args.no_xlsx, memory=args.memory)
    load = (load_start, os.getloadavg()[0])
    print(f"load average {load[0]:.1f} at the start, {load[1]:.1f} at the end", flush=True)
    if args.write_docs:
        write_docs(args.rows, vendor, results, load)


if __name__ == "__main__":
    main()
