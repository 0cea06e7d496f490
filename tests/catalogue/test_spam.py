"""The inquiry form's spam checks: honeypot, minimum time (signed), per-address and
per-e-mail limits, with their messages in the user's language."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from jembatan.catalogue.domain import spam
from jembatan.catalogue.domain.spam import SpamRefusal
from jembatan.catalogue.interfaces.inquiry_forms import InquiryForm, spam_message
from tests.catalogue.inquiry_support import empty_cache, form_data  # noqa: F401

NOW = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)


def test_form_token_age_is_measured_from_the_signed_time():
    token = spam.form_token(NOW)
    assert spam.form_age(token, NOW + dt.timedelta(seconds=7)) == 7


def test_form_token_forged_is_refused():
    token = spam.form_token(NOW)
    assert spam.form_age(token[:-2] + "xx", NOW) is None
    assert spam.form_age("", NOW) is None


def test_form_token_older_than_max_age_is_refused(settings):
    settings.JEMBATAN_INQUIRY_FORM_MAX_AGE = 60
    token = spam.form_token(NOW)
    assert spam.form_age(token, NOW + dt.timedelta(seconds=61)) is None


def test_check_form_honeypot_filled_is_refused():
    token = spam.form_token(NOW)
    later = NOW + dt.timedelta(seconds=10)
    assert spam.check_form(token, "http://spam.example", later) == SpamRefusal.HONEYPOT


def test_check_form_sent_faster_than_minimum_is_refused(settings):
    settings.JEMBATAN_INQUIRY_MIN_SECONDS = 3
    token = spam.form_token(NOW)
    assert spam.check_form(token, "", NOW + dt.timedelta(seconds=2)) == SpamRefusal.TOO_FAST
    assert spam.check_form(token, "", NOW + dt.timedelta(seconds=3)) is None


@pytest.mark.django_db
def test_check_limits_per_address(settings):
    settings.JEMBATAN_INQUIRIES_PER_ADDRESS = 2
    settings.JEMBATAN_INQUIRIES_PER_EMAIL = 0
    assert spam.check_limits("203.0.113.5", "a@example.jp") is None
    assert spam.check_limits("203.0.113.5", "b@example.jp") is None
    assert spam.check_limits("203.0.113.5", "c@example.jp") == SpamRefusal.ADDRESS_LIMIT
    assert spam.check_limits("203.0.113.6", "c@example.jp") is None


@pytest.mark.django_db
def test_check_limits_per_email_ignores_case(settings):
    settings.JEMBATAN_INQUIRIES_PER_ADDRESS = 0
    settings.JEMBATAN_INQUIRIES_PER_EMAIL = 1
    assert spam.check_limits("203.0.113.5", "Hanako@Example.jp") is None
    assert spam.check_limits("203.0.113.9", "hanako@example.jp") == SpamRefusal.EMAIL_LIMIT


def test_spam_messages_are_translated():
    with translation.override("ja"):
        japanese = spam_message(SpamRefusal.TOO_FAST)
    with translation.override("id"):
        indonesian = spam_message(SpamRefusal.TOO_FAST)
    assert "早" in japanese
    assert "terlalu cepat" in indonesian


@pytest.mark.django_db
def test_inquiry_form_valid_corporate_number_is_normalised():
    form = InquiryForm(form_data(corporate_number="8700-1100-0590-1"), address="203.0.113.5")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["corporate_number"] == "8700110005901"


@pytest.mark.django_db
def test_inquiry_form_wrong_check_digit_is_refused():
    translation.activate("en")
    form = InquiryForm(form_data(corporate_number="1700110005901"), address="203.0.113.5")
    assert not form.is_valid()
    assert "check digit" in form.errors["corporate_number"][0]


@pytest.mark.django_db
def test_inquiry_form_refused_attempt_gets_a_fresh_token(settings):
    settings.JEMBATAN_INQUIRY_MIN_SECONDS = 3
    form = InquiryForm(form_data(started=spam.form_token()), address="203.0.113.5")
    assert not form.is_valid()
    assert form.non_field_errors().as_data()[0].code == "too_fast"
    assert form.data["started"] != form_data()["started"]
