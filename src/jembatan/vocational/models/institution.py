"""Vocational institutions: schools, kosen, polytechnics, training centres, and their people.

An institution is an `accounts.Organisation` of kind `institution` (which holds the name, the
country, the region and the officer's verification, and whose users are its members) plus
what vocational cooperation needs: a finer type, departments, contact persons. Keeping one
row per organisation (one-to-one) means sign-up, invitations and verification stay in
accounts and the vocational app adds to them instead of copying them.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.urls import validate_web_address


class InstitutionType(models.TextChoices):
    SMK = "smk", _("Vocational high school (SMK)")
    SMTI = "smti", _("Industrial vocational high school (SMTI)")
    POLYTECHNIC = "polytechnic", _("Polytechnic")
    ACADEMY = "academy", _("Academy (akademi komunitas)")
    KOSEN = "kosen", _("College of technology (kosen)")
    UNIVERSITY = "university", _("University")
    TRAINING_CENTRE = "training_centre", _("Company training centre")


class Institution(models.Model):
    organisation = models.OneToOneField(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="institution",
        limit_choices_to={"kind": "institution"},
    )
    type = models.CharField(_("type of institution"), max_length=20, choices=InstitutionType)
    name_local = models.CharField(
        _("name in the local language"),
        max_length=255,
        blank=True,
        help_text=_("For example 明石工業高等専門学校 or Sekolah Menengah Teknik Industri."),
    )
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True, validators=[validate_web_address])
    supervised_by = models.CharField(
        _("supervising ministry or body"),
        max_length=200,
        blank=True,
        help_text=_(
            "For example the Ministry of Industry, or the Institute of National Colleges of Technology."
        ),
    )
    # A company training centre belongs to a company of the registry.
    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_centres",
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["organisation__name", "id"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(type="training_centre") | models.Q(company__isnull=True),
                name="vocational_institution_company_only_training_centre",
            )
        ]

    def __str__(self) -> str:
        return self.organisation.name

    @property
    def name(self) -> str:
        return self.organisation.name


class DepartmentKind(models.TextChoices):
    CHEMICAL_ANALYSIS = "chemical_analysis", _("Chemical analysis")
    CHEMICAL_ENGINEERING = "chemical_engineering", _("Chemical engineering")
    MECHANICAL = "mechanical", _("Mechanical engineering")
    AUTOMOTIVE = "automotive", _("Automotive")
    ELECTRICAL = "electrical", _("Electrical and electronic engineering")
    INFORMATICS = "informatics", _("Informatics")
    TEXTILE = "textile", _("Textile")
    FOOD_TECHNOLOGY = "food_technology", _("Food technology")
    CIVIL = "civil", _("Civil engineering and architecture")
    INDUSTRIAL_MANAGEMENT = "industrial_management", _("Industrial management")
    OTHER = "other", _("Other department")


class Department(models.Model):
    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="departments"
    )
    kind = models.CharField(_("field"), max_length=30, choices=DepartmentKind)
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("The institution's own name for it.")
    )

    class Meta:
        ordering = ["institution", "kind", "name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "kind", "name"], name="vocational_department_once"
            )
        ]

    def __str__(self) -> str:
        return self.name or self.get_kind_display()


class InstitutionContact(models.Model):
    """A contact person of the institution (international office, head of department)."""

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    is_primary = models.BooleanField(_("main contact"), default=False)

    class Meta:
        ordering = ["institution", "-is_primary", "name", "id"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return self.name


class PersonKind(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    STUDENT = "student", _("Student")


class JlptLevel(models.TextChoices):
    N5 = "N5", "JLPT N5"
    N4 = "N4", "JLPT N4"
    N3 = "N3", "JLPT N3"
    N2 = "N2", "JLPT N2"
    N1 = "N1", "JLPT N1"


# Rank of each level, N5 lowest: requirements compare levels with it.
JLPT_RANK = {"": 0, "N5": 1, "N4": 2, "N3": 3, "N2": 4, "N1": 5}


class IndonesianLevel(models.TextChoices):
    """BIPA (Bahasa Indonesia bagi Penutur Asing) levels 1 (beginner) to 7 (advanced)."""

    BIPA1 = "bipa1", "BIPA 1"
    BIPA2 = "bipa2", "BIPA 2"
    BIPA3 = "bipa3", "BIPA 3"
    BIPA4 = "bipa4", "BIPA 4"
    BIPA5 = "bipa5", "BIPA 5"
    BIPA6 = "bipa6", "BIPA 6"
    BIPA7 = "bipa7", "BIPA 7"
    NATIVE = "native", _("First language")


INDONESIAN_RANK = {"": 0, **{f"bipa{n}": n for n in range(1, 8)}, "native": 8}

ADULT_AGE = 18


class Person(models.Model):
    """A teacher or student who may take part in exchanges. Students are often minors: who
    sees a person is vocational/rules.py's `can_see_person`, and nothing else."""

    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="people")
    kind = models.CharField(_("teacher or student"), max_length=10, choices=PersonKind)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vocational_person",
    )
    given_name = models.CharField(_("given name"), max_length=150)
    family_name = models.CharField(_("family name"), max_length=150, blank=True)
    name_latin = models.CharField(_("name in Latin letters"), max_length=200, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("Year of study (students).")
    )
    subject = models.CharField(_("subject taught"), max_length=200, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    minor = models.BooleanField(
        _("under 18"), default=False, help_text=_("Used when the date of birth is not recorded.")
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(
        _("language for messages"),
        max_length=2,
        choices=[("id", _("Indonesian")), ("ja", _("Japanese")), ("en", _("English"))],
        default="id",
    )
    jlpt_level = models.CharField(_("Japanese (JLPT)"), max_length=2, choices=JlptLevel, blank=True)
    indonesian_level = models.CharField(
        _("Indonesian (BIPA)"), max_length=10, choices=IndonesianLevel, blank=True
    )
    english_level = models.CharField(
        _("English (CEFR)"),
        max_length=2,
        blank=True,
        choices=[(level, level) for level in ("A1", "A2", "B1", "B2", "C1", "C2")],
    )
    other_languages = models.CharField(_("other languages"), max_length=200, blank=True)
    statement = models.TextField(
        _("statement"), blank=True, help_text=_("What the person wants to learn or teach.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["institution", "family_name", "given_name", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        indexes = [models.Index(fields=["institution", "kind"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    def age_on(self, day: dt.date) -> int | None:
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def is_minor_on(self, day: dt.date) -> bool:
        age = self.age_on(day)
        return self.minor if age is None else age < ADULT_AGE


class DocumentKind(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    CV = "cv", _("CV")
    TRANSCRIPT = "transcript", _("Transcript of records")
    LANGUAGE_CERTIFICATE = "language_certificate", _("Language certificate")
    PARENTAL_CONSENT = "parental_consent", _("Parental consent")
    HEALTH = "health", _("Health certificate")
    PHOTO = "photo", _("Photograph")
    OTHER = "other", _("Other document")


def person_document_path(instance: PersonDocument, filename: str) -> str:
    import uuid
    from pathlib import PurePath

    # A random name on disk: nothing identifying a (possibly minor) person in a path.
    return f"vocational/people/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class PersonDocument(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind of document"), max_length=30, choices=DocumentKind)
    file = models.FileField(_("file"), upload_to=person_document_path, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(max_length=40)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["person", "kind", "id"]
        verbose_name = _("participant's document")
        verbose_name_plural = _("participants' documents")

    def __str__(self) -> str:
        return self.original_name
