"""Machine translation behind one small interface, like matching's encoder.

None by default: Jembatan makes no outside call at run time. A deployment that runs a
translation service points a setting at it (docs/translations.md)::

    JEMBATAN_TRANSLATOR=libretranslate          # or "openai", or a dotted class path
    JEMBATAN_TRANSLATOR_URL=http://mt.intranet:5000
    JEMBATAN_TRANSLATOR_API_KEY=...             # when the service asks for one
    JEMBATAN_TRANSLATOR_MODEL=qwen2.5-7b-instruct   # OpenAI-compatible endpoints only
    JEMBATAN_TRANSLATOR_TIMEOUT=30              # seconds per HTTP call

Every failure of the service (timeout, refused connection, HTTP error, an answer that is
not the JSON expected) is raised as :class:`TranslationFailedError`, so that the caller keeps the
original text and tries again on its next run.
"""

from __future__ import annotations

import importlib
import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

LANGUAGE_NAMES_EN = {"id": "Indonesian", "ja": "Japanese", "en": "English"}


class TranslationFailedError(Exception):
    """The service gave no usable translation; the message says why (for the log)."""


@runtime_checkable
class MachineTranslator(Protocol):
    @property
    def name(self) -> str:
        """The engine as readers are told ("LibreTranslate"); stored with each version."""
        ...

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """`texts` from language `source` into `target` (ISO 639-1), in the same order."""
        ...


def _post_json(url: str, payload: dict[str, Any], headers: dict[str, str], timeout: float) -> Any:
    request = urllib.request.Request(  # noqa: S310 (the URL is the operator's setting)
        url,
        data=json.dumps(payload).encode("utf-8"),
        headers={"Content-Type": "application/json", "Accept": "application/json", **headers},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read()
    except urllib.error.HTTPError as error:
        raise TranslationFailedError(f"{url}: HTTP {error.code}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise TranslationFailedError(f"{url}: {error}") from error
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise TranslationFailedError(f"{url}: the answer is not JSON") from error


class LibreTranslateTranslator:
    """A LibreTranslate server: ``POST {url}/translate`` with q, source, target, format and
    api_key; a list in ``q`` comes back as a list in ``translatedText``."""

    def __init__(
        self, url: str, api_key: str = "", timeout: float = 30.0, name: str = "LibreTranslate"
    ) -> None:
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self._name = name

    @property
    def name(self) -> str:
        return self._name

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        payload: dict[str, Any] = {
            "q": list(texts),
            "source": source,
            "target": target,
            "format": "text",
        }
        if self.api_key:
            payload["api_key"] = self.api_key
        answer = _post_json(f"{self.url}/translate", payload, {}, self.timeout)
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if isinstance(translated, str) and len(texts) == 1:
            translated = [translated]
        if not (
            isinstance(translated, list)
            and len(translated) == len(texts)
            and all(isinstance(t, str) for t in translated)
        ):
            raise TranslationFailedError(
                f"{self.url}: no translatedText list of {len(texts)} texts"
            )
        return list(translated)


class OpenAIChatTranslator:
    """An OpenAI-compatible ``POST {base_url}/chat/completions`` endpoint (vLLM, llama.cpp,
    Ollama, a hosted service), one text per call so that a model cannot merge or drop one."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str = "",
        timeout: float = 30.0,
        name: str = "",
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self._name = name or model

    @property
    def name(self) -> str:
        return self._name

    def _one(self, text: str, source: str, target: str) -> str:
        instruction = (
            f"Translate the user's text from {LANGUAGE_NAMES_EN.get(source, source)} into "
            f"{LANGUAGE_NAMES_EN.get(target, target)}. It is a business partnership offer "
            "between small firms. Answer with the translation only, nothing else."
        )
        payload = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": instruction},
                {"role": "user", "content": text},
            ],
        }
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        answer = _post_json(f"{self.base_url}/chat/completions", payload, headers, self.timeout)
        try:
            content = answer["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as error:
            raise TranslationFailedError(
                f"{self.base_url}: no choices[0].message.content"
            ) from error
        if not isinstance(content, str) or not content.strip():
            raise TranslationFailedError(f"{self.base_url}: an empty translation")
        return content.strip()

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [self._one(text, source, target) for text in texts]


def get_translator(
    kind: str, url: str, api_key: str = "", model: str = "", timeout: float = 30.0, name: str = ""
) -> MachineTranslator | None:
    """The translator the settings name, or None when machine translation is off."""
    kind = kind.strip()
    if not kind or (not url and kind in ("libretranslate", "openai")):
        return None
    if kind == "libretranslate":
        return LibreTranslateTranslator(url, api_key, timeout, name or "LibreTranslate")
    if kind == "openai":
        return OpenAIChatTranslator(url, model, api_key, timeout, name)
    module, _, attribute = kind.rpartition(".")
    factory = getattr(importlib.import_module(module), attribute)
    translator = factory(url=url, api_key=api_key, model=model, timeout=timeout)
    if not isinstance(translator, MachineTranslator):
        raise TypeError(f"{kind} does not make a MachineTranslator")
    return translator


def configured_translator() -> MachineTranslator | None:
    from django.conf import settings

    return get_translator(
        settings.JEMBATAN_TRANSLATOR,
        settings.JEMBATAN_TRANSLATOR_URL,
        settings.JEMBATAN_TRANSLATOR_API_KEY,
        settings.JEMBATAN_TRANSLATOR_MODEL,
        float(settings.JEMBATAN_TRANSLATOR_TIMEOUT),
        settings.JEMBATAN_TRANSLATOR_NAME,
    )
