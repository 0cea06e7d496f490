"""How every form on the site is drawn: Django's own form templates, with labels that start
with a capital letter, and <select>s written in Python.

Field labels are written lowercase in the code (as Django writes verbose names), and a form
field with its own `label` is not capitalised by Django: without this, filters read
"cari:" or "kind:".

A <select> through Django's templates costs two `{% include %}` per option: the directory's
province filter (85 options) alone took a few milliseconds of every directory page
(docs/benchmarks.md, "Page rendering"). `render_select` writes the same bytes as
django/forms/widgets/select.html and select_option.html, in Python; a widget it cannot
write exactly the same (a label that is not text, which the template would localise, or a
project template overriding Django's) goes through the templates as before. An empty error
list, which Django's templates write as nothing, is not rendered at all.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeData
from django.utils.translation import gettext_noop

# Django writes a label as its text and `gettext(":")`: our catalogues give Japanese the
# full-width colon. Kept here so that the catalogue keeps the entry.
LABEL_SUFFIX = gettext_noop(":")

OVERRIDES = Path(__file__).parent / "form_templates"
DJANGO_FORM_TEMPLATES = Path(django.forms.__file__).parent / "templates"
SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
# A field's error list: these write nothing when it is empty (as on every field of a form
# not yet sent), so an empty list is not sent through them.
ERROR_LIST_TEMPLATES = ("django/forms/errors/list/default.html", "django/forms/errors/list/ul.html")
# A field with its label (as_field_group) and the label: written in Python while the
# templates hold these texts (Django's field.html, our label.html), through them otherwise.
FIELD_TEMPLATE = "django/forms/field.html"
LABEL_TEMPLATE = "django/forms/label.html"
FIELD_SOURCE = """{% if field.use_fieldset %}
  <fieldset{% if field.aria_describedby %} aria-describedby="{{ field.aria_describedby }}"{% endif %}>
  {% if field.label %}{{ field.legend_tag }}{% endif %}
{% else %}
  {% if field.label %}{{ field.label_tag }}{% endif %}
{% endif %}
{% if field.help_text %}<div class="helptext"{% if field.auto_id %} id="{{ field.auto_id }}_helptext"{% endif %}>{{ field.help_text|safe }}</div>{% endif %}
{{ field.errors }}
{{ field }}{% if field.use_fieldset %}</fieldset>{% endif %}
"""
LABEL_SOURCE = (
    "{% if use_tag %}<{{ tag }}{% include 'django/forms/attrs.html' %}>{{ label|capfirst }}"
    "</{{ tag }}>{% else %}{{ label|capfirst }}{% endif %}\n"
)


def _formatted(value: Any) -> str:
    """`{{ value|stringformat:'s' }}`: the text of `value`, escaped unless marked safe."""
    text = str(value)
    return text if isinstance(value, SafeData) else escape(text)


def _text(value: Any) -> str | None:
    """`{{ value }}` for text (a str or a lazy translation); None for anything the template
    would localise (numbers, dates), which only the template writes."""
    if isinstance(value, SafeData):
        return str(value)
    if isinstance(value, (str, Promise)):
        return escape(str(value))
    return None


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(
            " " + escape(str(name))
            if value is True
            else f' {escape(str(name))}="{_formatted(value)}"'
        )
    return "".join(parts)


def _capfirst(label: Any) -> str:
    """`{{ label|capfirst }}`."""
    text = str(label)
    text = text and text[0].upper() + text[1:]
    return text if isinstance(label, SafeData) else escape(text)


def render_label(context: dict[str, Any]) -> str:
    """django/forms/label.html (ours): the label, capitalised, in its tag when it has one."""
    text = _capfirst(context["label"])
    if not context["use_tag"]:
        return text
    tag = escape(str(context["tag"]))
    return f"<{tag}{_attrs(context['attrs'] or {})}>{text}</{tag}>"


def render_field(field: Any) -> str:
    """django/forms/field.html for the bound field `field`."""
    label = field.label
    if field.use_fieldset:
        described = field.aria_describedby
        aria = f' aria-describedby="{escape(str(described))}"' if described else ""
        head = f"\n  <fieldset{aria}>\n  {field.legend_tag() if label else ''}\n"
    else:
        head = f"\n  {field.label_tag() if label else ''}\n"
    help_text = ""
    if field.help_text:
        auto_id = field.auto_id
        where = f' id="{escape(str(auto_id))}_helptext"' if auto_id else ""
        help_text = f'<div class="helptext"{where}>{field.help_text}</div>'
    end = "</fieldset>" if field.use_fieldset else ""
    return f"{head}\n{help_text}\n{field.errors}\n{field}{end}\n".strip()


def render_select(widget: dict[str, Any]) -> str | None:
    """django/forms/widgets/select.html for the context's `widget`, or None when only the
    template can write it the same (see the module's docstring)."""
    name = _text(widget["name"])
    if name is None:
        return None
    out = [f'<select name="{name}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        label = _text(group_name) if group_name else ""
        if label is None:
            return None
        if group_name:
            out.append(f'\n  <optgroup label="{label}">')
        for option in group_choices:
            text = _text(option["label"])
            if text is None or option["template_name"] != OPTION_TEMPLATE:
                return None
            value = _formatted(option["value"])
            out.append(f'\n  <option value="{value}"{_attrs(option["attrs"])}>{text}</option>\n')
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return "".join(out).strip()


class CapitalisedLabels(DjangoTemplates):
    @cached_property
    def engine(self) -> Any:
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [OVERRIDES, DJANGO_FORM_TEMPLATES],
                "NAME": "djangoforms",
                "OPTIONS": {},
            }
        )

    def _djangos_own(self, *names: str) -> bool:
        """Whether the templates `names` are Django's own (no app overrides them)."""
        for name in names:
            origin = self.engine.get_template(name).origin.name
            if Path(origin) != DJANGO_FORM_TEMPLATES / name:
                return False
        return True

    def _written(self, name: str, source: str) -> bool:
        """Whether the template `name` the engine finds holds `source`."""
        return bool(self.engine.get_template(name).template.source == source)

    @cached_property
    def fields_in_python(self) -> bool:
        """Whether `render_field` and `render_label` write what field.html and label.html
        would (and the attrs.html the label includes is Django's)."""
        return (
            self._written(FIELD_TEMPLATE, FIELD_SOURCE)
            and self._written(LABEL_TEMPLATE, LABEL_SOURCE)
            and self._djangos_own("django/forms/attrs.html")
        )

    @cached_property
    def selects_in_python(self) -> bool:
        """Whether `render_select` writes what select.html and select_option.html would."""
        return self._djangos_own(SELECT_TEMPLATE, OPTION_TEMPLATE)

    @cached_property
    def empty_errors_skipped(self) -> bool:
        """Whether an empty error list may be written as nothing without its templates."""
        return self._djangos_own(*ERROR_LIST_TEMPLATES)

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name == FIELD_TEMPLATE and "field" in context and self.fields_in_python:
            return render_field(context["field"])
        if template_name == LABEL_TEMPLATE and "use_tag" in context and self.fields_in_python:
            return render_label(context)
        if template_name == SELECT_TEMPLATE and self.selects_in_python:
            html = render_select(context["widget"])
            if html is not None:
                return html
        elif (
            template_name in ERROR_LIST_TEMPLATES
            and not context.get("errors", True)
            and self.empty_errors_skipped
        ):
            return ""
        return str(super().render(template_name, context, request))
