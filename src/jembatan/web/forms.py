"""How every form on the site is drawn: Django's own form templates, with labels that start
with a capital letter.

Field labels are written lowercase in the code (as Django writes verbose names), and a form
field with its own `label` is not capitalised by Django: without this, filters read
"cari:" or "kind:".
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_noop

# Django writes a label as its text and `gettext(":")`: our catalogues give Japanese the
# full-width colon. Kept here so that the catalogue keeps the entry.
LABEL_SUFFIX = gettext_noop(":")

OVERRIDES = Path(__file__).parent / "form_templates"


class CapitalisedLabels(DjangoTemplates):
    @cached_property
    def engine(self) -> Any:
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [OVERRIDES, Path(django.forms.__file__).parent / "templates"],
                "NAME": "djangoforms",
                "OPTIONS": {},
            }
        )
