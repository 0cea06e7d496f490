"""Adding a version, asking for one, and the officers' queue of requests."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.translations.domain.translatables import (
    Translatable,
    translatable,
    translatables,
)
from jembatan.translations.domain.versions import (
    TranslationRejectedError,
    delete_version,
    language_name,
    open_requests,
    origin_for,
    prefetched_versions,
    request_version,
    save_version,
    target_languages,
)
from jembatan.translations.interfaces.forms import RequestForm, VersionForm


def _visible(request: HttpRequest, key: str, pk: int) -> tuple[Translatable, Any]:
    """The object if the user may read it; 404 otherwise, so unseen objects stay unknown."""
    try:
        spec = translatable(key)
    except KeyError as error:
        raise Http404 from error
    obj = spec.model._default_manager.filter(pk=pk).first()
    if obj is None or not spec.may_view(request.user, obj):
        raise Http404
    return spec, obj


@login_required
def version_edit(request: HttpRequest, key: str, pk: int, language: str) -> HttpResponse:
    spec, obj = _visible(request, key, pk)
    if language not in target_languages(obj):
        raise Http404
    origin = origin_for(request.user, obj)
    if origin is None:
        raise PermissionDenied
    existing = next((v for v in prefetched_versions(obj) if v.language == language), None)
    initial = dict(existing.texts) if existing else {}
    data = request.POST if request.method == "POST" else None
    form = VersionForm(data, spec=spec, initial_texts=initial)
    if data is not None and "delete" in data:
        if delete_version(request.user, obj, language):
            messages.success(request, _("The translation was removed."))
        return redirect(spec.url(obj))
    if data is not None and form.is_valid():
        try:
            save_version(request.user, obj, language, form.texts(), timezone.now())
        except TranslationRejectedError as rejected:
            for field, problem in rejected.problems.items():
                form.add_error(field or None, problem)
        else:
            messages.success(
                request,
                _("The translation into %(language)s was saved.")
                % {"language": language_name(language)},
            )
            return redirect(spec.url(obj))
    original = spec.texts(obj)
    context = {
        "form": form,
        "spec": spec,
        "object_label": spec.label(obj),
        "object_url": spec.url(obj),
        "language_name": language_name(language),
        "original_language": spec.source_language(obj),
        "original_language_name": language_name(spec.source_language(obj)),
        "original_fields": [(label, original.get(name, "")) for name, label in spec.fields],
        "existing": existing,
        "origin": origin,
        "hides_identity": spec.hides_identity(obj),
        "may_delete": existing is not None and origin in ("author", "officer"),
    }
    status = 400 if data is not None else 200
    return render(request, "translations/version_form.html", context, status=status)


@login_required
@require_POST
def version_request(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    spec, obj = _visible(request, key, pk)
    form = RequestForm(request.POST)
    if not form.is_valid():
        raise Http404
    language = form.cleaned_data["language"]
    try:
        request_version(request.user, obj, language, timezone.now())
    except TranslationRejectedError as rejected:
        messages.error(request, " ".join(rejected.problems.values()))
    else:
        messages.success(
            request,
            _("A translation into %(language)s was requested.")
            % {"language": language_name(language)},
        )
    target = form.cleaned_data.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = spec.url(obj)
    return redirect(target)


def _objects_by_request(rows: list[Any]) -> dict[tuple[int, int], models.Model]:
    """The objects the requests are about, one query per kind of object."""
    wanted: dict[int, set[int]] = {}
    for row in rows:
        wanted.setdefault(row.content_type_id, set()).add(row.object_id)
    found: dict[tuple[int, int], models.Model] = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for pk, obj in model._default_manager.in_bulk(list(ids)).items():
            found[(type_id, pk)] = obj
    return found


@login_required
def request_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("translations.work_requests"):
        raise PermissionDenied
    rows = list(open_requests())
    objects = _objects_by_request(rows)
    keys = {ContentType.objects.get_for_model(spec.model).pk: spec for spec in translatables()}
    items = []
    for row in rows:
        obj = objects.get((row.content_type_id, row.object_id))
        spec = keys.get(row.content_type_id)
        if obj is None or spec is None:
            continue
        items.append(
            {
                "label": spec.label(obj),
                "url": spec.url(obj),
                "key": spec.key,
                "pk": obj.pk,
                "language": row.language,
                "language_name": language_name(row.language),
                "requested_at": row.requested_at,
                "kind": spec.model._meta.verbose_name,
            }
        )
    return render(request, "translations/request_queue.html", {"items": items})
