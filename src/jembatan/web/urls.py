from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from jembatan.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.set_language, name="language"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
