"""Creating and changing a company: the one code path of the edit page, the API and the admin.

`save_company` decides who may change which field, what sends a company back to the
officers' validation queue, recomputes the derived fields and writes one audit entry
(`jembatan.company.created` or `jembatan.company.changed`), so the three interfaces cannot
behave differently (wagtail's action objects, as a function).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.registry.domain.derived import (
    classification_codes_in_order,
    set_classifications,
    update_derived_fields,
)
from jembatan.registry.models import Company

# Only an officer may change these once the company exists: they say which firm it is in
# the national registries, and the web form does not even show them to members.
OFFICER_ONLY_FIELDS = frozenset({"country", "registry_id"})
# A change to any of these by someone other than an officer sends a verified company back
# to the validation queue: an officer verified the firm under this identity.
IDENTITY_FIELDS = frozenset(
    {"name", "name_alt", "name_kana", "legal_form", "country", "registry_id", "tax_number"}
)
# Set by the rules or by an officer's decision, never written through an edit.
COMPUTED_FIELDS = frozenset(
    {
        "id",
        "size_class",
        "verification",
        "verification_note",
        "verified_by",
        "verified_at",
        "created_at",
        "updated_at",
    }
)
M2M_FIELDS = frozenset({"certifications", "sectors", "classifications"})


class CompanyChangeError(Exception):
    """Some fields may not be changed by this actor; `errors` maps each to the reason."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {reason}" for name, reason in errors.items()))
        self.errors = errors


def is_officer(actor: Any) -> bool:
    return bool(actor is not None and actor.has_perm("registry.verify_company"))


def _field(name: str) -> Any:
    return Company._meta.get_field(name)


def _differs(stored: Company, name: str, value: Any) -> bool:
    """Whether `value` for field `name` differs from what `stored` (a saved row) holds."""
    if name == "classifications":
        return classification_codes_in_order(stored) != [(c.scheme, c.code) for c in value]
    if name in M2M_FIELDS:
        current = set(getattr(stored, name).values_list("pk", flat=True))
        return current != {item.pk for item in value}
    field = _field(name)
    if isinstance(field, models.FileField):
        return True  # only ever passed when a file was uploaded or cleared
    if isinstance(value, models.Model):
        value = value.pk
    return bool(getattr(stored, field.attname) != value)


def changed_fields(stored: Company | None, changes: Mapping[str, Any]) -> set[str]:
    """The names in `changes` whose value is not what `stored` holds (all of them for a new
    company)."""
    if stored is None:
        return set(changes)
    return {name for name, value in changes.items() if _differs(stored, name, value)}


def refused_changes(
    actor: Any, stored: Company | None, changes: Mapping[str, Any]
) -> dict[str, str]:
    """The fields of `changes` that `actor` may not write, each with the reason (empty when
    everything may be saved). `stored` is the saved company, None for a new one."""
    errors: dict[str, str] = {}
    for name in sorted(set(changes) & COMPUTED_FIELDS):
        errors[name] = _("This field is computed or set by an officer's decision.")
    if stored is None or is_officer(actor):
        return errors
    for name in sorted(changed_fields(stored, changes) & OFFICER_ONLY_FIELDS):
        errors[name] = _(
            "Only a programme officer can change the %(field)s; ask one if it is wrong."
        ) % {"field": _field(name).verbose_name}
    return errors


def _require_permission(actor: Any, company: Company) -> None:
    allowed = (
        actor is not None and actor.has_perm("registry.add_company")
        if company.pk is None
        else actor is not None and actor.has_perm("registry.change_company", company)
    )
    if not allowed:
        raise PermissionDenied(_("You may not change this company."))


def _back_to_queue(actor: Any, stored: Company, changed: set[str]) -> bool:
    """Send `stored` back to the validation queue when a non-officer's edit calls for it:
    a returned company that its members edit, or a verified one whose identity changed.
    Only changes the instance; returns whether it did."""
    if is_officer(actor):
        return False
    if stored.verification == Company.Verification.REJECTED:
        stored.verification = Company.Verification.UNVERIFIED
        return True
    if stored.verification == Company.Verification.VERIFIED and changed & IDENTITY_FIELDS:
        stored.verification = Company.Verification.UNVERIFIED
        stored.verified_by = None
        stored.verified_at = None
        return True
    return False


def _apply(company: Company, changes: Mapping[str, Any]) -> list[str]:
    """Set the plain fields of `changes` on `company`; returns the attribute names set."""
    names = []
    for name, value in changes.items():
        if name in M2M_FIELDS:
            continue
        field = _field(name)
        field.save_form_data(company, value)
        names.append(field.name)
    return names


def _save_m2m(company: Company, changes: Mapping[str, Any]) -> None:
    for name in ("certifications", "sectors"):
        if name in changes:
            getattr(company, name).set(list(changes[name]))
    if "classifications" in changes:
        # In the order given: the first code is the main activity.
        set_classifications(company, list(changes["classifications"]))


def save_company(
    actor: Any,
    company: Company,
    changes: Mapping[str, Any],
    *,
    also_changed: Iterable[str] = (),
) -> Company:
    """Create `company` (unsaved) or change the saved one with `changes`, as `actor`.

    `changes` maps model field names to validated values (many-to-many fields to lists of
    rows; `classifications` in order, the main activity first). `also_changed` names related
    things the caller saves in the same transaction (e.g. "contacts") for the audit entry.
    Raises PermissionDenied when `actor` may not change the company and CompanyChangeError
    naming each field `actor` may not write. Returns the saved company, read under a lock:
    only the fields in `changes` are written, so a decision taken meanwhile is kept.
    """
    _require_permission(actor, company)
    creating = company.pk is None
    with transaction.atomic():
        stored = None if creating else Company.objects.select_for_update().get(pk=company.pk)
        errors = refused_changes(actor, stored, changes)
        if errors:
            raise CompanyChangeError(errors)
        changed = changed_fields(stored, changes)
        target = company if stored is None else stored
        names = _apply(target, changes)
        requeued = stored is not None and _back_to_queue(actor, stored, changed)
        if stored is None:
            target.save()
        else:
            verification = ["verification", "verified_by", "verified_at"] if requeued else []
            target.save(update_fields=sorted({*names, *verification, "updated_at"}))
        _save_m2m(target, changes)
        update_derived_fields(target)
        data: dict[str, Any] = {"fields": sorted(changed | set(also_changed))}
        if requeued:
            data["returned_to_queue"] = True
        action = "jembatan.company.created" if creating else "jembatan.company.changed"
        log_action(action, target, actor, data=data)
    return target


# What a person who signs their company up gives (accounts/domain/signup.py); everything else
# they fill in on the edit page once signed in, as any member does.
SIGN_UP_FIELDS = frozenset({"name", "country", "registry_id", "region"})


def create_signed_up_company(user: Any, changes: Mapping[str, Any]) -> Company:
    """Create the company that `user` (a new account, not yet a member) signs up for.

    The creation path of `save_company` without its permission check, which a person who
    has no company yet cannot pass: only the sign-up fields, always unverified, so that the
    company enters the officers' validation queue. Audit: `jembatan.company.created` with
    `signed_up`. The caller checks that no company holds the identifier (the unique
    constraint refuses a second one raced in meanwhile).
    """
    extra = sorted(set(changes) - SIGN_UP_FIELDS)
    if extra:
        raise CompanyChangeError(
            {name: _("This field cannot be given at sign-up.") for name in extra}
        )
    company = Company(verification=Company.Verification.UNVERIFIED)
    with transaction.atomic():
        _apply(company, changes)
        company.save()
        update_derived_fields(company)
        data = {"fields": sorted(changes), "signed_up": True}
        log_action("jembatan.company.created", company, user, data=data)
    return company
