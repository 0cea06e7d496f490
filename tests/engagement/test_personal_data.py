"""Export and erasure of what the engagement app holds about a company."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from jembatan.core.domain.personal_data import erase_company, export_company
from jembatan.engagement.domain.introductions import post_message
from jembatan.engagement.models import ExpressionOfInterest, Introduction, IntroductionMessage
from tests.engagement.conftest import NOW, OWNER_CONTACT, OWNER_NAME, REQUESTER_CONTACT
from tests.opportunities.factories import PDF_BYTES


def test_export_holds_what_each_side_may_see(interest, introduction, member, requester) -> None:  # type: ignore[no-untyped-def]
    post_message(member, introduction, "Selamat datang.", now=NOW)
    requester_side = export_company(requester.organisation.company)["engagement"]
    assert [i["status"] for i in requester_side["interests_sent"]] == ["accepted"]
    shown = requester_side["introductions"][0]
    assert shown["partner"] == OWNER_NAME
    assert shown["contacts_disclosed_to_you"][0]["email"] == OWNER_CONTACT["email"]
    assert [m["body"] for m in shown["messages"]] == ["Selamat datang."]
    json.dumps(requester_side)


def test_received_interest_export_leaves_out_undisclosed_contacts(interest, member) -> None:  # type: ignore[no-untyped-def]
    owner_side = json.dumps(export_company(member.organisation.company)["engagement"])
    assert REQUESTER_CONTACT["email"] not in owner_side
    assert REQUESTER_CONTACT["name"] not in owner_side


def test_erasure_keeps_counts_and_stages(introduction, member, requester, officer) -> None:  # type: ignore[no-untyped-def]
    post_message(
        requester,
        introduction,
        "Tanaka desu, yoroshiku.",
        language="ja",
        attachment=SimpleUploadedFile("meishi.pdf", PDF_BYTES),
        now=NOW,
    )
    company = requester.organisation.company
    erase_company(officer, company, NOW)
    erase_company(officer, company, NOW)  # idempotent
    interest = ExpressionOfInterest.objects.get()
    assert (interest.status, interest.message, list(interest.contacts.all())) == (
        "accepted",
        "",
        [],
    )
    kept = Introduction.objects.get()
    assert (kept.stage, list(kept.contacts_a.all())) == ("introduced", [])
    assert list(kept.contacts_b.all()) != []  # the other side's disclosure is theirs
    message = IntroductionMessage.objects.get()
    assert (message.body, message.attachment_name, bool(message.attachment)) == ("", "", False)
    assert IntroductionMessage.objects.count() == 1
