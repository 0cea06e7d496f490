"""Company size classes: Indonesian industry size and the Japanese SME Basic Act.

Money is an ``int`` in the currency's unit (IDR, JPY: neither has a minor unit
in practice). A function returns ``None`` when the inputs given cannot decide
the class; it never guesses.
"""

from __future__ import annotations

from typing import Final, Literal

IndonesianIndustrySize = Literal["small", "medium", "large"]
JapanSmeClass = Literal["small_enterprise", "sme", "large"]
JapanSmeSector = Literal["manufacturing_other", "wholesale", "retail", "services"]

# Ministry of Industry regulation 64/M-IND/PER/7/2016.
_ID_WORKER_LIMIT: Final = 19
_ID_SMALL_INVESTMENT_BELOW: Final = 1_000_000_000
_ID_MEDIUM_INVESTMENT_MAX: Final = 15_000_000_000


def _check_not_negative(**values: int | None) -> None:
    for name, value in values.items():
        if value is not None and value < 0:
            raise ValueError(f"{name} must not be negative, got {value}")


def indonesian_industry_size(
    workers: int | None, investment_idr: int | None
) -> IndonesianIndustrySize | None:
    """Classify an Indonesian industrial firm under regulation 64/M-IND/PER/7/2016.

    ``investment_idr`` is the investment value *excluding land and buildings*.

    - small: at most 19 workers and investment under Rp1 billion;
    - medium: at most 19 workers and investment of at least Rp1 billion (with
      no upper bound: 10 workers and Rp40 billion is medium), or at least 20
      workers and investment of at most Rp15 billion (with no lower bound: 50
      workers and Rp200 million is medium, not small);
    - large: at least 20 workers and investment above Rp15 billion.

    The rule covers every combination, so there is no gap. With one input
    missing the class is still certain in one case: investment from Rp1
    billion to Rp15 billion is medium whatever the workforce. Otherwise a
    missing input gives ``None``.
    """
    _check_not_negative(workers=workers, investment_idr=investment_idr)
    if investment_idr is None:
        return None
    if _ID_SMALL_INVESTMENT_BELOW <= investment_idr <= _ID_MEDIUM_INVESTMENT_MAX:
        return "medium"
    if workers is None:
        return None
    if workers <= _ID_WORKER_LIMIT:
        return "small" if investment_idr < _ID_SMALL_INVESTMENT_BELOW else "medium"
    return "large" if investment_idr > _ID_MEDIUM_INVESTMENT_MAX else "medium"


# SME Basic Act (中小企業基本法) article 2: (capital limit, employee limit,
# small-enterprise employee limit) per sector.
JAPAN_SME_LIMITS: Final[dict[JapanSmeSector, tuple[int, int, int]]] = {
    "manufacturing_other": (300_000_000, 300, 20),
    "wholesale": (100_000_000, 100, 5),
    "retail": (50_000_000, 50, 5),
    "services": (50_000_000, 100, 5),
}


def japan_sme_class(
    sector: JapanSmeSector | None, capital_jpy: int | None, employees: int | None
) -> JapanSmeClass | None:
    """Classify a Japanese firm under the SME Basic Act.

    A firm is an SME when its capital *or* its regular employees are within the
    sector's limit; a small enterprise (小規模企業者) when its employees are at
    most 20 (5 in wholesale, retail and services). ``capital_jpy`` is ``None``
    for a sole proprietor or when unknown.

    Without the employee count no firm can be told apart from a small
    enterprise, so ``None`` is returned. Above the employee limit, the capital
    decides, and ``None`` is returned when it is missing.
    """
    _check_not_negative(capital_jpy=capital_jpy, employees=employees)
    if sector is None or employees is None:
        return None
    capital_limit, employee_limit, small_limit = JAPAN_SME_LIMITS[sector]
    if employees <= small_limit:
        return "small_enterprise"
    if employees <= employee_limit:
        return "sme"
    if capital_jpy is None:
        return None
    return "sme" if capital_jpy <= capital_limit else "large"


# The SME Agency reads the Act's sectors off JSIC as follows (its published
# table, restated for Rev.14, whose codes below are unchanged): wholesale is
# JSIC middle classes 50-55; retail is 56-61 plus eating and drinking places
# (76) and take-out and delivery (77); services are the listed parts of majors
# G, K and M, all of majors L, N (except travel agencies, 791), O, P, Q and R;
# everything else is "manufacturing and other".
_JSIC_MAJOR_SECTOR: Final[dict[str, JapanSmeSector]] = {
    **dict.fromkeys("ABCDEFHJST", "manufacturing_other"),
    **dict.fromkeys("LOPQR", "services"),
}
_JSIC_MIDDLE_SECTOR: Final[dict[str, JapanSmeSector]] = {
    **dict.fromkeys([f"{n:02d}" for n in range(50, 56)], "wholesale"),
    **dict.fromkeys([*(f"{n:02d}" for n in range(56, 62)), "76", "77"], "retail"),
    **dict.fromkeys(["38", "39", "70", "71", "72", "73", "74", "75"], "services"),
    **dict.fromkeys([f"{n:02d}" for n in range(78, 97) if n != 79], "services"),
}
# Middle classes split at minor level: the minors that are services.
_JSIC_SPLIT_MIDDLE_SERVICES: Final[dict[str, frozenset[str]]] = {
    "41": frozenset(["411", "412", "415", "416"]),
    "69": frozenset(["693"]),
    "79": frozenset(f"79{n}" for n in range(10) if n != 1),
}


def japan_sme_sector_for_jsic(code: str) -> JapanSmeSector | None:
    """Return the SME Basic Act sector of a JSIC Rev.14 code at any level.

    A bare major letter gives ``None`` where the major is split between
    sectors (G, I, K, M, N); so does a middle class split at minor level
    (41, 69, 79) and any malformed code.
    """
    code = code.strip().upper()
    if len(code) == 1:
        return _JSIC_MAJOR_SECTOR.get(code)
    if not (code.isascii() and code.isdigit() and 2 <= len(code) <= 4):
        return None
    middle = code[:2]
    if middle in _JSIC_SPLIT_MIDDLE_SERVICES:
        if len(code) == 2:
            return None
        services = _JSIC_SPLIT_MIDDLE_SERVICES[middle]
        return "services" if code[:3] in services else "manufacturing_other"
    return _JSIC_MIDDLE_SECTOR.get(middle, "manufacturing_other")


# ISIC Rev.4 to the Act's sectors, by the JSIC industries each ISIC code
# corresponds to. Judgement calls: ISIC 45 motor vehicle sales (4510, 4530,
# 4540) mix wholesale and retail and count as retail, the stricter limits;
# publishing other than software (58, JSIC 413-414) and telecommunications
# (61) are "other"; web portals (6312, JSIC 40) are "other"; sewerage (37,
# JSIC 36) is "other" while waste (38-39, JSIC 88) and machinery repair
# (331, JSIC 90) are services; travel agencies and reservations (79) are
# "other" as the Agency excludes JSIC 791.
_ISIC_PREFIX_SECTOR: Final[tuple[tuple[str, JapanSmeSector], ...]] = (
    ("4520", "services"),
    ("45", "retail"),
    ("46", "wholesale"),
    ("47", "retail"),
    ("56", "retail"),
    ("55", "services"),
    ("5820", "services"),
    ("59", "services"),
    ("60", "services"),
    ("62", "services"),
    ("6312", "manufacturing_other"),
    ("63", "services"),
    ("331", "services"),
    ("38", "services"),
    ("39", "services"),
    ("69", "services"),
    ("70", "services"),
    ("71", "services"),
    ("72", "services"),
    ("73", "services"),
    ("74", "services"),
    ("75", "services"),
    ("77", "services"),
    ("78", "services"),
    ("79", "manufacturing_other"),
    ("80", "services"),
    ("81", "services"),
    ("82", "services"),
    ("85", "services"),
    ("86", "services"),
    ("87", "services"),
    ("88", "services"),
    ("90", "services"),
    ("91", "services"),
    ("92", "services"),
    ("93", "services"),
    ("94", "services"),
    ("95", "services"),
    ("96", "services"),
    ("97", "services"),
    ("98", "services"),
)


def japan_sme_sector_for_isic(code: str) -> JapanSmeSector | None:
    """Return the SME Basic Act sector for an ISIC Rev.4 division, group or class.

    A division or group split between sectors counts as its main part
    (division 45 is retail although class 4520 is services). Section letters
    and malformed codes return ``None``.
    """
    code = code.strip()
    if not (code.isascii() and code.isdigit() and 2 <= len(code) <= 4):
        return None
    for prefix, sector in _ISIC_PREFIX_SECTOR:
        if code.startswith(prefix):
            return sector
    return "manufacturing_other"
