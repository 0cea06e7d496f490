"""The feedback form refuses an id that the 64-bit column could not store (it was a 500)."""

from __future__ import annotations

from jembatan.matching.interfaces.forms import FeedbackForm


def test_feedback_form_id_beyond_64_bits_is_a_field_error() -> None:
    form = FeedbackForm({"target_type": "profile", "target_id": str(2**63)})
    assert form.is_valid() is False
    assert form.errors["target_id"] == [
        "Ensure this value is less than or equal to 9223372036854775807."
    ]
