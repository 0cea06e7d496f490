from __future__ import annotations

import pytest

from jembatan.indicators.interfaces.forms import ObservationForm
from jembatan.indicators.models import Indicator

pytestmark = pytest.mark.django_db


def _form(**data: object) -> ObservationForm:
    units = Indicator.objects.get(code="ikm_units")
    return ObservationForm(data={"indicator": units.pk, "granularity": "year", **data})


def test_admin_form_refuses_a_day_inside_the_period() -> None:
    form = _form(period_start="2018-03-01", value="1")
    assert not form.is_valid()
    assert "period_start" in form.errors


def test_admin_form_refuses_a_currency_on_a_count() -> None:
    form = _form(period_start="2018-01-01", value="1", currency="IDR")
    assert not form.is_valid()
    assert "currency" in form.errors


def test_admin_form_accepts_a_year_figure() -> None:
    assert _form(period_start="2018-01-01", value="4100000").is_valid()


def test_admin_lists_figures_for_officers(admin_client) -> None:  # type: ignore[no-untyped-def]
    for name in ("indicator", "observation", "target"):
        assert admin_client.get(f"/admin/indicators/{name}/").status_code == 200
