"""Factories and file samples for partnership-profile tests."""

from __future__ import annotations

import datetime as dt

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from jembatan.opportunities.models import PartnershipProfile, ProfileAttachment, Status
from jembatan.registry.models import ProgrammeSector, Region
from tests.factories import CompanyFactory

# Sixty days before the test run, at 09:00 UTC: published profiles must be within their 365
# days on whatever day the suite runs, since one past its date is shown as expired.
PUBLISHED_AT = (dt.datetime.now(dt.UTC) - dt.timedelta(days=60)).replace(
    hour=9, minute=0, second=0, microsecond=0
)

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
WEBP_BYTES = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 32
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 32


def upload(
    name: str, content: bytes, content_type: str = "application/octet-stream"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def textiles_sector() -> ProgrammeSector:
    sector, _ = ProgrammeSector.objects.get_or_create(
        slug="textiles",
        defaults={
            "name_id": "Tekstil",
            "name_ja": "繊維",
            "name_en": "Textiles",
            "isic_classes": ["1311"],
            "priority": True,
        },
    )
    return sector


def west_java() -> Region:
    region, _ = Region.objects.get_or_create(
        code="ID-JB",
        defaults={
            "country": "ID",
            "name_en": "West Java",
            "name_id": "Jawa Barat",
            "name_ja": "西ジャワ州",
        },
    )
    return region


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipProfile

    company = factory.SubFactory(CompanyFactory)
    kind = "business"
    direction = "offer"
    cooperation_types = factory.LazyFunction(lambda: ["supply"])
    title = factory.Sequence(lambda n: f"Kain tenun untuk pasar Jepang {n}")
    summary = "Kami menawarkan kain tenun dan batik cap untuk pembeli di Jepang."
    description = "Produksi 5.000 meter per bulan, pewarna alami, sertifikat SNI."
    language = "id"
    language_detected = "id"
    target_countries = factory.LazyFunction(lambda: ["JP"])
    status = Status.DRAFT


def published(**kwargs: object) -> PartnershipProfile:
    """A profile as it is right after publication on PUBLISHED_AT."""
    return ProfileFactory(
        status=Status.PUBLISHED,
        published_at=PUBLISHED_AT,
        expires_at=PUBLISHED_AT + dt.timedelta(days=365),
        **kwargs,
    )


def attach(profile: PartnershipProfile, name: str, content: bytes = PDF_BYTES) -> ProfileAttachment:
    attachment = ProfileAttachment(
        profile=profile, original_name=name, content_type="application/pdf", size=len(content)
    )
    attachment.file.save(name, SimpleUploadedFile(name, content), save=False)
    attachment.save()
    return attachment
