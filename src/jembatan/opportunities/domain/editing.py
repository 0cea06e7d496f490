"""Creating and changing a profile's content (only while it is a draft or returned)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.core.domain.stored_files import delete_after_commit
from jembatan.opportunities.domain.attachments import (
    HEAD_BYTES,
    attachment_problem,
    clean_file_name,
    count_problem,
    sniff_content_type,
)
from jembatan.opportunities.domain.language import detect_language
from jembatan.opportunities.domain.lifecycle import EDITABLE, TransitionError
from jembatan.opportunities.models import PartnershipProfile, ProfileAttachment, Status


def check_editable(profile: PartnershipProfile, actor: Any) -> None:
    if profile.pk is None:
        return
    if actor is None or not actor.has_perm("opportunities.change_profile", profile):
        raise PermissionDenied(_("You may not change this profile."))
    if profile.status not in EDITABLE:
        raise TransitionError(
            _("A profile that is %(status)s can no longer be changed; only drafts can.")
            % {"status": Status(profile.status).label}
        )


def apply_language(profile: PartnershipProfile, chosen: str) -> None:
    """Detect the text's language; the poster's choice, when given, overrides it."""
    profile.language_detected = detect_language(profile.text_for_language_detection) or ""
    profile.language = chosen or profile.language_detected


def save_profile(profile: PartnershipProfile, actor: Any, chosen_language: str = "") -> None:
    """Save new or changed content, with the audit-log entry. M2M fields are the caller's."""
    creating = profile.pk is None
    check_editable(profile, actor)
    if creating:
        profile.created_by = actor
    apply_language(profile, chosen_language)
    profile.target_countries = sorted(set(profile.target_countries))
    profile.save()
    action = "jembatan.profile.created" if creating else "jembatan.profile.updated"
    log_action(action, profile, actor)


class AttachmentError(Exception):
    """The file cannot be attached; the message names it and says why."""


def attach_file(profile: PartnershipProfile, upload: File[Any], actor: Any) -> ProfileAttachment:
    """Store an uploaded file under a random name, after checking its content and size.

    Forms and serializers check the same rules first to report them per field; this check
    stays so that no other caller can attach a file that breaks them.
    """
    check_editable(profile, actor)
    name = clean_file_name(upload.name or "")
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    size = upload.size or 0
    problem = attachment_problem(name, size, head) or count_problem(profile.attachments.count(), 1)
    if problem:
        raise AttachmentError(problem)
    attachment = ProfileAttachment(
        profile=profile,
        original_name=name,
        content_type=sniff_content_type(head) or "",
        size=size,
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    log_action("jembatan.profile.attachment_added", profile, actor, {"attachment": attachment.pk})
    return attachment


def remove_attachment(attachment: ProfileAttachment, actor: Any) -> None:
    profile = attachment.profile
    check_editable(profile, actor)
    delete_after_commit(attachment.file)
    attachment_id = attachment.pk
    attachment.delete()
    log_action("jembatan.profile.attachment_removed", profile, actor, {"attachment": attachment_id})


def delete_draft(profile: PartnershipProfile, actor: Any) -> None:
    """Delete a profile that was never submitted; later ones are closed instead."""
    if actor is None or not actor.has_perm("opportunities.delete_profile", profile):
        raise PermissionDenied(_("You may not delete this profile."))
    if profile.status != Status.DRAFT:
        raise TransitionError(
            _("A profile that is %(status)s cannot be deleted; close it instead.")
            % {"status": Status(profile.status).label}
        )
    log_action("jembatan.profile.deleted", profile, actor, {"title": profile.title})
    for attachment in profile.attachments.all():
        delete_after_commit(attachment.file)
    profile.delete()
