"""The REST API, version 1, and its OpenAPI schema and docs (served from local assets)."""

from __future__ import annotations

from csp.decorators import csp_update
from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from jembatan.accounts.api import ObtainTokenView
from jembatan.catalogue.api_urls import router_registrations as catalogue_routes
from jembatan.engagement.agreement_api_urls import router_registrations as agreement_routes
from jembatan.engagement.api_urls import router_registrations as engagement_routes
from jembatan.matching.api_urls import urlpatterns as matching_routes
from jembatan.notifications.api import NotificationViewSet
from jembatan.opportunities.api_urls import router_registrations as opportunities_routes
from jembatan.privacy.api import CompanyExportView
from jembatan.registry import api as registry_api
from jembatan.vocational.api_urls import router_registrations as vocational_routes

router = DefaultRouter()
router.register("companies", registry_api.CompanyViewSet, basename="company")
router.register("regions", registry_api.RegionViewSet, basename="region")
router.register("sectors", registry_api.ProgrammeSectorViewSet, basename="sector")
router.register("certifications", registry_api.CertificationViewSet, basename="certification")
router.register("notifications", NotificationViewSet, basename="notification")
for prefix, viewset, basename in opportunities_routes:
    router.register(prefix, viewset, basename=basename)
for prefix, viewset, basename in engagement_routes:
    router.register(prefix, viewset, basename=basename)
for prefix, viewset, basename in agreement_routes:
    router.register(prefix, viewset, basename=basename)
for prefix, viewset, basename in catalogue_routes:
    router.register(prefix, viewset, basename=basename)
for prefix, viewset, basename in vocational_routes:
    router.register(prefix, viewset, basename=basename)

# A classification is identified by scheme and code, so its routes are written out here.
classification_list = registry_api.ClassificationViewSet.as_view({"get": "list"})
classification_detail = registry_api.ClassificationViewSet.as_view({"get": "retrieve"})

v1: list[URLPattern | URLResolver] = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("classifications/", classification_list, name="classification-list"),
    path(
        "classifications/<str:scheme>/<str:code>/",
        classification_detail,
        name="classification-detail",
    ),
    *matching_routes,
    path("companies/<int:id>/export/", CompanyExportView.as_view(), name="company-export"),
    path("", include(router.urls)),
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("v1/", include(v1)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its script from an address of its own: no inline script (CSP).
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="schema", template_name="core/api_swagger.html"
        ),
        name="api-docs",
    ),
    path(
        "redoc/",
        # Redoc writes its styles into <style> elements and parses in a blob: worker; only this
        # page's policy allows them (docs/security.md).
        csp_update(
            {"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]},
            REPORT_ONLY=settings.JEMBATAN_CSP_REPORT_ONLY,
        )(SpectacularRedocView.as_view(url_name="schema", template_name="core/api_redoc.html")),
        name="api-redoc",
    ),
]
