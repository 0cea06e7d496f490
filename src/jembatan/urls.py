from __future__ import annotations

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from jembatan.vocational.views.applications import verify as verify_certificate

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("jembatan.api_urls")),
    path("", include("jembatan.privacy.urls")),
    path("accounts/", include("jembatan.accounts.urls")),
    path("companies/", include("jembatan.registry.urls")),
    path("imports/", include("jembatan.registry.import_urls")),
    path("profiles/", include("jembatan.opportunities.urls")),
    path("interests/", include("jembatan.engagement.urls")),
    path("events/", include("jembatan.events.urls")),
    path("inquiries/", include("jembatan.catalogue.inquiry_urls")),
    path("promotions/", include("jembatan.catalogue.promotion_urls")),
    path("matching/", include("jembatan.matching.urls")),
    path("vocational/", include("jembatan.vocational.urls")),
    path("verify/<str:code>/", verify_certificate, name="vocational_verify"),
    path("notifications/", include("jembatan.notifications.urls")),
    path("translations/", include("jembatan.translations.urls")),
    path("indicators/", include("jembatan.indicators.urls")),
    # /products/ (members, officers) and /showcase/ (public).
    path("", include("jembatan.catalogue.urls")),
    path("", include("jembatan.web.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Styled error pages in the user's language (web/errors.py); the API answers its own JSON.
handler403 = "jembatan.web.errors.permission_denied"
handler404 = "jembatan.web.errors.page_not_found"
handler500 = "jembatan.web.errors.server_error"
