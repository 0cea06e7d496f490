"""Build an Indonesian-Japanese parallel sentence set from free software translations.

    python benchmarks/parallel_messages.py [--pairs 2000] [--seed 7]

Debian installs the translations of its programs' messages as gettext catalogues
(``/usr/share/locale/<lang>/LC_MESSAGES/<domain>.mo``). The Indonesian and the Japanese
catalogue of one program translate the same English message, so the two translations of
one English message are a sentence pair, written by different translators. This script
joins them over every domain installed in both languages (and the Django catalogues of
the virtual environment), keeps sentence-like messages, drops every text that occurs
twice (a retrieval set needs one right answer per query), samples ``--pairs`` of them
and writes ``benchmarks/data/messages_id_ja.tsv`` with the package and licence of each
pair (from ``dpkg -S`` and the package's ``copyright`` file). The TSV is committed, so
the benchmarks do not need this machine's packages; this script only rebuilds it.

A message is kept when its English text is one line of 5 to 30 words, and both
translations are translated (not the English), in their script (kana or kanji in the
Japanese, no kana or kanji in the Indonesian). Format placeholders (``%s``, ``%1$d``,
``{name}``, ``%(name)s``) are removed from all three, as are keyboard accelerators
(``_`` in GTK labels). Catalogues of names (ISO codes, keyboard layouts) are left out.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "data" / "messages_id_ja.tsv"
LOCALE = Path("/usr/share/locale")
SKIP_DOMAINS = re.compile(r"^(iso_|xkeyboard-config|xdg-user-dirs)")
PLACEHOLDER = re.compile(
    r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|z|j|t|q)?[sdiuxXfgeEcpoaAB%]"
    r"|%\([a-z_]+\)[sd]|\{[a-zA-Z_0-9]*\}|\$\{?[A-Z_]+\}?|<[^>]+>"
)
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]{2,}")


def clean(text: str) -> str:
    text = PLACEHOLDER.sub(" ", text)
    text = re.sub(r"(?<=\w)_(?=\w)|(?<!\w)_(?=\w)", "", text)  # GTK accelerators
    text = re.sub(r"\(_[A-Za-z]\)", "", text)  # Japanese accelerators: 開く(_O)
    text = text.replace("`", "'")
    text = re.sub(r"'\s*'|\"\s*\"|“\s*”|‘\s*’|「\s*」|『\s*』|\(\s*\)", " ", text)
    return re.sub(r"\s+", " ", text).strip(" :")


def catalogue(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    entries: dict[str, str] = translations._catalog  # type: ignore[attr-defined]
    return {k: v for k, v in entries.items() if isinstance(k, str) and k and v}


def package_of(path: Path) -> tuple[str, str]:
    """The Debian package that ships ``path`` and the first licence its copyright names."""
    try:
        owner = subprocess.run(
            ["/usr/bin/dpkg", "-S", str(path)], capture_output=True, text=True, check=True
        ).stdout.split(":")[0]
    except (OSError, subprocess.CalledProcessError):
        return "unknown", "unknown"
    licence = "see /usr/share/doc/" + owner + "/copyright"
    copyright_file = Path("/usr/share/doc") / owner / "copyright"
    if copyright_file.exists():
        found = re.search(
            r"^License:[ \t]*(\S.*)$", copyright_file.read_text(errors="replace"), re.M
        )
        if found:
            licence = found.group(1).strip()
    return owner, licence


def sources() -> list[tuple[str, str, Path, Path]]:
    """(package, licence, Indonesian catalogue, Japanese catalogue) for every domain."""
    found = []
    for id_mo in sorted((LOCALE / "id" / "LC_MESSAGES").glob("*.mo")):
        ja_mo = LOCALE / "ja" / "LC_MESSAGES" / id_mo.name
        if ja_mo.exists() and not SKIP_DOMAINS.match(id_mo.stem):
            package, licence = package_of(id_mo)
            found.append((package, licence, id_mo, ja_mo))
    import django

    django_root = Path(django.__path__[0])
    for id_mo in sorted(django_root.rglob("locale/id/LC_MESSAGES/*.mo")):
        ja_mo = Path(str(id_mo).replace("/locale/id/", "/locale/ja/"))
        if ja_mo.exists():
            app = id_mo.relative_to(django_root).parts[:-4]
            found.append(("django/" + "/".join(app), "BSD-3-clause", id_mo, ja_mo))
    return found


def build(pairs: int, seed: int) -> list[dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for package, licence, id_mo, ja_mo in sources():
        indonesian, japanese = catalogue(id_mo), catalogue(ja_mo)
        for english, id_text in indonesian.items():
            ja_text = japanese.get(english)
            if not ja_text or "\x04" in english or "\n" in english.strip():
                continue
            en, idn, ja = clean(english), clean(id_text), clean(ja_text)
            if not 5 <= len(WORD.findall(en)) <= 30 or "\n" in idn or "\n" in ja:
                continue
            if idn.lower() == en.lower() or ja.lower() == en.lower():
                continue
            if not JAPANESE.search(ja) or JAPANESE.search(idn) or len(WORD.findall(idn)) < 3:
                continue
            rows.setdefault(
                en, {"en": en, "id": idn, "ja": ja, "package": package, "licence": licence}
            )
    kept = list(rows.values())
    for lang in ("id", "ja"):
        counts: dict[str, int] = {}
        for row in kept:
            key = row[lang].lower()
            counts[key] = counts.get(key, 0) + 1
        kept = [r for r in kept if counts[r[lang].lower()] == 1]
    random.Random(seed).shuffle(kept)
    return sorted(kept[:pairs], key=lambda r: (r["package"], r["en"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rows = build(args.pairs, args.seed)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, ["id", "ja", "en", "package", "licence"], delimiter="\t", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    packages = sorted({r["package"] for r in rows})
    print(f"{len(rows)} pairs from {len(packages)} packages -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
