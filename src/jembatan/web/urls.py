from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from jembatan.accounts.views.account import SignInView
from jembatan.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.set_language, name="language"),
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Browsers ask for /favicon.ico whatever the page links; send them to the SVG.
    path(
        "favicon.ico",
        RedirectView.as_view(url=f"{settings.STATIC_URL}web/favicon.svg", permanent=True),
    ),
]
