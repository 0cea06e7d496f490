"""Every form's labels start with a capital letter, with the colon of the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from jembatan.opportunities.interfaces.forms import ProfileFilterForm


@pytest.mark.parametrize(
    ("language", "search", "kind"),
    [
        (
            "en",
            '<label for="id_q">Search:</label>',
            '<label for="id_kind">Kind of cooperation:</label>',
        ),
        (
            "id",
            '<label for="id_q">Cari:</label>',
            '<label for="id_kind">Bentuk kerja sama:</label>',
        ),
        ("ja", '<label for="id_q">検索：</label>', '<label for="id_kind">連携分野：</label>'),
    ],
)
def test_form_labels_capitalised_with_the_languages_colon(
    language: str, search: str, kind: str
) -> None:
    with translation.override(language):
        form = ProfileFilterForm(sectors=[])
        assert (str(form["q"].label_tag()), str(form["kind"].label_tag())) == (search, kind)


def test_a_persons_name_is_shimei_in_japanese_and_a_firms_is_not() -> None:
    from jembatan.events.models import Interpreter, Participant
    from jembatan.registry.models import Company, Contact

    with translation.override("ja"):
        labels = [
            str(model._meta.get_field("name").verbose_name)
            for model in (Participant, Interpreter, Contact, Company)
        ]
    assert labels == ["氏名", "氏名", "氏名", "正式名称"]
