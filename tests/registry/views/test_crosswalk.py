"""The officers' crosswalk review page: who may see it, its filters, and the three decisions."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from jembatan.core.models import AuditLogEntry
from jembatan.registry.models import CrosswalkLink
from tests.navigation import queue_count_queries
from tests.registry.crosswalk_sample import isic, jsic, kbli, link

URL = "/companies/crosswalk/"
ROLES_DENIED = ["member", "outsider", "viewer"]
ACTIONS = ["confirm", "reject", "correct"]


def action_url(target: CrosswalkLink, action: str) -> str:
    return f"{URL}{target.pk}/{action}/"


@pytest.fixture
def proposed(db: None) -> CrosswalkLink:
    return link(kbli("17021"), "1702", score=0.62, method="proposed", basis="text_in_group")


def listed(client: Client, **params: Any) -> list[str]:
    response = client.get(URL, params)
    assert response.status_code == 200
    return [f"{x.source.code}>{x.isic.code}" for x in response.context["page"].object_list]


# -- who may review ----------------------------------------------------------------------


@pytest.mark.django_db
def test_review_anonymous_redirects_to_sign_in(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


@pytest.mark.parametrize("role", ROLES_DENIED)
def test_review_forbidden_to_non_officers(
    client: Client, request: pytest.FixtureRequest, role: str
) -> None:
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("action", ACTIONS)
def test_decision_anonymous_redirects_and_changes_nothing(
    client: Client, proposed: CrosswalkLink, action: str
) -> None:
    response = client.post(action_url(proposed, action), {"isic_code": "1701"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert list(CrosswalkLink.objects.values_list("status", flat=True)) == ["proposed"]


@pytest.mark.parametrize("role", ROLES_DENIED)
@pytest.mark.parametrize("action", ACTIONS)
def test_decision_forbidden_to_non_officers(
    client: Client, request: pytest.FixtureRequest, proposed: CrosswalkLink, role: str, action: str
) -> None:
    isic("1701")
    client.force_login(request.getfixturevalue(role))
    assert client.post(action_url(proposed, action), {"isic_code": "1701"}).status_code == 403
    assert list(CrosswalkLink.objects.values_list("status", flat=True)) == ["proposed"]
    assert not AuditLogEntry.objects.exists()


def test_decision_needs_post(client: Client, officer: Any, proposed: CrosswalkLink) -> None:
    client.force_login(officer)
    assert client.get(action_url(proposed, "confirm")).status_code == 405


# -- the list ----------------------------------------------------------------------------


def test_review_shows_titles_score_and_basis(
    client: Client, officer: Any, proposed: CrosswalkLink
) -> None:
    link(jsic("1453"), "1702", score=0.81, method="proposed", basis="text")
    client.force_login(officer)
    html = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "KBLI 2020 17021" in html
    assert (
        '<p lang="id" class="crosswalk-item__title">Industri Kertas dan Papan Kertas Bergelombang</p>'
        in html
    )
    assert "JSIC Rev.14 1453" in html
    assert '<p lang="ja" class="crosswalk-item__title">段ボール箱製造業</p>' in html
    assert '<p lang="en" class="crosswalk-item__title">Corrugated board boxes</p>' in html
    assert "ISIC 1702</span> Manufacture of corrugated paper" in html
    assert "Score 0.62" in html
    assert "Score 0.81" in html
    assert '<span class="mono">(text_in_group)</span>' in html


def test_review_opens_on_proposed_links(
    client: Client, officer: Any, proposed: CrosswalkLink
) -> None:
    link(kbli("17022", "Industri Kemasan"), "1702", status="confirmed")
    link(kbli("1701", "Industri Kertas"), "1701", status="rejected")
    client.force_login(officer)
    assert listed(client) == ["17021>1702"]
    assert listed(client, status="") == ["1701>1701", "17021>1702", "17022>1702"]
    assert listed(client, status="rejected") == ["1701>1701"]


def test_review_filters_by_scheme_score_and_text(
    client: Client, officer: Any, proposed: CrosswalkLink
) -> None:
    link(jsic("1453"), "1702", score=0.81, method="proposed", basis="text")
    link(kbli("29300", "Industri Suku Cadang"), "2930", score=1.0)
    client.force_login(officer)
    assert listed(client, scheme="jsic14") == ["1453>1702"]
    assert listed(client, scheme="kbli2020") == ["17021>1702", "29300>2930"]
    assert listed(client, score_below="0.9") == ["1453>1702", "17021>1702"]
    assert listed(client, score_below="0.7") == ["17021>1702"]
    assert listed(client, q="2930") == ["29300>2930"]
    assert listed(client, q="段ボール") == ["1453>1702"]
    assert listed(client, q="suku cadang") == ["29300>2930"]
    assert listed(client, q="motor vehicles") == ["29300>2930"]


def test_review_bad_filter_value_counts_as_any(
    client: Client, officer: Any, proposed: CrosswalkLink
) -> None:
    client.force_login(officer)
    assert listed(client, score_below="lots", status="proposed") == ["17021>1702"]


def test_review_paginates_by_25(client: Client, officer: Any) -> None:
    for n in range(26):
        link(kbli(f"1{n:04d}", f"Kode {n}"), "1702")
    client.force_login(officer)
    first = client.get(URL)
    second = client.get(URL, {"page": 2, "status": "proposed"})
    assert len(first.context["page"].object_list) == 25
    assert [x.source.code for x in second.context["page"].object_list] == ["10025"]
    assert 'href="?page=2&amp;status=proposed"' not in first.content.decode()
    assert 'href="?page=2"' in first.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_review_query_count_constant(
    client: Client, officer: Any, django_assert_num_queries: Any, count: int
) -> None:
    for n in range(count):
        link(kbli(f"1702{n}", f"Kode {n}"), "1702", status="confirmed")
        CrosswalkLink.objects.filter(source__code=f"1702{n}").update(confirmed_by=officer)
    client.force_login(officer)
    # session, user, count, page (both codes and the officer joined), the bell's unread count, and the navigation's four
    # officer queue counts.
    # (including the translation queue's count in the navigation)
    with django_assert_num_queries(5 + queue_count_queries(officer)):
        response = client.get(URL, {"status": "confirmed"})
    assert len(response.context["page"].object_list) == count


# -- decisions ---------------------------------------------------------------------------


def test_confirm_by_officer_records_and_logs(
    client: Client, officer: Any, proposed: CrosswalkLink
) -> None:
    client.force_login(officer)
    response = client.post(action_url(proposed, "confirm"))
    assert response.status_code == 302
    assert response["Location"] == URL
    proposed.refresh_from_db()
    assert (proposed.status, proposed.confirmed_by) == ("confirmed", officer)
    assert proposed.confirmed_at is not None
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.object_id) == (
        "jembatan.crosswalk.confirmed",
        officer,
        str(proposed.pk),
    )
    assert entry.data == {"scheme": "kbli2020", "code": "17021", "isic": "1702"}


def test_confirm_htmx_returns_the_row(
    client: Client, officer: Any, proposed: CrosswalkLink
) -> None:
    client.force_login(officer)
    response = client.post(
        action_url(proposed, "confirm"), HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<li class="queue-item crosswalk-item crosswalk-item--decided"')
    assert f'id="link-{proposed.pk}"' in html
    assert "17021 → ISIC 1702 confirmed." in html
    assert "/confirm/" not in html  # a confirmed link can still be rejected or corrected
    assert "/reject/" in html


def test_reject_by_officer_records_and_logs(
    client: Client, officer: Any, proposed: CrosswalkLink
) -> None:
    client.force_login(officer)
    response = client.post(
        action_url(proposed, "reject"), HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "17021 → ISIC 1702 rejected." in response.content.decode()
    proposed.refresh_from_db()
    assert (proposed.status, proposed.confirmed_by) == ("rejected", officer)
    assert AuditLogEntry.objects.get().action == "jembatan.crosswalk.rejected"


def test_correct_by_officer_links_another_class(
    client: Client, officer: Any, proposed: CrosswalkLink
) -> None:
    isic("1709")
    client.force_login(officer)
    response = client.post(
        action_url(proposed, "correct"),
        {"isic_code": "1709"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    manual = CrosswalkLink.objects.get(isic__code="1709")
    proposed.refresh_from_db()
    assert (manual.source, manual.method, manual.status, manual.score) == (
        proposed.source,
        "manual",
        "confirmed",
        1.0,
    )
    assert (manual.confirmed_by, proposed.status, proposed.confirmed_by) == (
        officer,
        "rejected",
        officer,
    )
    html = response.content.decode()
    assert f'id="link-{manual.pk}"' in html
    assert "17021 now links to ISIC 1709 (was 1702)." in html
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.object_id) == ("jembatan.crosswalk.corrected", str(manual.pk))
    assert entry.data == {"scheme": "kbli2020", "code": "17021", "isic": "1709", "replaces": "1702"}


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("9999", "9999 is not an ISIC Rev.4 code."),
        ("170", "170 is an ISIC group, not a class: choose a four-digit class."),
        ("", "Write the four-digit ISIC class to link to."),
    ],
)
def test_correct_to_a_non_class_is_a_row_error(
    client: Client, officer: Any, proposed: CrosswalkLink, code: str, error: str
) -> None:
    isic("170")
    client.force_login(officer)
    response = client.post(
        action_url(proposed, "correct"),
        {"isic_code": code},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<p class="field-error" id="isic-{proposed.pk}-error">{error}</p>' in html
    assert list(CrosswalkLink.objects.values_list("status", flat=True)) == ["proposed"]
    assert not AuditLogEntry.objects.exists()


def test_correct_without_htmx_reports_the_error_as_a_message(
    client: Client, officer: Any, proposed: CrosswalkLink
) -> None:
    client.force_login(officer)
    response = client.post(
        action_url(proposed, "correct"), {"isic_code": "9999"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "17021: 9999 is not an ISIC Rev.4 code." in page


def test_unknown_link_is_404(client: Client, officer: Any) -> None:
    client.force_login(officer)
    assert client.post(f"{URL}999/confirm/").status_code == 404


def test_decision_tells_the_officer_the_sectors_follow(
    client: Client, officer: Any, proposed: CrosswalkLink, company: Any, settings: Any
) -> None:
    company.classifications.add(proposed.source)
    client.force_login(officer)
    response = client.post(
        action_url(proposed, "confirm"), HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "17021 → ISIC 1702 confirmed. The sectors of 1 company with 17021 were updated." in (
        response.content.decode()
    )


def test_decision_with_a_broker_says_the_sectors_are_being_updated(
    client: Client, officer: Any, proposed: CrosswalkLink, company: Any, settings: Any
) -> None:
    """With a broker the task runs on a worker after the commit (never here: the test's
    transaction does not commit), and the page says it is under way, in Japanese too."""
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/2"
    company.classifications.add(proposed.source)
    officer.language = "ja"  # the page answers in the officer's language
    officer.save(update_fields=["language"])
    client.force_login(officer)
    response = client.post(action_url(proposed, "reject"), HTTP_HX_REQUEST="true")
    assert "17021 のコードを持つ 1 社の分野を更新しています" in response.content.decode()
