"""What of each app's objects can be translated: each app registers its kinds in its
AppConfig.ready(), so that this app never imports the apps above it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models

READER_LANGUAGES = ("id", "ja", "en")


@dataclass(frozen=True)
class Translatable:
    """One kind of translatable object.

    - `fields`: the text fields a version holds, with their labels, in display order.
    - `texts(obj)`: the original texts by field; `source_language(obj)`: their language.
    - `problems(obj, texts)`: what makes a version unfit to show (an anonymous profile's
      translation naming the poster), by field, as the original is checked.
    - `hides_identity(obj)`: whether outsiders must not learn who wrote it.
    - `may_author(user, obj)`: the writer's side (the poster's company).
    - `may_view(user, obj)`: who may read the object at all.
    - `to_fill()`: the published objects the machine-translation task fills.
    - `url(obj)`: the object's page; `label(obj)`: what a queue calls it (never a hidden name).
    - `author_label`: how readers are told the writer's side made a version.
    """

    key: str
    model: type[models.Model]
    fields: tuple[tuple[str, Any], ...]
    texts: Callable[[Any], dict[str, str]]
    source_language: Callable[[Any], str]
    problems: Callable[[Any, dict[str, str]], dict[str, str]]
    hides_identity: Callable[[Any], bool]
    may_author: Callable[[Any, Any], bool]
    may_view: Callable[[Any, Any], bool]
    to_fill: Callable[[], Iterable[Any]]
    url: Callable[[Any], str]
    label: Callable[[Any], str]
    # What readers are told of a version by the writer's side ("Translated by the poster").
    author_label: Any = None


_REGISTRY: dict[str, Translatable] = {}


def register_translatable(spec: Translatable) -> None:
    _REGISTRY[spec.key] = spec


def translatable(key: str) -> Translatable:
    return _REGISTRY[key]


def translatables() -> list[Translatable]:
    return list(_REGISTRY.values())


def spec_for(obj: models.Model) -> Translatable:
    for spec in _REGISTRY.values():
        if isinstance(obj, spec.model):
            return spec
    raise LookupError(f"{type(obj).__name__} is not registered as translatable")
