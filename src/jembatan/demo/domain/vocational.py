"""Demo vocational cooperation: schools and kosen, the July 2016 MoU, teachers and students.

- SMTI Yogyakarta (the demo institution member `smti.yogyakarta` works there) and NIT Akashi
  College (Akashi, Hyogo; member `kosen.akashi`), with three more Indonesian schools and one
  more kosen.
- The MoU of July 2016 between SMTI Yogyakarta and Akashi College: teacher exchange, student
  exchange and short courses; five years, renewed by agreement in 2021 until July 2026. And
  a draft MoU between a polytechnic and a second kosen.
- A few teachers and students (students under 18 among them) at both schools.

Rows are written directly (no notices, no audit entries); a second run changes nothing.
`install_demo_vocational` is the one call the demo builder makes; programmes and
applications add their own function beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password

from jembatan.accounts.models import Organisation, Role, User
from jembatan.demo.domain.regions import ensure_regions
from jembatan.demo.domain.users import DEMO_PASSWORD, INSTITUTION_NAME
from jembatan.registry.models import Company, Region
from jembatan.vocational.domain.institutions import ORGANISATION_TYPE
from jembatan.vocational.models import (
    Department,
    Institution,
    InstitutionContact,
    InstitutionType,
    Mou,
    MouParty,
    MouScope,
    Person,
    Renewal,
    ScopeKind,
)

AKASHI_NAME = "National Institute of Technology, Akashi College"
MOU_TITLE = "MoU SMTI Yogyakarta – NIT Akashi College (2016)"
DRAFT_TITLE = "MoU Politeknik STTT Bandung – NIT Tokyo College (draft)"
KOSEN_USER = "kosen.akashi"


@dataclass(frozen=True)
class InstitutionSpec:
    name: str
    type: str
    country: str
    region: str
    city: str
    name_local: str
    supervised_by: str
    departments: tuple[tuple[str, str], ...]
    contact: tuple[str, str, str]  # name, position, e-mail


INSTITUTIONS: tuple[InstitutionSpec, ...] = (
    InstitutionSpec(
        INSTITUTION_NAME,
        InstitutionType.SMTI,
        "ID",
        "ID-YO",
        "Yogyakarta",
        "Sekolah Menengah Teknologi Industri Yogyakarta",
        "Kementerian Perindustrian",
        (
            ("chemical_analysis", "Analisis Kimia"),
            ("food_technology", "Kimia Industri"),
            ("mechanical", "Teknik Mekanik Industri"),
        ),
        (
            "Sri Handayani",
            "Wakil Kepala Sekolah bidang Hubungan Industri",
            "humas@smti-yogya.example",
        ),
    ),
    InstitutionSpec(
        AKASHI_NAME,
        InstitutionType.KOSEN,
        "JP",
        "JP-28",
        "Akashi",
        "明石工業高等専門学校",
        "独立行政法人国立高等専門学校機構",
        (
            ("mechanical", "機械工学科"),
            ("electrical", "電気情報工学科"),
            ("civil", "都市システム工学科"),
            ("civil", "建築学科"),
        ),
        ("山本 由美", "国際交流室", "kokusai@akashi-kosen.example"),
    ),
    InstitutionSpec(
        "SMK SMAK Bogor",
        InstitutionType.SMK,
        "ID",
        "ID-JB",
        "Bogor",
        "Sekolah Menengah Analis Kimia Bogor",
        "Kementerian Perindustrian",
        (("chemical_analysis", "Analis Kimia"),),
        ("Bambang Wibowo", "Kepala Program Keahlian", "info@smakbogor.example"),
    ),
    InstitutionSpec(
        "Politeknik STTT Bandung",
        InstitutionType.POLYTECHNIC,
        "ID",
        "ID-JB",
        "Bandung",
        "Politeknik Sekolah Tinggi Teknologi Tekstil",
        "Kementerian Perindustrian",
        (
            ("textile", "Teknik Tekstil"),
            ("textile", "Kimia Tekstil"),
            ("textile", "Produksi Garmen"),
        ),
        ("Ratna Sari", "Kepala Unit Kerja Sama", "kerjasama@stttekstil.example"),
    ),
    InstitutionSpec(
        "Akademi Komunitas Industri Tekstil dan Produk Tekstil Surakarta",
        InstitutionType.ACADEMY,
        "ID",
        "ID-JT",
        "Surakarta",
        "AK-Tekstil Solo",
        "Kementerian Perindustrian",
        (("textile", "Teknik Pembuatan Garmen"),),
        ("Joko Susilo", "Direktur", "info@aktekstil-solo.example"),
    ),
    InstitutionSpec(
        "National Institute of Technology, Tokyo College",
        InstitutionType.KOSEN,
        "JP",
        "JP-13",
        "Hachioji",
        "東京工業高等専門学校",
        "独立行政法人国立高等専門学校機構",
        (
            ("mechanical", "機械工学科"),
            ("chemical_engineering", "物質工学科"),
            ("informatics", "情報工学科"),
        ),
        ("田中 浩", "学生課 国際交流係", "kokusai@tokyo-ct.example"),
    ),
)

# given, family, kind, institution index, department kind, year, birth, JLPT, BIPA
PEOPLE: tuple[tuple[str, str, str, int, str, int | None, dt.date | None, str, str], ...] = (
    (
        "Agus",
        "Prasetyo",
        "teacher",
        0,
        "chemical_analysis",
        None,
        dt.date(1982, 5, 14),
        "N4",
        "native",
    ),
    ("Wahyu", "Nugroho", "teacher", 0, "mechanical", None, dt.date(1979, 11, 2), "N5", "native"),
    (
        "Putri",
        "Lestari",
        "student",
        0,
        "chemical_analysis",
        2,
        dt.date(2009, 3, 21),
        "N5",
        "native",
    ),
    ("Dimas", "Saputra", "student", 0, "mechanical", 3, dt.date(2008, 8, 9), "N4", "native"),
    ("Ayu", "Kartika", "student", 0, "food_technology", 1, None, "", "native"),
    ("健太", "中村", "teacher", 1, "mechanical", None, dt.date(1975, 6, 30), "", "bipa2"),
    ("さくら", "小林", "student", 1, "electrical", 4, dt.date(2006, 12, 5), "", "bipa1"),
    ("翔", "高橋", "student", 1, "civil", 3, dt.date(2008, 4, 17), "", ""),
)


def _regions() -> dict[str, Region]:
    regions, _count = ensure_regions({spec.region for spec in INSTITUTIONS})
    return regions


def _institution(spec: InstitutionSpec, regions: dict[str, Region]) -> Institution:
    organisation, _ = Organisation.objects.update_or_create(
        name=spec.name,
        kind=Organisation.Kind.INSTITUTION,
        defaults={
            "institution_type": ORGANISATION_TYPE[InstitutionType(spec.type)],
            "country": spec.country,
            "region": regions[spec.region],
            "verification": Organisation.Verification.VERIFIED,
        },
    )
    institution, _ = Institution.objects.update_or_create(
        organisation=organisation,
        defaults={
            "type": spec.type,
            "city": spec.city,
            "name_local": spec.name_local,
            "supervised_by": spec.supervised_by,
        },
    )
    for kind, name in spec.departments:
        Department.objects.get_or_create(institution=institution, kind=kind, name=name)
    name, position, email = spec.contact
    InstitutionContact.objects.update_or_create(
        institution=institution,
        name=name,
        defaults={"position": position, "email": email, "is_primary": True},
    )
    return institution


def _kosen_user(akashi: Institution) -> None:
    User.objects.update_or_create(
        username=KOSEN_USER,
        defaults={
            "role": Role.INSTITUTION_MEMBER,
            "language": "ja",
            "first_name": "由美",
            "last_name": "山本",
            "email": f"{KOSEN_USER}@jembatan.example",
            "organisation": akashi.organisation,
            "password": make_password(DEMO_PASSWORD),
        },
    )


def _mou(title: str, parties: list[Institution], **values: object) -> Mou:
    mou, _ = Mou.objects.update_or_create(title=title, defaults=values)
    for institution in parties:
        MouParty.objects.get_or_create(mou=mou, institution=institution)
    return mou


def install_demo_vocational() -> dict[str, int]:
    """Write the vocational demo rows; returns how many of each there are."""
    regions = _regions()
    institutions = [_institution(spec, regions) for spec in INSTITUTIONS]
    smti, akashi = institutions[0], institutions[1]
    _kosen_user(akashi)
    mou = _mou(
        MOU_TITLE,
        [smti, akashi],
        signed_on=dt.date(2016, 7, 27),
        starts_on=dt.date(2016, 7, 27),
        # Five years, renewed by agreement in 2021 for five more.
        ends_on=dt.date(2026, 7, 26),
        renewal=Renewal.BY_AGREEMENT,
        summary=(
            "Kerja sama SMTI Yogyakarta dan NIT Akashi College: pertukaran guru, pertukaran "
            "siswa, dan kursus singkat. / SMTI ジョグジャカルタと明石高専の教員交流・学生交流・短期研修。"
        ),
    )
    for scope, text in (
        (ScopeKind.TEACHER_EXCHANGE, "Teachers visit the partner school for up to four weeks."),
        (ScopeKind.STUDENT_EXCHANGE, "Students join classes and workshops at the partner school."),
        (ScopeKind.SHORT_COURSE, "Short courses of one to two weeks, in Akashi or Yogyakarta."),
    ):
        MouScope.objects.update_or_create(mou=mou, kind=scope, defaults={"description": text})
    MouParty.objects.filter(mou=mou, institution=smti).update(
        signatory="Kepala SMTI Yogyakarta", signatory_title="Kepala Sekolah"
    )
    MouParty.objects.filter(mou=mou, institution=akashi).update(
        signatory="明石工業高等専門学校長", signatory_title="校長"
    )
    draft = _mou(DRAFT_TITLE, [institutions[3], institutions[5]], renewal=Renewal.AUTOMATIC)
    MouScope.objects.get_or_create(mou=draft, kind=ScopeKind.CURRICULUM)
    for given, family, kind, index, department, year, born, jlpt, bipa in PEOPLE:
        institution = institutions[index]
        Person.objects.update_or_create(
            institution=institution,
            given_name=given,
            family_name=family,
            defaults={
                "kind": kind,
                "department": institution.departments.filter(kind=department).first(),
                "year": year,
                "date_of_birth": born,
                "minor": born is None and kind == "student",
                "language": "ja" if institution.organisation.country == "JP" else "id",
                "jlpt_level": jlpt,
                "indonesian_level": bipa,
            },
        )
    return {
        "institutions": len(institutions),
        "mous": Mou.objects.filter(title__in=[MOU_TITLE, DRAFT_TITLE]).count(),
        "people": Person.objects.filter(institution__in=institutions).count(),
    }


def delete_demo_vocational() -> None:
    """Remove the demo MoUs, people and institutions (before the demo users go)."""
    names = [spec.name for spec in INSTITUTIONS]
    delete_demo_programmes()  # programmes protect the MoU, applications the people
    Mou.objects.filter(title__in=[MOU_TITLE, DRAFT_TITLE]).delete()
    User.objects.filter(username=KOSEN_USER).delete()
    Person.objects.filter(institution__organisation__name__in=names).delete()
    Institution.objects.filter(organisation__name__in=names).delete()
    Organisation.objects.filter(
        name__in=[n for n in names if n != INSTITUTION_NAME],
        kind=Organisation.Kind.INSTITUTION,
        members__isnull=True,
    ).delete()


# Programmes, applications, certificates and placements (the programmes part).

SHORT_COURSE = "Short course: chemical analysis at Akashi College (2026)"
EXCHANGE = "Teacher and student exchange: mechanical engineering (2019)"
INTERNSHIP = "Internship: production engineering at a Japanese firm in Indonesia (2026)"
DEMO_PROGRAMMES = (SHORT_COURSE, EXCHANGE, INTERNSHIP)
# One applicant per status, so every badge and button of the pages can be seen.
SHORT_COURSE_APPLICANTS = (
    ("Rina", "Hapsari", "student", "completed"),
    ("Bayu", "Firmansyah", "student", "travelling"),
    ("Sri", "Wahyuni", "teacher", "confirmed"),
    ("Eko", "Purnomo", "student", "selected"),
    ("Indah", "Permata", "student", "waitlisted"),
    ("Fajar", "Ramadhan", "student", "rejected"),
    ("Nur", "Aini", "student", "withdrawn"),
    ("Yoga", "Pratama", "student", "applied"),
)


def _demo_japanese_firm() -> Company | None:
    return Company.objects.filter(country="JP").order_by("name", "pk").first()


def install_demo_programmes() -> dict[str, int]:
    """A short course with applicants in every status, a completed exchange with certificates,
    and an internship at a Japanese firm in Indonesia with a place offered. Rows written
    directly (no notices); a second run changes nothing (codes are kept once issued)."""
    from jembatan.vocational.domain.verification import new_verification_code
    from jembatan.vocational.models import (
        Application,
        Certificate,
        FollowUp,
        PlacementOffer,
        Programme,
    )

    mou = Mou.objects.filter(title=MOU_TITLE).first()
    if mou is None:
        return {}
    smti = Institution.objects.get(organisation__name=INSTITUTION_NAME)
    akashi = Institution.objects.get(organisation__name=AKASHI_NAME)
    stamp = dt.datetime(2026, 3, 1, 2, 0, tzinfo=dt.UTC)
    course, _ = Programme.objects.update_or_create(
        mou=mou,
        title=SHORT_COURSE,
        defaults={
            "kind": "short_course",
            "direction": "id_to_jp",
            "host": akashi,
            "starts_on": dt.date(2026, 5, 11),
            "ends_on": dt.date(2026, 5, 22),
            "capacity": 4,
            "min_jlpt": "N5",
            "language_notes": "JLPT N5 or English B1",
            "cost_amount": 180_000,
            "cost_currency": "JPY",
            "paid_by": "programme",
            "applications_open_on": dt.date(2026, 1, 15),
            "applications_close_on": dt.date(2026, 3, 15),
            "selection_criteria": "Motivation, department, Japanese or English level.",
        },
    )
    for rank, (given, family, kind, status) in enumerate(SHORT_COURSE_APPLICANTS, start=1):
        person, _ = Person.objects.get_or_create(
            institution=smti,
            given_name=given,
            family_name=family,
            defaults={"kind": kind, "minor": kind == "student", "language": "id"},
        )
        application, _ = Application.objects.update_or_create(
            programme=course,
            person=person,
            defaults={
                "status": status,
                "rank": rank if status not in ("applied", "rejected") else None,
                "applied_at": stamp,
                "nominated": True,
                "waitlisted_at": stamp if status == "waitlisted" else None,
                "completed_at": stamp if status == "completed" else None,
            },
        )
        if status == "completed":
            _demo_certificate(application, new_verification_code)
    exchange, _ = Programme.objects.update_or_create(
        mou=mou,
        title=EXCHANGE,
        defaults={
            "kind": "exchange",
            "direction": "id_to_jp",
            "host": akashi,
            "starts_on": dt.date(2019, 10, 1),
            "ends_on": dt.date(2019, 10, 25),
            "capacity": 3,
            "completed_at": dt.datetime(2019, 10, 26, tzinfo=dt.UTC),
        },
    )
    done = dt.datetime(2019, 10, 25, 8, 0, tzinfo=dt.UTC)
    for person in Person.objects.filter(institution=smti, department__kind="mechanical"):
        application, _ = Application.objects.update_or_create(
            programme=exchange,
            person=person,
            defaults={"status": "completed", "applied_at": done, "completed_at": done},
        )
        _demo_certificate(application, new_verification_code)
        FollowUp.objects.get_or_create(
            application=application,
            round=1,
            defaults={
                "asked_at": done,
                "answered_at": done + dt.timedelta(days=20),
                "outcome": "teaching" if person.kind == "teacher" else "japanese_firm_id",
                "teaching_changes": "Praktik kerja bengkel mengikuti 5S ala kosen."
                if person.kind == "teacher"
                else "",
            },
        )
    firm = _demo_japanese_firm()
    if firm is not None:
        internship, _ = Programme.objects.update_or_create(
            mou=mou,
            title=INTERNSHIP,
            defaults={
                "kind": "internship",
                "direction": "in_country",
                "host_company": firm,
                "starts_on": dt.date(2026, 2, 2),
                "ends_on": dt.date(2026, 4, 30),
                "capacity": 2,
                "audience": "students",
            },
        )
        PlacementOffer.objects.update_or_create(
            company=firm,
            title="Magang teknik produksi / 生産技術インターンシップ",
            defaults={
                "programme": internship,
                "department_kind": "mechanical",
                "description": "Production line of metal parts near Cikarang, West Java.",
                "requirements": "Mechanical engineering, year 2 or 3; JLPT N5 welcome.",
                "min_jlpt": "N5",
                "region": "ID-JB",
                "places": 2,
            },
        )
    return {
        "programmes": Programme.objects.filter(title__in=DEMO_PROGRAMMES).count(),
        "applications": Application.objects.filter(programme__title__in=DEMO_PROGRAMMES).count(),
        "certificates": Certificate.objects.filter(
            application__programme__title__in=DEMO_PROGRAMMES
        ).count(),
    }


def _demo_certificate(application: object, new_code: object) -> None:
    from jembatan.vocational.models import Application, Certificate

    assert isinstance(application, Application)
    if Certificate.objects.filter(application=application).exists():
        return
    programme = application.programme
    person = application.person
    Certificate.objects.create(
        application=application,
        code=new_code(),  # type: ignore[operator]
        participant_name=person.full_name,
        participant_name_latin=person.name_latin,
        programme_title=programme.title,
        programme_kind=programme.kind,
        host_name=programme.host_name,
        starts_on=programme.starts_on,
        ends_on=programme.ends_on,
        language=person.language,
        issued_at=application.completed_at or dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )


def delete_demo_programmes() -> None:
    from jembatan.vocational.models import PlacementOffer, Programme

    PlacementOffer.objects.filter(programme__title__in=DEMO_PROGRAMMES).delete()
    Programme.objects.filter(title__in=DEMO_PROGRAMMES).delete()
    Person.objects.filter(
        given_name__in=[a[0] for a in SHORT_COURSE_APPLICANTS],
        family_name__in=[a[1] for a in SHORT_COURSE_APPLICANTS],
        institution__organisation__name=INSTITUTION_NAME,
    ).delete()
