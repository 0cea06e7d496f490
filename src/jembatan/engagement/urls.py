from __future__ import annotations

from django.urls import path

from jembatan.engagement.agreement_urls import agreement_urlpatterns
from jembatan.engagement.views import interests, introductions

app_name = "engagement"
urlpatterns = [
    path("", interests.interest_list, name="list"),
    path("queue/", interests.officer_queue, name="queue"),
    path("new/<int:profile_pk>/", interests.interest_new, name="new"),
    path("<int:pk>/", interests.interest_detail, name="interest"),
    path("<int:pk>/accept/", interests.interest_accept, name="accept"),
    path("<int:pk>/decline/", interests.interest_decline, name="decline"),
    path("<int:pk>/withdraw/", interests.interest_withdraw, name="withdraw"),
    path("<int:pk>/forward/", interests.interest_forward, name="forward"),
    path("<int:pk>/improve/", interests.interest_improve, name="improve"),
    path("<int:pk>/resubmit/", interests.interest_resubmit, name="resubmit"),
    path("introductions/<int:pk>/", introductions.introduction_detail, name="introduction"),
    path("introductions/<int:pk>/stage/", introductions.introduction_stage, name="stage"),
    path(
        "introductions/<int:pk>/messages/<int:message_pk>/attachment/",
        introductions.message_attachment,
        name="message_attachment",
    ),
    *agreement_urlpatterns,
]
