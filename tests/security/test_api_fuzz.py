"""Schemathesis fuzzes every API operation against the schema drf-spectacular generates.

The site is served on 127.0.0.1 by pytest-django's live server; requests go over real HTTP,
as anonymous, as a company member and as an officer (session cookie plus CSRF header, so the
run does not depend on how API tokens are implemented). Each response must not be a 5xx,
must have a status, content type, headers and body that the schema documents for it.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
import requests
import schemathesis
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import ContactFactory

ROLES = ("anonymous", "member", "officer")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
CSRF_SECRET = "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz"  # 32 characters: Django's unmasked form
SENT: Counter[str] = Counter()
MINIMUM_REQUESTS = 1000


def _generated_schema() -> dict[str, Any]:
    generated = SchemaGenerator().get_schema(request=None, public=True)
    rendered: dict[str, Any] = json.loads(
        OpenApiJsonRenderer().render(generated, renderer_context={})
    )
    return rendered


schema = schemathesis.openapi.from_dict(_generated_schema())


EXAMPLES_PER_OPERATION = 5


@pytest.fixture
def session(live_server: Any, company: Any, other_company: Any) -> requests.Session:
    ContactFactory(company=company)
    http = requests.Session()
    http.cookies.set("csrftoken", CSRF_SECRET)
    http.headers["X-CSRFToken"] = CSRF_SECRET
    return http


def _sign_in(http: requests.Session, user: Any) -> None:
    client = Client()
    client.force_login(user)
    http.cookies.set("sessionid", client.cookies["sessionid"].value)


def _fuzz(operation: Any, http: requests.Session, base_url: str) -> list[str]:
    """Up to EXAMPLES_PER_OPERATION generated requests; the failures found, as text."""
    found: list[str] = []

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        SENT[operation.label] += 1
        try:
            case.call_and_validate(base_url=base_url, session=http, checks=CHECKS)
        except (Failure, FailureGroup) as failure:
            found.append(f"{operation.label}: {str(failure)[:900]}")

    run()
    return found


@pytest.mark.parametrize("role", ROLES)
def test_api_answers_as_documented(
    request: pytest.FixtureRequest, role: str, session: requests.Session, live_server: Any
) -> None:
    if role != "anonymous":
        _sign_in(session, request.getfixturevalue(role))
    # The role is the one the requests carry: only a signed-in user has notifications.
    signed_in = session.get(f"{live_server.url}/api/v1/notifications/").status_code
    assert signed_in == (403 if role == "anonymous" else 200)
    SENT.clear()
    failures: list[str] = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result
        failures += _fuzz(result.ok(), session, live_server.url)
    print(f"{role}: {sum(SENT.values())} requests, {len(SENT)} operations")
    assert not failures, "\n\n".join(failures)
    # ~87 operations x 3 roles x up to 5 examples: over 1,000 requests in the run.
    assert sum(SENT.values()) >= MINIMUM_REQUESTS // len(ROLES), SENT
