"""<select>s, fields with their labels (as_field_group) and labels written in Python
(web/forms.py) and empty error lists left unrendered are the bytes the templates write, and
what the renderer cannot write the same still goes through the templates."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from jembatan.web.forms import SELECT_TEMPLATE, CapitalisedLabels, render_select


def _templates_only() -> CapitalisedLabels:
    renderer = CapitalisedLabels()
    # The cached properties, set: every <select> and error list through the templates.
    renderer.selects_in_python = False
    renderer.empty_errors_skipped = False
    renderer.fields_in_python = False
    return renderer


class Everything(forms.Form):
    plain = forms.ChoiceField(choices=[("", "Any"), ("a", "A & <b>"), ("q", 'say "hi"')])
    lazy = forms.ChoiceField(choices=[("x", gettext_lazy("Indonesian")), ("y", "Y")])
    grouped = forms.ChoiceField(
        choices=[
            ("", "Any"),
            ("Indonésie & co", [("ID-JB", "Jawa Barat"), ("ID-JT", "Jawa Tengah")]),
            (gettext_lazy("Japanese"), [("JP-13", "東京都")]),
        ]
    )
    several = forms.MultipleChoiceField(choices=[(1, "one"), (2, "two"), (3, "three")])
    maybe = forms.NullBooleanField(widget=forms.NullBooleanSelect)
    safe = forms.ChoiceField(choices=[(mark_safe("<v>"), mark_safe("<i>safe</i>")), ("2", "x")])
    with_attrs = forms.ChoiceField(
        choices=[("1", "one")],
        widget=forms.Select(attrs={"class": 'a"b', "hx-get": "/x?a=1&b=2", "autofocus": True}),
        disabled=True,
        required=False,
        help_text="Pick one",
    )
    numbers = forms.TypedChoiceField(choices=[(2024, 2024), (2025, 2025)], coerce=int)
    empty = forms.ChoiceField(choices=[], required=False)
    radio = forms.ChoiceField(
        label="Which one?", choices=[("a", "A & B"), ("b", "B")], widget=forms.RadioSelect
    )
    boxes = forms.MultipleChoiceField(
        label="Tom & <Jerry>",
        choices=[("1", "one"), ("2", "two")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick <b>any</b>",
    )
    unlabelled = forms.CharField(label="", required=False)
    text = forms.CharField(label=gettext_lazy("Search"), max_length=5)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)


@pytest.mark.parametrize("language", ["id", "ja", "en"])
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"plain": "a", "lazy": "y", "grouped": "JP-13", "several": ["1", "3"], "maybe": "true"},
        {"plain": "nope", "grouped": "ID-JB", "safe": "<v>", "numbers": "2025", "radio": "c"},
        {"text": "far too long", "boxes": ["1", "9"], "radio": "a", "unlabelled": "x"},
    ],
)
def test_every_select_is_the_templates_bytes(language: str, data: dict[str, Any] | None) -> None:
    fast = CapitalisedLabels()
    assert fast.selects_in_python
    assert fast.empty_errors_skipped
    assert fast.fields_in_python
    with translation.override(language):
        form = Everything(data, renderer=fast)
        expected = Everything(data, renderer=_templates_only())
        for name in form.fields:
            assert str(form[name]) == str(expected[name]), name
            assert form[name].as_field_group() == expected[name].as_field_group(), name
            assert str(form[name].errors) == str(expected[name].errors), name
            assert form[name].label_tag() == expected[name].label_tag(), name
            assert form[name].legend_tag() == expected[name].legend_tag(), name
        assert form.as_div() == expected.as_div()
        assert form.as_p() == expected.as_p()
        assert form.as_table() == expected.as_table()
        if data and data.get("plain") == "nope":
            assert 'class="errorlist"' in form.as_div()


def test_a_label_the_template_would_localise_goes_through_the_template() -> None:
    form = Everything(renderer=CapitalisedLabels())
    field = form["numbers"]
    context = field.field.widget.get_context(field.html_name, None, {})
    assert field.field.widget.template_name == SELECT_TEMPLATE
    assert render_select(context["widget"]) is None
    # Drawn by the template, as before (which localises the number).
    assert '<option value="2024">' in str(field)


def test_the_directory_filters_are_the_templates_bytes(db: Any) -> None:
    from jembatan.registry.interfaces.forms import CompanyFilterForm
    from jembatan.registry.models import Region

    name = 'Jawa "Barat" & <Banten>'
    Region.objects.create(code="ID-ZZ", country="ID", name_en=name, name_id=name, name_ja=name)
    for language in ("id", "ja", "en"):
        with translation.override(language):
            data = {"country": "ID", "region": "ID-ZZ", "verification": "verified"}
            form = CompanyFilterForm(data, renderer=CapitalisedLabels())
            expected = CompanyFilterForm(data, renderer=_templates_only())
            for field in form:
                assert field.as_field_group() == expected[field.name].as_field_group()
            assert "&lt;Banten&gt;" in str(form["region"])


def test_a_template_edited_since_is_used_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    import jembatan.web.forms as web_forms

    monkeypatch.setattr(web_forms, "LABEL_SOURCE", "{{ label }} (edited)")
    assert not CapitalisedLabels().fields_in_python
