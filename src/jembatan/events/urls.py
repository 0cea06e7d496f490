from __future__ import annotations

from django.urls import path

from jembatan.events.views import (
    day,
    files,
    offers,
    public,
    registration,
    requests,
    schedule,
    setup,
)

app_name = "events"
P = "<int:pk>/participants/<int:participant_pk>/"
urlpatterns = [
    path("", public.event_list, name="list"),
    path("new/", setup.event_create, name="create"),
    path("<int:pk>/", public.event_detail, name="detail"),
    path("<int:pk>/edit/", setup.event_edit, name="edit"),
    path("<int:pk>/register/", registration.participant_register, name="register"),
    path(P, registration.participant_detail, name="participant"),
    path(P + "edit/", registration.participant_edit, name="participant_edit"),
    path(P + "request/", requests.request_send, name="request_send"),
    path(P + "day/", day.participant_day, name="event_day"),
    path(P + "agenda.pdf", files.agenda_pdf, name="agenda_pdf"),
    path(P + "agenda.ics", files.agenda_ics, name="agenda_ics"),
    path(P + "meetings/<int:meeting_pk>/rate/", day.meeting_rate, name="rate"),
    path("<int:pk>/requests/", requests.request_list, name="requests"),
    path("<int:pk>/requests/add/", requests.request_add, name="request_add"),
    path("<int:pk>/requests/<int:request_pk>/lock/", requests.request_lock, name="request_lock"),
    path(
        "<int:pk>/requests/<int:request_pk>/<str:answer>/",
        requests.request_answer,
        name="request_answer",
    ),
    path("<int:pk>/organise/", schedule.organise, name="organise"),
    path("<int:pk>/organise/slots/", schedule.slots_generate, name="slots_generate"),
    path("<int:pk>/organise/slots/<int:slot_pk>/block/", requests.slot_block, name="slot_block"),
    path(
        "<int:pk>/organise/interpreters/add/", registration.interpreter_add, name="interpreter_add"
    ),
    path("<int:pk>/schedule/", schedule.draft, name="draft"),
    path("<int:pk>/schedule/run/", schedule.schedule_run, name="schedule_run"),
    path("<int:pk>/schedule/move/", schedule.draft_move, name="draft_move"),
    path("<int:pk>/schedule/swap/", schedule.draft_swap, name="draft_swap"),
    path("<int:pk>/schedule/drop/", schedule.draft_drop, name="draft_drop"),
    path("<int:pk>/schedule/publish/", schedule.publish, name="publish"),
    path("<int:pk>/schedule/plan.xlsx", files.plan, name="plan_xlsx"),
    path("<int:pk>/schedule/tables/<int:table_number>.pdf", files.table_sheet, name="table_pdf"),
    path(
        "<int:pk>/schedule/interpreters/<int:interpreter_pk>.pdf",
        files.interpreter_roster,
        name="interpreter_pdf",
    ),
    path("<int:pk>/checkin/", day.checkin_list, name="checkin"),
    path("<int:pk>/checkin/fill/", day.fill_freed, name="fill"),
    path(
        "<int:pk>/checkin/<int:participant_pk>/<str:state>/",
        day.participant_checkin,
        name="participant_checkin",
    ),
    path("offers/<int:pk>/", offers.introduction_offer, name="introduction_offer"),
]
