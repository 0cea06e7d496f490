from __future__ import annotations

from django.urls import path

from jembatan.opportunities.views import browse, classifications, editing, lifecycle

app_name = "opportunities"
urlpatterns = [
    path("", browse.profile_list, name="list"),
    path("new/", editing.profile_create, name="create"),
    path("queue/", lifecycle.validation_queue_view, name="queue"),
    path(
        "classifications/",
        classifications.classification_search,
        name="classification_search",
    ),
    path("<int:pk>/", browse.profile_detail, name="detail"),
    path("<int:pk>/edit/", editing.profile_edit, name="edit"),
    path("<int:pk>/submit/", lifecycle.profile_submit, name="submit"),
    path("<int:pk>/validate/", lifecycle.profile_validate, name="validate"),
    path("<int:pk>/return/", lifecycle.profile_return, name="return"),
    path("<int:pk>/publish/", lifecycle.profile_publish, name="publish"),
    path("<int:pk>/extend/", lifecycle.profile_extend, name="extend"),
    path("<int:pk>/close/", lifecycle.profile_close, name="close"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/",
        browse.attachment_download,
        name="attachment",
    ),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/delete/",
        editing.attachment_delete,
        name="attachment_delete",
    ),
]
