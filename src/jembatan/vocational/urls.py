from __future__ import annotations

from django.urls import path

from jembatan.vocational.programme_urls import programme_urlpatterns
from jembatan.vocational.views import institutions, mous, overview, people

app_name = "vocational"

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("mine/", institutions.own_institution, name="own_institution"),
    path("institutions/", institutions.institution_list, name="institution_list"),
    path("institutions/new/", institutions.institution_new, name="institution_new"),
    path("institutions/<int:pk>/", institutions.institution_detail, name="institution_detail"),
    path("institutions/<int:pk>/edit/", institutions.institution_edit, name="institution_edit"),
    path(
        "institutions/<int:pk>/departments/<int:department>/remove/",
        institutions.department_remove,
        name="department_remove",
    ),
    path(
        "institutions/<int:pk>/contacts/<int:contact>/remove/",
        institutions.contact_remove,
        name="contact_remove",
    ),
    path("people/", people.person_list, name="person_list"),
    path("people/new/", people.person_new, name="person_new"),
    path("people/<int:pk>/", people.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", people.person_edit, name="person_edit"),
    path("people/<int:pk>/erase/", people.person_erase, name="person_erase"),
    path(
        "people/<int:pk>/documents/<int:document>/", people.person_document, name="person_document"
    ),
    path(
        "people/<int:pk>/documents/<int:document>/remove/",
        people.person_document_remove,
        name="person_document_remove",
    ),
    path("mous/", mous.mou_list, name="mou_list"),
    path("mous/new/", mous.mou_new, name="mou_new"),
    path("mous/<int:pk>/", mous.mou_detail, name="mou_detail"),
    path("mous/<int:pk>/edit/", mous.mou_edit, name="mou_edit"),
    path("mous/<int:pk>/terminate/", mous.mou_terminate, name="mou_terminate"),
    path("mous/<int:pk>/document/", mous.mou_document, name="mou_document"),
    *programme_urlpatterns,
]
