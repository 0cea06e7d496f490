"""The ministry's headline figures, so that every installation has them.

Only stated figures are stored; the derived ones (the 2015 value implied by the 2016 growth,
growth rates, what the 2017 targets require) are computed by domain/statistics.py. Money is
in IDR minor units as everywhere in the project, where IDR has no minor unit in practice
(engagement.domain.money.MINOR_DIGITS), so Rp520 trillion is 520 * 10**12.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import migrations

SOURCE_NOTE = (
    "Kementerian Perindustrian (Ministry of Industry), Directorate General of IKM: headline "
    "figures reported for 2016 and the programme's targets for 2017."
)
REFERENCE = "Kemenperin, IKM headline figures 2016 and targets 2017"
Y2016 = dt.date(2016, 1, 1)
Y2017 = dt.date(2017, 1, 1)

INDICATORS: list[dict[str, Any]] = [
    {
        "code": "ikm_value_added",
        "unit": "money",
        "currency": "IDR",
        "position": 10,
        "name_id": "Nilai tambah IKM",
        "name_ja": "IKMの付加価値額",
        "name_en": "IKM value added",
        "definition_id": "Nilai tambah yang dihasilkan industri kecil dan menengah dalam setahun.",
        "definition_ja": "中小工業（IKM）が1年間に生み出した付加価値額です。",
        "definition_en": "The value added by small and medium industries (IKM) in a year.",
    },
    {
        "code": "ikm_value_added_growth",
        "unit": "percent",
        "currency": "",
        "position": 20,
        "growth_of": "ikm_value_added",
        "name_id": "Pertumbuhan nilai tambah IKM",
        "name_ja": "IKMの付加価値額の伸び率",
        "name_en": "Growth of IKM value added",
        "definition_id": "Kenaikan nilai tambah IKM dibandingkan tahun sebelumnya, dalam persen.",
        "definition_ja": "IKMの付加価値額の前年比の伸び率（％）です。",
        "definition_en": "The rise in IKM value added over the previous year, in percent.",
    },
    {
        "code": "ikm_units",
        "unit": "count",
        "currency": "",
        "position": 30,
        "name_id": "Jumlah unit usaha IKM",
        "name_ja": "IKMの事業所数",
        "name_en": "IKM business units",
        "definition_id": "Jumlah unit usaha industri kecil dan menengah.",
        "definition_ja": "中小工業（IKM）の事業所の数です。",
        "definition_en": "The number of small and medium industry (IKM) business units.",
    },
    {
        "code": "ikm_new_units",
        "unit": "count",
        "currency": "",
        "position": 40,
        "name_id": "Unit usaha IKM baru",
        "name_ja": "IKMの新規事業所数",
        "name_en": "New IKM business units",
        "definition_id": "Unit usaha IKM yang baru berdiri dalam setahun.",
        "definition_ja": "1年間に新たに設立されたIKMの事業所の数です。",
        "definition_en": "IKM business units newly established in a year.",
    },
    {
        "code": "ikm_additional_workers",
        "unit": "persons",
        "currency": "",
        "position": 50,
        "name_id": "Tambahan tenaga kerja IKM",
        "name_ja": "IKMの雇用増加数",
        "name_en": "Additional IKM workers",
        "definition_id": "Tambahan jumlah pekerja di IKM dalam setahun.",
        "definition_ja": "1年間に増えたIKMの従業者の数です。",
        "definition_en": "The increase in the number of people working in IKM in a year.",
    },
]

# (indicator, period start, integer value, decimal value, currency, note)
OBSERVATIONS: list[tuple[str, dt.date, int | None, Decimal | None, str, str]] = [
    ("ikm_value_added", Y2016, 520 * 10**12, None, "IDR", ""),
    ("ikm_value_added_growth", Y2016, None, Decimal("18.3"), "", ""),
    ("ikm_units", Y2016, 3_850_000, None, "", ""),
]
TARGETS: list[tuple[str, dt.date, int | None, Decimal | None, str, str]] = [
    ("ikm_units", Y2017, 4_030_000, None, "", ""),
    ("ikm_new_units", Y2017, 182_000, None, "", ""),
    ("ikm_additional_workers", Y2017, 400_000, None, "", "about 400,000 (as stated)"),
]


def seed(apps: Any, schema_editor: Any) -> None:
    Indicator = apps.get_model("indicators", "Indicator")
    Observation = apps.get_model("indicators", "Observation")
    Target = apps.get_model("indicators", "Target")
    by_code = {}
    for spec in INDICATORS:
        fields = {k: v for k, v in spec.items() if k not in ("code", "growth_of")}
        indicator, _created = Indicator.objects.update_or_create(
            code=spec["code"], defaults={**fields, "source_note": SOURCE_NOTE}
        )
        by_code[spec["code"]] = indicator
    for spec in INDICATORS:
        if "growth_of" in spec:
            by_code[spec["code"]].growth_of = by_code[spec["growth_of"]]
            by_code[spec["code"]].save(update_fields=["growth_of"])
    for model, rows in ((Observation, OBSERVATIONS), (Target, TARGETS)):
        for code, start, value, decimal, currency, note in rows:
            model.objects.update_or_create(
                indicator=by_code[code],
                period_start=start,
                granularity="year",
                region=None,
                sector=None,
                defaults={
                    "value": value,
                    "value_decimal": decimal,
                    "currency": currency,
                    "source_reference": REFERENCE,
                    "note": note,
                },
            )


def unseed(apps: Any, schema_editor: Any) -> None:
    Indicator = apps.get_model("indicators", "Indicator")
    Indicator.objects.filter(code__in=[spec["code"] for spec in INDICATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_indicators_observations_targets")]

    operations = [migrations.RunPython(seed, unseed)]
