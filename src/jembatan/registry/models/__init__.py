from __future__ import annotations

from jembatan.registry.models.classification import (
    Classification,
    CrosswalkLink,
    ProgrammeSector,
    Scheme,
)
from jembatan.registry.models.company import Certification, Company, Country
from jembatan.registry.models.contact import Contact
from jembatan.registry.models.import_job import CompanyImportJob, ImportJobStatus
from jembatan.registry.models.region import Region

__all__ = [
    "Certification",
    "Classification",
    "Company",
    "CompanyImportJob",
    "Contact",
    "Country",
    "CrosswalkLink",
    "ImportJobStatus",
    "ProgrammeSector",
    "Region",
    "Scheme",
]
