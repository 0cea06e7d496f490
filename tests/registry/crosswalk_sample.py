"""Small classification rows and crosswalk links for the registry tests."""

from __future__ import annotations

from jembatan.registry.models import Classification, CrosswalkLink

ISIC_TITLES = {
    "C": "Manufacturing",
    "17": "Manufacture of paper and paper products",
    "170": "Manufacture of paper and paper products",
    "1701": "Manufacture of pulp, paper and paperboard",
    "1702": (
        "Manufacture of corrugated paper and paperboard and of containers of paper and paperboard"
    ),
    "1709": "Manufacture of other articles of paper and paperboard",
    "2930": "Manufacture of parts and accessories for motor vehicles",
}
ISIC_LEVELS = {1: "section", 2: "division", 3: "group", 4: "class"}


def isic(code: str) -> Classification:
    """An ISIC Rev.4 row with its real title (parents are not linked)."""
    return Classification.objects.get_or_create(
        scheme="isic4",
        code=code,
        defaults={"level": ISIC_LEVELS[len(code)], "title_en": ISIC_TITLES[code]},
    )[0]


def kbli(
    code: str = "17021", title: str = "Industri Kertas dan Papan Kertas Bergelombang"
) -> Classification:
    return Classification.objects.get_or_create(
        scheme="kbli2020",
        code=code,
        defaults={"level": "subclass" if len(code) == 5 else "class", "title_id": title},
    )[0]


def jsic(
    code: str = "1453",
    title_ja: str = "段ボール箱製造業",
    title_en: str = "Corrugated board boxes",
) -> Classification:
    return Classification.objects.get_or_create(
        scheme="jsic14",
        code=code,
        defaults={"level": "class", "title_ja": title_ja, "title_en": title_en},
    )[0]


def link(
    source: Classification,
    isic_code: str = "1702",
    *,
    score: float = 1.0,
    method: str = "parent",
    basis: str = "via_class:identical_code",
    status: str = "proposed",
) -> CrosswalkLink:
    return CrosswalkLink.objects.create(
        source=source,
        isic=isic(isic_code),
        score=score,
        method=method,
        basis=basis,
        status=status,
    )
