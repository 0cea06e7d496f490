"""settings.LOGGING: each record printed once; a refused request is one line, no traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from io import StringIO

import pytest
from django.test import Client


@pytest.fixture
def console() -> Iterator[StringIO]:
    """What the console handler of settings.LOGGING prints, while the test runs."""
    (handler,) = [h for h in logging.getLogger().handlers if h.get_name() == "console"]
    assert isinstance(handler, logging.StreamHandler)
    stream = StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_logging_django_logger_has_no_handler_of_its_own() -> None:
    assert (logging.getLogger("django").handlers, logging.getLogger("django").propagate) == (
        [],
        True,
    )


@pytest.mark.django_db
def test_logging_forbidden_request_is_one_warning_line_without_traceback(
    console: StringIO,
    viewer,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    settings.DEBUG = True  # as under runserver, where Django's own handler printed it again
    client = Client()
    client.force_login(viewer)
    response = client.get("/companies/validation/")
    assert response.status_code == 403
    assert console.getvalue() == (
        "WARNING django.request: Forbidden (Permission denied): /companies/validation/\n"
    )


def test_logging_server_error_keeps_its_traceback(console: StringIO) -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        logging.getLogger("django.request").error(
            "Internal Server Error: %s", "/x", extra={"status_code": 500}, exc_info=exc
        )
    lines = console.getvalue().splitlines()
    assert (lines[0], lines[1], lines[-1]) == (
        "ERROR django.request: Internal Server Error: /x",
        "Traceback (most recent call last):",
        "RuntimeError: boom",
    )
