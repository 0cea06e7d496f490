"""get_FOO_display() with the choices built once per field (core/models/choices.py) gives
what Django's own gives, in the language active at each call."""

from __future__ import annotations

from django.db.models import Model
from django.utils import translation

from jembatan.registry.models import Company


def test_the_display_is_djangos_in_each_language() -> None:
    company = Company(country="JP", size_class="small", verification="verified")
    for language in ("id", "ja", "en", "id"):
        with translation.override(language):
            for name in ("country", "size_class", "verification", "legal_form"):
                field = Company._meta.get_field(name)
                expected = Model._get_FIELD_display(company, field)  # type: ignore[attr-defined]
                assert getattr(company, f"get_{name}_display")() == expected, (language, name)
    with translation.override("en"):
        english = company.get_size_class_display()
    with translation.override("ja"):
        japanese = company.get_size_class_display()
    assert english == "Small industry"
    assert japanese != english


def test_a_value_outside_the_choices_is_shown_as_it_is() -> None:
    assert Company(country="XX").get_country_display() == "XX"
    assert Company(size_class="").get_size_class_display() == ""
