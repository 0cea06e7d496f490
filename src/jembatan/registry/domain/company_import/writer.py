"""Writing validated records: upsert by (country, registry_id), set-wise through staging tables.

Each chunk of records looks up the companies it may touch in one query (plain values, no
model instances) and compares field by field, so that an identical row is `unchanged` and is
not written (`updated_at` stays), exactly as a dry run counts it. The rows that create or
change a company, with their derived size class and name readings (romaji / katakana keys
for cross-script search, recomputed only when a name changed), are streamed into temporary
staging tables: with COPY on PostgreSQL, with executemany on SQLite. `finish` then writes
everything set-wise, in the caller's transaction (so a failing file writes nothing):

- one `INSERT ... SELECT ... ON CONFLICT (country, registry_id) DO UPDATE ... WHERE
  (columns) IS DISTINCT FROM (excluded columns)` for the companies;
- one DELETE of the classification links that the file no longer gives, one INSERT ...
  SELECT of the new links (joined to the companies by their key, in the order given);
- one UPDATE of `updated_at` for companies whose only change is their codes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.db import connections
from django.utils import timezone

from jembatan.registry.domain.company_import.validation import SCHEME_OF_COUNTRY, CompanyRecord
from jembatan.registry.domain.derived import size_class_for
from jembatan.registry.domain.readings import READING_FIELDS, fill_readings
from jembatan.registry.models import Company

CHUNK_SIZE = 5000
_NAME_FIELDS = ("name", "name_alt", "name_kana")
_SIZE_INPUTS = ("employees", "capital_amount", "capital_currency")
Link = Company.classifications.through
# Staging tables: temporary, so private to this connection, and dropped by `finish` (or by
# the rollback that undoes their creation when the import fails).
_STAGE = "jembatan_import_company"
_STAGE_LINKS = "jembatan_import_link"
_STAGE_STALE = "jembatan_import_stale_link"
_STAGE_TOUCH = "jembatan_import_touch"


@dataclass
class WriteCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class _Firm:
    """What the size rule and the readings need of a company, without a model instance."""

    country: str
    name: str = ""
    name_alt: str = ""
    name_kana: str = ""
    employees: int | None = None
    capital_amount: int | None = None
    capital_currency: str = ""
    reading_latin: str = ""
    reading_kana: str = ""
    readings_generated: bool = False
    name_keys: str = ""


@lru_cache(maxsize=65536)
def _size_class(country: str, employees: int | None, capital: int | None, currency: str) -> str:
    """Company.size_class as apply_derived_fields sets it on import (no main code)."""
    firm = _Firm(country, employees=employees, capital_amount=capital, capital_currency=currency)
    return size_class_for(firm)  # type: ignore[arg-type]


_JSON_MEMO_SIZE = 10_000  # distinct stored JSON texts remembered decoded, per import


def _same_json(stored: str, value: Any, decoded: dict[str, Any]) -> bool:
    """Whether the stored JSON text holds `value` once decoded; `decoded` remembers the
    texts already decoded (a file repeats a few: "id;en", "ja"), so that an unchanged row
    costs a dict lookup, not a json.dumps (a tenth of the comparison, measured)."""
    known = decoded.get(stored)
    if known is None:
        known = json.loads(stored)
        if len(decoded) < _JSON_MEMO_SIZE:
            decoded[stored] = known
    return bool(known == value)


@dataclass
class _Chunk:
    companies: list[tuple[Any, ...]] = field(default_factory=list)
    new_links: list[tuple[str, str, int, int]] = field(default_factory=list)
    stale_links: list[tuple[int]] = field(default_factory=list)
    touched: list[tuple[int]] = field(default_factory=list)


class CompanyWriter:
    """Buffers records, compares them with the stored companies a chunk at a time and stages
    what changes; `finish` writes it. Writes (and stages) nothing when dry_run."""

    def __init__(
        self,
        field_names: list[str],
        scheme_ids: dict[str, set[int]],
        *,
        with_classifications: bool,
        dry_run: bool,
    ) -> None:
        self.field_names = [name for name in field_names if name not in ("country", "registry_id")]
        self.update_fields = [*self.field_names, "size_class", *READING_FIELDS, "updated_at"]
        self.scheme_ids = scheme_ids
        self.with_classifications = with_classifications
        self.dry_run = dry_run
        self.counts = WriteCounts()
        self.buffer: list[CompanyRecord] = []
        self.buffered_keys: set[tuple[str, str]] = set()
        self.connection = connections[Company.objects.db]
        self.now = timezone.now()
        self.seq = 0
        self.staged = False
        self.decoded_json: dict[str, Any] = {}
        # Staged: the key, the file's columns and what is derived from them. Every other
        # column of a created company takes its default as a constant of the INSERT
        # (half the width to copy, measured: staging was a third of an update's time).
        fields = [f for f in Company._meta.concrete_fields if not f.primary_key]
        self.record_fields = ["country", "registry_id", *self.field_names]
        staged = [*self.record_fields, "size_class", *READING_FIELDS]
        by_attname = {f.attname: f for f in fields}
        self.columns = [str(by_attname[name].column) for name in staged]
        self.position = {name: i for i, name in enumerate(staged)}
        self.languages_at = self.position.get("languages")
        self.has_employees = "employees" in self.field_names
        stamp = self.connection.ops.adapt_datetimefield_value(self.now)
        self.constant_columns: list[str] = []
        self.constants: list[Any] = []
        for f in fields:
            if f.attname in self.position:
                continue
            self.constant_columns.append(str(f.column))
            if f.attname in ("created_at", "updated_at"):
                self.constants.append(stamp)
            else:
                self.constants.append(f.get_db_prep_save(f.get_default(), self.connection))
        self.existing_fields = [
            "id",
            "country",
            "registry_id",
            *dict.fromkeys(
                [*self.field_names, *_NAME_FIELDS, *_SIZE_INPUTS, "size_class", *READING_FIELDS]
            ),
        ]

    def add(self, record: CompanyRecord) -> None:
        key = (record.country, record.registry_id)
        # A repeated key makes the import fail later; until then, keep one chunk consistent.
        if key in self.buffered_keys or len(self.buffer) >= CHUNK_SIZE:
            self.flush()
        self.buffer.append(record)
        self.buffered_keys.add(key)

    # --- comparing ---------------------------------------------------------------------

    def flush(self) -> None:
        if not self.buffer:
            return
        records, self.buffer = self.buffer, []
        self.buffered_keys = set()
        existing = self._existing(records)
        links = self._links_of(existing.values())
        chunk = _Chunk()
        for record in records:
            current = existing.get((record.country, record.registry_id))
            if current is None:
                self.counts.created += 1
                if not self.dry_run:
                    chunk.companies.append(self._created_row(record))
                    self._link(chunk, record, record.classification_ids or ())
            elif self._merge(current, record, links.get(current["id"], {}), chunk):
                self.counts.updated += 1
            else:
                self.counts.unchanged += 1
        if not self.dry_run:
            self._stage(chunk)

    def _fetch(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        # Plain SQL: the ORM spent longer compiling 5,000 parameters than running the query.
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())

    def _existing(self, records: list[CompanyRecord]) -> dict[tuple[str, str], dict[str, Any]]:
        """The stored companies with these records' keys, by key, as plain values."""
        names = self.existing_fields
        by_attname = {f.attname: f for f in Company._meta.concrete_fields}
        quote = self.connection.ops.quote_name
        columns = [f"c.{quote(str(by_attname[name].column))}" for name in names]
        table = quote(Company._meta.db_table)
        country, registry_id = quote("country"), quote("registry_id")
        if self.connection.vendor == "postgresql":
            if "languages" in names:
                # jsonb as text: compared with the record's json.dumps before any decoding.
                columns[names.index("languages")] += "::text"
            # A join to the keys walks the unique (country, registry_id) index key by key,
            # whatever the table's statistics say (a filter `= ANY(...)` was planned as a
            # scan of every company of both countries when they were stale).
            sql = (
                f"SELECT {', '.join(columns)} FROM unnest(%s::varchar[], %s::varchar[]) "  # noqa: S608 (names from the model)
                f"AS k(country, registry_id) JOIN {table} c "
                f"ON c.{country} = k.country AND c.{registry_id} = k.registry_id"
            )
            params: list[Any] = [
                [record.country for record in records],
                [record.registry_id for record in records],
            ]
        else:
            # Both countries named, so that the (country, registry_id) index serves it.
            marks = ", ".join(["%s"] * len(records))
            sql = (
                f"SELECT {', '.join(columns)} FROM {table} c "  # noqa: S608 (names from the model)
                f"WHERE c.{country} IN ('ID', 'JP') AND c.{registry_id} IN ({marks})"
            )
            params = [record.registry_id for record in records]
        existing = {}
        for values in self._fetch(sql, params):
            row = dict(zip(names, values, strict=True))
            existing[(row["country"], row["registry_id"])] = row
        return existing

    def _links_of(self, companies: Iterable[dict[str, Any]]) -> dict[int, dict[int, int]]:
        """company id -> {classification id: link id}, for the codes of its own scheme."""
        links: dict[int, dict[int, int]] = {}
        country_of = {company["id"]: company["country"] for company in companies}
        if not (self.with_classifications and country_of):
            return links
        quote = self.connection.ops.quote_name
        columns = ", ".join(
            f"l.{quote(name)}" for name in ("id", "company_id", "classification_id")
        )
        table, company_id = quote(Link._meta.db_table), quote("company_id")
        ids = list(country_of)
        if self.connection.vendor == "postgresql":
            sql = (
                f"SELECT {columns} FROM unnest(%s::bigint[]) AS k(id) "  # noqa: S608 (names from the model)
                f"JOIN {table} l ON l.{company_id} = k.id"
            )
            rows = self._fetch(sql, [ids])
        else:
            marks = ", ".join(["%s"] * len(ids))
            sql = f"SELECT {columns} FROM {table} l WHERE l.{company_id} IN ({marks})"  # noqa: S608 (names from the model)
            rows = self._fetch(sql, ids)
        for link_id, company_id, classification_id in rows:
            scheme = SCHEME_OF_COUNTRY[country_of[company_id]]
            if classification_id in self.scheme_ids.get(scheme, ()):
                links.setdefault(company_id, {})[classification_id] = link_id
        return links

    def _created_row(self, record: CompanyRecord) -> tuple[Any, ...]:
        values = record.fields
        firm = _Firm(record.country, name=values.get("name", ""))
        fill_readings(firm)
        size = _size_class(record.country, values.get("employees"), None, "")
        return self._row(values, size, tuple(getattr(firm, name) for name in READING_FIELDS))

    def _row(self, values: dict[str, Any], size: str, readings: tuple[Any, ...]) -> tuple[Any, ...]:
        row = [values[name] for name in self.record_fields]
        if self.languages_at is not None:
            row[self.languages_at] = json.dumps(row[self.languages_at])
        row.append(size)
        row += readings
        return tuple(row)

    def _merge(
        self,
        current: dict[str, Any],
        record: CompanyRecord,
        links: dict[int, int],
        chunk: _Chunk,
    ) -> bool:
        """Stage the record's changes to the stored company `current`; True when any."""
        values = record.fields
        changed = renamed = False
        for name in self.field_names:
            if current[name] != values[name] and not (
                name == "languages" and _same_json(current[name], values[name], self.decoded_json)
            ):
                changed = True
                renamed = renamed or name in _NAME_FIELDS
        employees = values["employees"] if self.has_employees else current["employees"]
        size = _size_class(
            record.country, employees, current["capital_amount"], current["capital_currency"]
        )
        changed = changed or size != current["size_class"]
        # Readings follow the names (Sudachi makes them cost): recomputed only when a name
        # changed, or for a row that never had them.
        if renamed or not current["name_keys"]:
            firm = _Firm(
                record.country,
                **{name: values.get(name, current[name]) for name in _NAME_FIELDS},
                **{name: current[name] for name in READING_FIELDS},
            )
            changed = fill_readings(firm) or changed
            readings = tuple(getattr(firm, name) for name in READING_FIELDS)
        else:
            readings = tuple(current[name] for name in READING_FIELDS)
        wanted = record.classification_ids
        codes_changed = wanted is not None and set(wanted) != set(links)
        if not (changed or codes_changed):
            return False
        if not self.dry_run:
            if changed:
                chunk.companies.append(self._row(values, size, readings))
            else:
                chunk.touched.append((current["id"],))
            if codes_changed:
                assert wanted is not None
                chunk.stale_links += [(link,) for code, link in links.items() if code not in wanted]
                self._link(chunk, record, [code for code in wanted if code not in links])
        return True

    def _link(self, chunk: _Chunk, record: CompanyRecord, codes: Sequence[int]) -> None:
        if not self.with_classifications:
            return
        for code in codes:
            self.seq += 1
            chunk.new_links.append((record.country, record.registry_id, code, self.seq))

    # --- staging and writing -------------------------------------------------------------

    def _stage(self, chunk: _Chunk) -> None:
        if not (chunk.companies or chunk.new_links or chunk.stale_links or chunk.touched):
            return
        if not self.staged:
            self._create_staging()
        quote = self.connection.ops.quote_name
        tables: list[tuple[str, list[str], Sequence[tuple[Any, ...]]]] = [
            (_STAGE, self.columns, chunk.companies),
            (_STAGE_LINKS, ["country", "registry_id", "classification_id", "seq"], chunk.new_links),
            (_STAGE_STALE, ["id"], chunk.stale_links),
            (_STAGE_TOUCH, ["id"], chunk.touched),
        ]
        with self.connection.cursor() as cursor:
            for table, columns, rows in tables:
                if not rows:
                    continue
                names = ", ".join(quote(column) for column in columns)
                if self.connection.vendor == "postgresql":
                    with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
                else:
                    marks = ", ".join(["%s"] * len(columns))
                    cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608 (names from the model)

    def _create_staging(self) -> None:
        quote = self.connection.ops.quote_name
        company = quote(Company._meta.db_table)
        columns = ", ".join(quote(column) for column in self.columns)
        temporary = "TEMPORARY"
        with self.connection.cursor() as cursor:
            self._drop_staging(cursor)
            cursor.execute(
                f"CREATE {temporary} TABLE {_STAGE} AS SELECT {columns} FROM {company} WHERE 1 = 0"  # noqa: S608 (names from the model)
            )
            cursor.execute(
                f"CREATE {temporary} TABLE {_STAGE_LINKS} "
                "(country varchar(2), registry_id varchar(13), classification_id bigint, seq bigint)"
            )
            cursor.execute(f"CREATE {temporary} TABLE {_STAGE_STALE} (id bigint)")
            cursor.execute(f"CREATE {temporary} TABLE {_STAGE_TOUCH} (id bigint)")
        self.staged = True

    def _drop_staging(self, cursor: Any) -> None:
        schema = "pg_temp" if self.connection.vendor == "postgresql" else "temp"
        for table in (_STAGE, _STAGE_LINKS, _STAGE_STALE, _STAGE_TOUCH):
            cursor.execute(f"DROP TABLE IF EXISTS {schema}.{table}")

    def finish(self) -> None:
        """Write what the chunks staged, set-wise; call once, after the last record."""
        self.flush()
        if self.dry_run or not self.staged:
            return
        self._write_staged()

    def _write_staged(self) -> None:
        connection = self.connection
        quote = connection.ops.quote_name
        company = quote(Company._meta.db_table)
        link = quote(Link._meta.db_table)
        postgres = connection.vendor == "postgresql"
        columns = ", ".join(quote(column) for column in self.columns)
        constants = ", ".join(quote(column) for column in self.constant_columns)
        values = ", ".join(["%s"] * len(self.constant_columns))
        by_attname = {f.attname: f for f in Company._meta.concrete_fields}
        updated = [quote(str(by_attname[name].column)) for name in self.update_fields]
        compared = [column for column in updated if column != quote("updated_at")]
        assignments = ", ".join(f"{column} = excluded.{column}" for column in updated)
        mine = ", ".join(f"{company}.{column}" for column in compared)
        theirs = ", ".join(f"excluded.{column}" for column in compared)
        distinct = "IS DISTINCT FROM" if postgres else "IS NOT"
        stamp = connection.ops.adapt_datetimefield_value(self.now)
        with connection.cursor() as cursor:
            # No ANALYZE of the staging tables: measured, it cost more (1.5 s for 100,000
            # rows) than the plans it could improve; the planner sizes them by their pages.
            cursor.execute(
                f"DELETE FROM {link} WHERE {quote('id')} IN (SELECT id FROM {_STAGE_STALE})"  # noqa: S608 (names from the model)
            )
            # "WHERE true": SQLite's parser needs it between a SELECT and ON CONFLICT.
            cursor.execute(
                f"INSERT INTO {company} ({columns}, {constants}) "  # noqa: S608 (names from the model)
                f"SELECT {columns}, {values} FROM {_STAGE} WHERE true "
                f"ON CONFLICT ({quote('country')}, {quote('registry_id')}) DO UPDATE SET "
                f"{assignments} WHERE ({mine}) {distinct} ({theirs})",
                self.constants,
            )
            cursor.execute(
                f"INSERT INTO {link} ({quote('company_id')}, {quote('classification_id')}) "  # noqa: S608 (names from the model)
                f"SELECT c.{quote('id')}, l.classification_id FROM {_STAGE_LINKS} l "
                f"JOIN {company} c ON c.{quote('country')} = l.country "
                f"AND c.{quote('registry_id')} = l.registry_id "
                "ORDER BY l.seq ON CONFLICT DO NOTHING"
            )
            cursor.execute(
                f"UPDATE {company} SET {quote('updated_at')} = %s "  # noqa: S608 (names from the model)
                f"WHERE {quote('id')} IN (SELECT id FROM {_STAGE_TOUCH})",
                [stamp],
            )
            self._drop_staging(cursor)
        self.staged = False
