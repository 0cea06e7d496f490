"""The translation catalogues: complete, placeholder-safe, compiled, and in step with the code.

When a test here fails after someone added strings, refresh and translate the catalogues:

    cd src/jembatan
    PYTHONPATH=.. python -m jembatan makemessages -l id -l ja -l en --no-obsolete
    # translate every empty or fuzzy entry in locale/id and locale/ja (see docs/glossary.md)
    PYTHONPATH=.. python -m jembatan compilemessages

and commit the .po and .mo files together.
"""

from __future__ import annotations

import gettext
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "src" / "jembatan"
LOCALE_DIR = PACKAGE_DIR / "locale"
TRANSLATED = ["id", "ja"]  # every entry must be translated
ALL_LANGUAGES = ["id", "ja", "en"]  # English is the source: its msgstr stay empty

# %(name)s, %(seconds).1f, %s, %d and {0}/{name}; "%%" is a literal percent sign.
PLACEHOLDER = re.compile(
    r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifrx]|%[-#0 +]*\d*(?:\.\d+)?[sdifrx]|\{[\w.]*\}"
)
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    """One message of a .po file (obsolete "#~" entries are not read)."""

    line: int
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        context = f"[{self.msgctxt}] " if self.msgctxt is not None else ""
        return f"line {self.line}: {context}{self.msgid!r}"

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"not a quoted PO string: {text}")
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def parse_po(path: Path) -> list[Entry]:
    """The entries of a .po file, the header (msgid "") first: a minimal reader."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            if not line:
                current, target = None, None
            continue
        if line.startswith("#"):
            if current is None:
                current = Entry(line=number)
                entries.append(current)
            if line.startswith("#,"):
                current.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            if current is None or target is None:
                raise ValueError(f"{path}:{number}: continuation line outside an entry")
            keyword, rest = "", line
        elif current is None:
            current = Entry(line=number)
            entries.append(current)
        if keyword == "msgctxt":
            current.msgctxt, target = _unquote(rest), ("msgctxt", 0)
        elif keyword == "msgid":
            current.msgid, target = _unquote(rest), ("msgid", 0)
        elif keyword == "msgid_plural":
            current.msgid_plural, target = _unquote(rest), ("msgid_plural", 0)
        elif keyword == "msgstr":
            current.msgstr[0], target = _unquote(rest), ("msgstr", 0)
        elif keyword.startswith("msgstr["):
            index = int(keyword[7:-1])
            current.msgstr[index], target = _unquote(rest), ("msgstr", index)
        elif keyword == "" and target is not None:
            name, index = target
            if name == "msgstr":
                current.msgstr[index] += _unquote(rest)
            else:
                setattr(current, name, (getattr(current, name) or "") + _unquote(rest))
        else:
            raise ValueError(f"{path}:{number}: cannot read {raw!r}")
    return entries


def _po(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def _messages(language: str) -> list[Entry]:
    return [entry for entry in parse_po(_po(language)) if entry.msgid]


def _header(language: str) -> dict[str, str]:
    header = next(entry for entry in parse_po(_po(language)) if not entry.msgid)
    pairs = (line.partition(":") for line in header.msgstr[0].splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, _, value in pairs}


def _placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_has_no_untranslated_entries(language: str) -> None:
    missing = [entry.label for entry in _messages(language) if not entry.translated]
    assert missing == [], f"{len(missing)} untranslated in {_po(language)}:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_has_no_fuzzy_entries(language: str) -> None:
    fuzzy = [entry.label for entry in _messages(language) if "fuzzy" in entry.flags]
    assert fuzzy == [], f"{len(fuzzy)} fuzzy in {_po(language)}:\n" + "\n".join(fuzzy)


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_header_has_one_plural_form(language: str) -> None:
    header = _header(language)
    assert header["Language"] == language
    assert header["Content-Type"] == "text/plain; charset=UTF-8"
    assert header["Plural-Forms"] == "nplurals=1; plural=0;"


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_plural_entries_fill_the_one_form(language: str) -> None:
    wrong = [
        entry.label
        for entry in _messages(language)
        if entry.msgid_plural is not None and sorted(entry.msgstr) != [0]
    ]
    assert wrong == []


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_catalogue_translations_keep_the_placeholders(language: str) -> None:
    wrong = []
    for entry in _messages(language):
        for text in entry.msgstr.values():
            if not text:
                continue
            expected = _placeholders(entry.msgid)
            if entry.msgid_plural is not None:
                # A one-form language (id, ja) writes the plural text for every number.
                expected |= _placeholders(entry.msgid_plural)
            if _placeholders(text) != expected:
                wrong.append(f"{entry.label} -> {text!r}")
    assert wrong == [], "placeholders differ from the msgid:\n" + "\n".join(wrong)


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_compiled_catalogue_holds_every_translation(language: str) -> None:
    mo = _po(language).with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run compilemessages"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in _messages(language):
        if not entry.translated or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural is not None:
            found = {n: compiled.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2, 5)}
            expected = {n: entry.msgstr[compiled.plural(n)] for n in (1, 2, 5)}
        elif entry.msgctxt is not None:
            found = {0: compiled.pgettext(entry.msgctxt, entry.msgid)}
            expected = {0: entry.msgstr[0]}
        else:
            found = {0: compiled.gettext(entry.msgid)}
            expected = {0: entry.msgstr[0]}
        if found != expected:
            stale.append(entry.label)
    assert stale == [], f"{mo} is older than its .po (run compilemessages):\n" + "\n".join(stale)


@pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msgmerge") is None,
    reason="GNU gettext tools not installed",
)
def test_catalogues_hold_every_string_of_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """makemessages on a copy of the code finds no message the Japanese catalogue lacks."""
    copy = tmp_path / "jembatan"
    shutil.copytree(
        PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "var", "static")
    )
    monkeypatch.chdir(copy)
    # LOCALE_PATHS points at the copy: makemessages must never write the real catalogues.
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", locale=["ja"], no_obsolete=True, verbosity=0)
    fresh = {(e.msgctxt, e.msgid) for e in parse_po(copy / "locale/ja/LC_MESSAGES/django.po")}
    kept = {(e.msgctxt, e.msgid) for e in parse_po(_po("ja"))}
    assert sorted(fresh - kept, key=str) == [], "run makemessages and translate the new strings"
    assert sorted(kept - fresh, key=str) == [], "run makemessages --no-obsolete"
