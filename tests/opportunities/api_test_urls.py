"""The site's URLs plus this app's API routes, mounted where the main router will put them
(/api/v1/profiles/) until it registers `router_registrations` itself."""

from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from jembatan.opportunities.api_urls import router_registrations
from jembatan.urls import urlpatterns as site_urlpatterns

router = DefaultRouter()
for prefix, viewset, basename in router_registrations:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [path("api/v1/", include(router.urls)), *site_urlpatterns]
