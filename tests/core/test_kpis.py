from __future__ import annotations

import datetime as dt

from jembatan.core.domain.kpis import (
    Kpi,
    KpiQuery,
    KpiValue,
    Unit,
    kpi,
    register_kpi,
    registered_kpis,
    unregister_kpi,
)


def _three(query: KpiQuery) -> list[KpiValue]:
    return [KpiValue(period=str(query.start.year), value=3)]


def test_registered_kpi_is_listed_by_topic_and_computes():
    entry = Kpi(
        code="test.three",
        topic="zz-test",
        name="Three",
        definition="Always three.",
        unit=Unit.COUNT,
        source_app="jembatan.core",
        compute=_three,
    )
    register_kpi(entry)
    try:
        assert kpi("test.three") is entry
        assert registered_kpis("zz-test") == [entry]
        query = KpiQuery(start=dt.date(2017, 1, 1), end=dt.date(2018, 1, 1))
        assert entry.compute(query) == [KpiValue(period="2017", value=3)]
    finally:
        unregister_kpi("test.three")
    assert kpi("test.three") is None
