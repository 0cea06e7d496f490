"""Filling missing versions with a machine translator, against the local stub server."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jembatan.translations.domain.engines import LibreTranslateTranslator, OpenAIChatTranslator
from jembatan.translations.domain.machine import fill_missing
from jembatan.translations.domain.versions import save_version
from jembatan.translations.models import ContentTranslation, Origin
from tests.factories import CompanyFactory
from tests.opportunities.factories import ProfileFactory, published
from tests.translations.stub import StubServer

NOW = dt.datetime(2026, 11, 2, 3, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(days=1)


def versions(obj) -> dict[str, tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {
        row.language: (row.origin, row.engine, row.texts.get("title") or row.texts["description"])
        for row in ContentTranslation.objects.filter(object_id=obj.pk).order_by("language")
        if row.content_object == obj
    }


def test_fill_makes_machine_versions_of_published_profiles_and_companies(
    db, stub: StubServer
) -> None:
    profile = published(title="Kain tenun", company=CompanyFactory(description=""))
    draft = ProfileFactory(title="Masih draf", company=CompanyFactory(description=""))
    company = CompanyFactory(description="Produsen kemasan karton.", description_language="id")
    report = fill_missing(LibreTranslateTranslator(stub.url, timeout=5), NOW)
    assert versions(profile) == {
        "en": ("machine", "LibreTranslate", "[en] Kain tenun"),
        "ja": ("machine", "LibreTranslate", "[ja] Kain tenun"),
    }
    assert versions(company) == {
        "en": ("machine", "LibreTranslate", "[en] Produsen kemasan karton."),
        "ja": ("machine", "LibreTranslate", "[ja] Produsen kemasan karton."),
    }
    assert versions(draft) == {}
    assert (report.made, report.failed) == (4, 0)
    row = ContentTranslation.objects.get(
        object_id=profile.pk, language="ja", texts__has_key="title"
    )
    assert (row.made_at, row.made_by, row.source_language) == (NOW, None, "id")


def test_fill_never_overwrites_a_human_version(db, stub: StubServer, member) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=member.organisation.company, title="Kain tenun")
    save_version(member, profile, "ja", {"title": "織物", "summary": "織物を提供します"}, NOW)
    fill_missing(LibreTranslateTranslator(stub.url, timeout=5), LATER)
    assert versions(profile)["ja"] == ("author", "", "織物")
    # Even once the original changes, the human version stays (and is shown as outdated).
    profile.title = "Kain tenun ikat"
    profile.save()
    fill_missing(LibreTranslateTranslator(stub.url, timeout=5), LATER)
    assert versions(profile)["ja"] == ("author", "", "織物")
    # Only English (no human version) was asked for: once, then again for the new title.
    asked = [(r["payload"]["target"], r["payload"]["q"][0]) for r in stub.received]
    assert [a for a in asked if a[1].startswith("Kain")] == [
        ("en", "Kain tenun"),
        ("en", "Kain tenun ikat"),
    ]


def test_fill_replaces_an_outdated_machine_version_and_skips_a_current_one(
    db, stub: StubServer
) -> None:
    profile = published(title="Kain tenun", company=CompanyFactory(description=""))
    translator = LibreTranslateTranslator(stub.url, timeout=5)
    fill_missing(translator, NOW)
    fill_missing(translator, LATER)
    assert len(stub.received) == 2  # nothing new to translate on the second run
    profile.title = "Kain tenun ikat"
    profile.save()
    fill_missing(translator, LATER)
    assert versions(profile)["ja"] == ("machine", "LibreTranslate", "[ja] Kain tenun ikat")


@pytest.mark.parametrize("mode", ["sleep", "500", "badjson", "short"])
def test_failures_leave_no_version_are_logged_and_retried(
    db, stub: StubServer, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    profile = published(title="Kain tenun", company=CompanyFactory(description=""))
    stub.mode, stub.delay = mode, 1.5
    translator = LibreTranslateTranslator(stub.url, timeout=0.3)
    with caplog.at_level(logging.WARNING, logger="jembatan.translations.domain.machine"):
        report = fill_missing(translator, NOW)
    assert (report.made, report.failed) == (0, 2)
    assert versions(profile) == {}
    assert "retried on the next run" in caplog.text
    stub.mode = "ok"
    report = fill_missing(translator, LATER)
    assert (report.made, report.failed) == (2, 0)
    assert versions(profile)["en"] == ("machine", "LibreTranslate", "[en] Kain tenun")


def test_fill_through_an_openai_compatible_endpoint(db, stub: StubServer) -> None:
    profile = published(title="Kain tenun", company=CompanyFactory(description=""))
    translator = OpenAIChatTranslator(f"{stub.url}/v1", model="qwen2.5-7b", timeout=5)
    fill_missing(translator, NOW)
    assert versions(profile)["ja"] == ("machine", "qwen2.5-7b", "[ja] Kain tenun")


def test_machine_version_naming_a_hidden_poster_is_not_kept(db, stub: StubServer) -> None:
    company = CompanyFactory(name="PT Sinar Tenun", description="")
    # The stub returns the text as it is, prefixed: a title that names the firm stays so.
    profile = published(company=company, title="Kain", is_anonymous=True)
    profile.summary = "Kami menawarkan kain."
    profile.save()
    ContentTranslation.objects.all().delete()
    # The original passed the check; a "translation" that adds the name must not.
    stub.mode = "ok"

    class Naming(LibreTranslateTranslator):
        def translate(self, texts, source, target):  # type: ignore[no-untyped-def]
            return [f"{t} (Sinar Tenun)" for t in super().translate(texts, source, target)]

    report = fill_missing(Naming(stub.url, timeout=5), NOW)
    assert (report.made, report.refused) == (0, 2)
    assert versions(profile) == {}


def test_command_fill_uses_the_settings(db, stub: StubServer, settings, capsys) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_TRANSLATOR = "libretranslate"
    settings.JEMBATAN_TRANSLATOR_URL = stub.url
    settings.JEMBATAN_TRANSLATOR_TIMEOUT = 5
    profile = published(title="Kain tenun", company=CompanyFactory(description=""))
    call_command("translations", "fill")
    assert capsys.readouterr().out == (
        "2 versions made, 0 failed (retried on the next run), 0 refused (named a hidden poster)\n"
    )
    assert versions(profile)["en"][0] == Origin.MACHINE


def test_command_fill_without_a_translator_says_so(db, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_TRANSLATOR = ""
    with pytest.raises(CommandError, match="No translator configured"):
        call_command("translations", "fill")


def test_task_without_a_translator_does_nothing(db) -> None:
    from jembatan.translations.tasks import task_fill_translations

    published(title="Kain tenun")
    assert task_fill_translations() == {"made": 0, "failed": 0, "refused": 0}
    assert ContentTranslation.objects.count() == 0
