"""Score the JSIC -> ISIC crosswalk proposals on hand-checked pairs and time it.

Usage: PYTHONPATH=src python benchmarks/crosswalk_jsic_isic.py [DATA_DIR] [--all]
Prints a table; with --all also times proposals for all 1,473 JSIC classes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from jembatan.registry.domain.crosswalk import propose_jsic_to_isic
from jembatan.registry.domain.taxonomy import parse_taxonomy

# JSIC class -> ISIC class, checked by hand against both titles.
CHECKED_PAIRS = {
    "1114": "1311", "0111": "0112", "0971": "1071", "3113": "2930", "3111": "2910",
    "1453": "1702", "7511": "5510", "4113": "5911", "6221": "6419", "6711": "6511",
    "8311": "8610", "8331": "8620", "7821": "9602", "7811": "9601", "7911": "7911",
    "8121": "8510", "8911": "4520", "5611": "4719", "5631": "4711", "6051": "4730",
    "4211": "4911", "4411": "4923", "3311": "3510", "3611": "3600", "2211": "2410",
    "2814": "2610", "2041": "1520", "1311": "3100", "1661": "2023", "1652": "2100",
    "2114": "2310", "2142": "2393", "7611": "5610", "3911": "6201", "1821": "2220",
    "1911": "2211", "2481": "2599", "1121": "1312", "1141": "1313", "1161": "1410",
    "5113": "4641", "5721": "4771", "7212": "6910", "7931": "9529",
}  # fmt: skip


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = Path(args[0] if args else "../shared/data")
    jsic = parse_taxonomy("jsic14", data / "jsic14" / "jsic_rev14_all_levels.csv")
    isic = parse_taxonomy("isic4", data / "isic4" / "isic_rev4_all_levels.csv")
    start = time.perf_counter()
    proposals = propose_jsic_to_isic(jsic, isic, codes=CHECKED_PAIRS)
    elapsed = time.perf_counter() - start
    top1 = sum(p.target_code == CHECKED_PAIRS[p.source_code] for p in proposals)
    top3 = sum(
        CHECKED_PAIRS[p.source_code] in [p.target_code, *(code for code, _ in p.alternatives[:2])]
        for p in proposals
    )
    n = len(proposals)
    print("| measure | value |\n| --- | --- |")
    print(f"| checked pairs | {n} |")
    print(f"| top-1 agreement | {top1}/{n} ({top1 / n:.0%}) |")
    print(f"| in top 3 | {top3}/{n} ({top3 / n:.0%}) |")
    print(f"| seconds, checked pairs | {elapsed:.1f} |")
    if "--all" in sys.argv:
        start = time.perf_counter()
        everything = propose_jsic_to_isic(jsic, isic)
        seconds = time.perf_counter() - start
        print(f"| seconds, all {len(everything)} classes | {seconds:.1f} |")


if __name__ == "__main__":
    main()
