from __future__ import annotations

from django.urls import path

from jembatan.notifications.views import pages

app_name = "notifications"
urlpatterns = [
    path("", pages.notification_list, name="list"),
    path("read-all/", pages.mark_all_read, name="read_all"),
    path("<int:pk>/read/", pages.mark_read, name="read"),
    path("settings/", pages.preference_settings, name="settings"),
]
