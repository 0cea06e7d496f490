"""Stages of an introduction and its thread of messages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from jembatan.core.models import AuditLogEntry
from jembatan.engagement.domain.introductions import MessageError, post_message
from jembatan.engagement.domain.pipeline import StageError, change_stage
from jembatan.engagement.models import Stage
from jembatan.notifications.models import Notification
from tests.engagement.conftest import NOW
from tests.opportunities.factories import EXE_BYTES, PDF_BYTES

LATER = NOW + dt.timedelta(days=3)


@pytest.mark.parametrize("role", ["member", "teammate", "requester", "requester_mate", "officer"])
def test_either_company_or_an_officer_moves_the_stage(request, introduction, role) -> None:  # type: ignore[no-untyped-def]
    user = request.getfixturevalue(role)
    change_stage(user, introduction, "met", now=LATER)
    introduction.refresh_from_db()
    assert (introduction.stage, introduction.stage_changed_at) == ("met", LATER)
    change = introduction.stage_changes.last()
    assert (change.from_stage, change.to_stage, change.changed_by, change.changed_at) == (
        "introduced",
        "met",
        user,
        LATER,
    )
    entry = AuditLogEntry.objects.get(action="jembatan.introduction.stage_changed")
    assert entry.data == {"before": "introduced", "after": "met", "reason": "", "note": ""}


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_others_may_not_move_it(request, introduction, role) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        change_stage(request.getfixturevalue(role), introduction, "met", now=LATER)


def test_full_path_then_closed_with_reason(introduction, member, requester) -> None:  # type: ignore[no-untyped-def]
    for stage in ("met", "negotiating", "signed"):
        change_stage(member, introduction, stage, now=LATER)
    with pytest.raises(StageError, match="Choose why"):
        change_stage(requester, introduction, "closed", now=LATER)
    with pytest.raises(StageError, match="note"):
        change_stage(requester, introduction, "closed", "other", now=LATER)
    change_stage(requester, introduction, "closed", "timing", now=LATER, note="Next year.")
    introduction.refresh_from_db()
    assert (introduction.stage, introduction.close_reason, introduction.close_note) == (
        "closed",
        "timing",
        "Next year.",
    )
    assert [c.to_stage for c in introduction.stage_changes.all()] == [
        "introduced",
        "met",
        "negotiating",
        "signed",
        "closed",
    ]
    with pytest.raises(StageError, match="closed"):
        change_stage(member, introduction, "met", now=LATER)


def test_same_stage_is_refused(introduction, member) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StageError, match="already"):
        change_stage(member, introduction, Stage.INTRODUCED, now=LATER)


def test_stage_change_tells_the_other_side(introduction, member, requester) -> None:  # type: ignore[no-untyped-def]
    change_stage(member, introduction, "met", now=LATER)
    told = Notification.objects.filter(kind="engagement.stage_changed")
    assert sorted(n.recipient.username for n in told) == ["requester"]


def test_message_kept_in_its_language_and_tells_the_other_side(introduction, requester) -> None:  # type: ignore[no-untyped-def]
    message = post_message(requester, introduction, "よろしくお願いいたします。", now=LATER)
    assert message.language == "ja"
    assert message.sender_company_id == requester.company_id_or_none
    introduction.refresh_from_db()
    assert introduction.last_activity_at == LATER
    told = Notification.objects.filter(kind="engagement.message_received")
    assert [n.recipient.username for n in told] == ["member"]
    assert AuditLogEntry.objects.get(action="jembatan.introduction.message_sent").data == {
        "before": None,
        "after": message.pk,
        "language": "ja",
    }


def test_officer_message_tells_both(introduction, officer, member, requester) -> None:  # type: ignore[no-untyped-def]
    post_message(officer, introduction, "Halo, saya petugas program.", now=LATER)
    told = Notification.objects.filter(kind="engagement.message_received")
    assert sorted(n.recipient.username for n in told) == ["member", "requester"]


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_others_may_not_write(request, introduction, role) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        post_message(request.getfixturevalue(role), introduction, "Hello", now=LATER)


def test_attachments_are_checked_like_profile_attachments(introduction, member) -> None:  # type: ignore[no-untyped-def]
    ok = post_message(
        member,
        introduction,
        "Terlampir katalog kami.",
        attachment=SimpleUploadedFile("katalog.pdf", PDF_BYTES),
        now=LATER,
    )
    assert (ok.attachment_name, ok.attachment_type, ok.attachment_size) == (
        "katalog.pdf",
        "application/pdf",
        len(PDF_BYTES),
    )
    with pytest.raises(MessageError, match="not a PDF, JPEG, PNG or WebP"):
        post_message(
            member, introduction, "x", attachment=SimpleUploadedFile("a.pdf", EXE_BYTES), now=LATER
        )
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024))
    with pytest.raises(MessageError, match="larger than 10 MB"):
        post_message(member, introduction, "x", attachment=big, now=LATER)


def test_empty_message_refused(introduction, member) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MessageError, match="Write a message"):
        post_message(member, introduction, "   ", now=LATER)
