"""The machine-translation adapters against a real local HTTP server (tests/translations/stub.py)."""

from __future__ import annotations

import time

import pytest

from jembatan.translations.domain.engines import (
    LibreTranslateTranslator,
    MachineTranslator,
    OpenAIChatTranslator,
    TranslationFailedError,
    get_translator,
)
from tests.translations.stub import StubServer


def test_libretranslate_sends_its_api_fields_and_reads_the_list(stub: StubServer) -> None:
    translator = LibreTranslateTranslator(stub.url, api_key="k-123", timeout=5)
    result = translator.translate(["Kain tenun", "Batik cap"], "id", "ja")
    assert result == ["[ja] Kain tenun", "[ja] Batik cap"]
    assert stub.received == [
        {
            "path": "/translate",
            "payload": {
                "q": ["Kain tenun", "Batik cap"],
                "source": "id",
                "target": "ja",
                "format": "text",
                "api_key": "k-123",
            },
            "auth": None,
        }
    ]
    assert translator.name == "LibreTranslate"


def test_openai_chat_sends_model_and_key_one_text_per_call(stub: StubServer) -> None:
    translator = OpenAIChatTranslator(f"{stub.url}/v1", model="qwen2.5-7b", api_key="sk-1")
    result = translator.translate(["Kain tenun", "Batik cap"], "id", "en")
    assert result == ["[en] Kain tenun", "[en] Batik cap"]
    assert [r["payload"]["messages"][1]["content"] for r in stub.received] == [
        "Kain tenun",
        "Batik cap",
    ]
    assert {r["payload"]["model"] for r in stub.received} == {"qwen2.5-7b"}
    assert {r["auth"] for r in stub.received} == {"Bearer sk-1"}
    assert translator.name == "qwen2.5-7b"


@pytest.mark.parametrize("kind", ["libretranslate", "openai"])
def test_timeout_raises_translation_failed_within_the_timeout(stub: StubServer, kind: str) -> None:
    stub.mode, stub.delay = "sleep", 3.0
    url = stub.url if kind == "libretranslate" else f"{stub.url}/v1"
    translator = get_translator(kind, url, model="m", timeout=0.3)
    assert translator is not None
    started = time.monotonic()
    with pytest.raises(TranslationFailedError, match="timed out"):
        translator.translate(["Kain tenun"], "id", "ja")
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize(
    ("mode", "message"),
    [("500", "HTTP 500"), ("badjson", "not JSON"), ("short", "no ")],
)
@pytest.mark.parametrize("kind", ["libretranslate", "openai"])
def test_service_errors_raise_translation_failed(
    stub: StubServer, kind: str, mode: str, message: str
) -> None:
    stub.mode = mode
    url = stub.url if kind == "libretranslate" else f"{stub.url}/v1"
    translator = get_translator(kind, url, model="m", timeout=5)
    assert translator is not None
    with pytest.raises(TranslationFailedError, match=message):
        translator.translate(["Kain tenun", "Batik cap"], "id", "ja")


def test_refused_connection_raises_translation_failed() -> None:
    translator = LibreTranslateTranslator("http://127.0.0.1:9", timeout=1)
    with pytest.raises(TranslationFailedError):
        translator.translate(["Kain tenun"], "id", "ja")


def test_no_translator_without_settings() -> None:
    assert get_translator("", "") is None
    assert get_translator("libretranslate", "") is None


def test_translators_satisfy_the_protocol() -> None:
    assert isinstance(LibreTranslateTranslator("http://x"), MachineTranslator)
    assert isinstance(OpenAIChatTranslator("http://x", "m"), MachineTranslator)
