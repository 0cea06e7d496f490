"""The full path in a real Chromium: an officer records the SMTI Yogyakarta - Akashi College
MoU and a short course under it; a teacher applies; the host selects; the teacher confirms;
the host completes the course; the certificate verifies at its public address; the report
counts the participant."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from jembatan.core.domain.kpis import KpiQuery
from jembatan.vocational.domain.figures import participants_by_direction
from jembatan.vocational.models import Application, Certificate, Mou, Person, Programme

pytestmark = pytest.mark.browser


def signed_in(browser: Any, live_server: Any, user: Any, width: int = 1280) -> Any:
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": width, "height": 900})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context.new_page()


def submit(page: Any) -> None:
    page.locator("main form[method=post] button[type=submit]").last.click()
    page.wait_for_load_state()


def press(page: Any, action: str) -> None:
    page.locator(f"form[action$='/{action}/'] button").first.click()
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_mou_to_verified_certificate(live_server, browser, world, officer, kosen) -> None:  # type: ignore[no-untyped-def]
    teacher_user = world.school_a_user
    Person.objects.filter(pk=world.teacher.pk).update(user=teacher_user)
    Mou.objects.all().delete()  # the officer records it here
    today = timezone.localdate()

    page = signed_in(browser, live_server, officer)
    page.goto(f"{live_server.url}/vocational/mous/new/")
    page.fill("[name=title]", "MoU SMTI Yogyakarta - NIT Akashi College")
    page.select_option("[name=institutions]", [str(world.school_a.pk), str(world.host.pk)])
    page.fill("[name=signed_on]", "2016-07-20")
    page.fill("[name=starts_on]", "2016-07-20")
    page.fill("[name=ends_on]", "2036-07-19")
    for scope in ("teacher_exchange", "student_exchange", "short_course"):
        page.check(f"input[name=scope][value={scope}]")
    submit(page)
    mou = Mou.objects.get()

    page.goto(f"{live_server.url}/vocational/programmes/new/?mou={mou.pk}")
    page.fill("[name=title]", "Short course: chemical analysis at Akashi")
    page.select_option("[name=kind]", "short_course")
    page.select_option("[name=direction]", "id_to_jp")
    page.select_option("[name=host]", str(world.host.pk))
    page.fill("[name=starts_on]", (today + dt.timedelta(days=20)).isoformat())
    page.fill("[name=ends_on]", (today + dt.timedelta(days=30)).isoformat())
    page.fill("[name=capacity]", "4")
    submit(page)
    programme = Programme.objects.get()
    assert page.url.endswith(f"/vocational/programmes/{programme.pk}/")

    teacher = signed_in(browser, live_server, teacher_user, width=390)  # a phone
    teacher.goto(f"{live_server.url}/vocational/programmes/{programme.pk}/")
    teacher.select_option("[name=person]", str(world.teacher.pk))
    teacher.locator("form[action$='/apply/'] button").click()
    teacher.wait_for_load_state()
    application = Application.objects.get()
    assert application.status == "applied"

    host = signed_in(browser, live_server, kosen)
    host.goto(f"{live_server.url}/vocational/programmes/{programme.pk}/")
    assert "Budi Santoso" in host.locator("main").inner_text()
    press(host, "select")
    teacher.goto(f"{live_server.url}/vocational/applications/{application.pk}/")
    press(teacher, "confirm")
    host.goto(f"{live_server.url}/vocational/programmes/{programme.pk}/")
    host.locator("form[action$='/complete/'] button").last.click()
    host.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == "completed"

    code = Certificate.objects.get(application=application).code
    visitor = browser.new_context().new_page()  # anyone, signed in or not
    visitor.goto(f"{live_server.url}/verify/{code}/")
    text = visitor.locator("main").inner_text()
    assert "Budi Santoso" in text
    assert "Short course: chemical analysis at Akashi" in text

    query = KpiQuery(start=today.replace(month=1, day=1), end=today.replace(year=today.year + 2))
    assert sum(v.value for v in participants_by_direction(query)) == 1  # type: ignore[misc]
    client = Client()
    client.force_login(officer)
    response = client.get(f"/vocational/figures.xlsx?from={today.year}&to={today.year + 1}")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[2]
    rows = list(sheet.iter_rows(values_only=True))[2:]
    assert sum(row[2] for row in rows) == 1
