"""The organisers' settings for breaks and reminders: stored through save_event, and
refused with a message naming the field, in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from jembatan.events.domain.setup import save_event
from jembatan.events.interfaces.event_form import EventForm
from jembatan.events.models import Event


def _data(**extra: str) -> dict[str, str]:
    data = {
        "name": "Temu Bisnis Surabaya",
        "venue": "Grand City Convex",
        "time_zone": "Asia/Jakarta",
        "table_count": "4",
        "is_public": "on",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize(
    ("language", "field", "value", "message"),
    [
        (
            "en",
            "max_consecutive",
            "0",
            "Most meetings in a row: between 1 and 50, or empty for no limit.",
        ),
        (
            "ja",
            "max_consecutive",
            "51",
            "連続商談の上限：1～50の数を入力するか、上限なしの場合は空欄にしてください。",
        ),
        (
            "id",
            "max_consecutive",
            "x",
            "Jumlah pertemuan berturut-turut maksimum: isi bilangan bulat, atau kosongkan jika tanpa batas.",
        ),
        (
            "en",
            "reminder_minutes",
            "2",
            "Reminder: between 5 and 1440 minutes before, or empty for none.",
        ),
        (
            "ja",
            "reminder_minutes",
            "2000",
            "リマインダー：5～1440分前の範囲で入力するか、送信しない場合は空欄にしてください。",
        ),
        (
            "id",
            "reminder_minutes",
            "x",
            "Pengingat: isi jumlah menit, atau kosongkan jika tidak perlu.",
        ),
    ],
)
def test_event_form_breaks_and_reminders_out_of_range(  # type: ignore[no-untyped-def]
    db, language: str, field: str, value: str, message: str
) -> None:
    with translation.override(language):
        form = EventForm(_data(**{field: value}))
        assert not form.is_valid()
        assert form.errors[field] == [message]


def test_save_event_stores_breaks_and_reminders(officer) -> None:  # type: ignore[no-untyped-def]
    form = EventForm(_data(max_consecutive="3", reminder_minutes=""))
    assert form.is_valid(), form.errors

    def write(event: Event) -> Event:
        form.instance.table_count = form.cleaned_data["table_count"]
        return form.save()

    event, _changes = save_event(officer, form.instance, write)
    event.refresh_from_db()
    assert (event.max_consecutive, event.reminder_minutes) == (3, None)  # reminders off
    assert Event().reminder_minutes == 30  # on by default, 30 minutes before
