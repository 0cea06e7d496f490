"""Writing validated records: upsert by (country, registry_id), in chunks, with bulk queries.

Each chunk prefetches the companies it may touch by registry_id, compares field by field
(so an identical row is `unchanged` and is not written: `updated_at` stays), then issues
one bulk_create, one bulk_update and the classification links through the M2M's
through-model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from jembatan.registry.domain.company_import.validation import SCHEME_OF_COUNTRY, CompanyRecord
from jembatan.registry.domain.derived import apply_derived_fields
from jembatan.registry.models import Company

CHUNK_SIZE = 2000
Link = Company.classifications.through


@dataclass
class WriteCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class _Chunk:
    creates: list[tuple[Company, tuple[int, ...] | None]] = field(default_factory=list)
    updates: list[Company] = field(default_factory=list)
    new_links: list[tuple[int, int]] = field(default_factory=list)
    stale_links: list[int] = field(default_factory=list)


class CompanyWriter:
    """Buffers records and upserts them a chunk at a time; writes nothing when dry_run."""

    def __init__(
        self,
        field_names: list[str],
        scheme_ids: dict[str, set[int]],
        *,
        with_classifications: bool,
        dry_run: bool,
    ) -> None:
        self.field_names = [name for name in field_names if name not in ("country", "registry_id")]
        # bulk_update wants field names, not attnames.
        self.update_fields = [
            "region" if name == "region_id" else name for name in self.field_names
        ] + ["size_class", "updated_at"]
        self.scheme_ids = scheme_ids
        self.with_classifications = with_classifications
        self.dry_run = dry_run
        self.counts = WriteCounts()
        self.buffer: list[CompanyRecord] = []

    def add(self, record: CompanyRecord) -> None:
        self.buffer.append(record)
        if len(self.buffer) >= CHUNK_SIZE:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        records, self.buffer = self.buffer, []
        existing = {
            (company.country, company.registry_id): company
            for company in Company.objects.filter(
                registry_id__in=[record.registry_id for record in records]
            )
        }
        links = self._links_of(list(existing.values()))
        chunk = _Chunk()
        now = timezone.now()
        for record in records:
            company = existing.get((record.country, record.registry_id))
            if company is None:
                company = Company(**record.fields)
                apply_derived_fields(company)
                chunk.creates.append((company, record.classification_ids))
            elif self._merge(company, record, links.get(company.pk, {}), chunk):
                company.updated_at = now
                chunk.updates.append(company)
            else:
                self.counts.unchanged += 1
        self.counts.created += len(chunk.creates)
        self.counts.updated += len(chunk.updates)
        if not self.dry_run:
            self._write(chunk)

    def _links_of(self, companies: list[Company]) -> dict[int, dict[int, int]]:
        """company id -> {classification id: link id}, for the codes of its own scheme."""
        links: dict[int, dict[int, int]] = {}
        if not (self.with_classifications and companies):
            return links
        country_of = {company.pk: company.country for company in companies}
        rows = Link.objects.filter(company_id__in=list(country_of)).values_list(
            "id", "company_id", "classification_id"
        )
        for link_id, company_id, classification_id in rows:
            scheme = SCHEME_OF_COUNTRY[country_of[company_id]]
            if classification_id in self.scheme_ids.get(scheme, ()):
                links.setdefault(company_id, {})[classification_id] = link_id
        return links

    def _merge(
        self, company: Company, record: CompanyRecord, current: dict[int, int], chunk: _Chunk
    ) -> bool:
        """Copy the record onto `company`; True when anything differs."""
        changed = False
        for name in self.field_names:
            value = record.fields[name]
            if getattr(company, name) != value:
                setattr(company, name, value)
                changed = True
        size_class = company.size_class
        apply_derived_fields(company)
        changed = changed or company.size_class != size_class
        wanted = record.classification_ids
        if wanted is not None and set(wanted) != set(current):
            changed = True
            chunk.stale_links += [link for code, link in current.items() if code not in wanted]
            chunk.new_links += [(company.pk, code) for code in wanted if code not in current]
        return changed

    def _write(self, chunk: _Chunk) -> None:
        if chunk.creates:
            created = Company.objects.bulk_create([company for company, _ in chunk.creates])
            for company, (_, codes) in zip(created, chunk.creates, strict=True):
                chunk.new_links += [(company.pk, code) for code in codes or ()]
        if chunk.updates:
            Company.objects.bulk_update(chunk.updates, self.update_fields)
        if chunk.stale_links:
            Link.objects.filter(id__in=chunk.stale_links).delete()
        if chunk.new_links:
            Link.objects.bulk_create(
                [
                    Link(company_id=company, classification_id=code)
                    for company, code in chunk.new_links
                ],
                ignore_conflicts=True,
            )
