"""Web addresses: only http(s) are stored, typed or put in an href (core.domain.urls)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from jembatan.core.domain.urls import is_web_address
from jembatan.core.interfaces.web_address import WebAddressFormField, WebAddressSerializerField
from jembatan.registry.interfaces.serializers import OptionalUrlField
from tests.factories import CompanyFactory

REFUSED = [
    "javascript:window.__xss=1",
    "JaVaScRiPt:window.__xss=1",
    " javascript:window.__xss=1",
    "\tjavascript:window.__xss=1",
    "java\nscript:window.__xss=1",
    "javascript&colon;window.__xss=1",
    "javascript&#58;window.__xss=1",
    "data:text/html,<script>window.__xss=1</script>",
    "vbscript:msgbox(1)",
    "ftp://files.example.co.id/",
    "file:///etc/passwd",
    "//evil.example/",
]
# A form puts "https:" in front of a value without a scheme: "//evil.example/" becomes an
# ordinary https address there, so only the others are refused by forms.
TYPED_REFUSED = [v for v in REFUSED if not v.startswith("//")]
ACCEPTED = ["https://maju.example.co.id", "http://akashi.example.jp/about?lang=ja"]


@pytest.mark.parametrize("value", REFUSED)
def test_web_address_refused(value: str) -> None:
    assert not is_web_address(value)


@pytest.mark.parametrize("value", ACCEPTED)
def test_web_address_accepted(value: str) -> None:
    assert is_web_address(value)


@pytest.mark.parametrize("value", TYPED_REFUSED)
def test_form_field_refuses_with_one_message_in_japanese(value: str) -> None:
    field = WebAddressFormField(required=False)
    with translation.override("ja"):
        with pytest.raises(ValidationError) as caught:
            field.clean(value)
        messages = caught.value.messages
    assert messages == ["http:// または https:// で始まるウェブアドレスを入力してください。"]


def test_form_field_refuses_javascript_in_indonesian() -> None:
    with translation.override("id"):
        with pytest.raises(ValidationError) as caught:
            WebAddressFormField(required=False).clean("javascript:window.__xss=1")
        messages = caught.value.messages
    assert messages == ["Masukkan alamat web yang diawali http:// atau https://."]


def test_form_field_assumes_https_for_a_bare_host() -> None:
    assert WebAddressFormField(required=False).clean("maju.example.co.id") == (
        "https://maju.example.co.id"
    )


@pytest.mark.parametrize("field_class", [WebAddressSerializerField, OptionalUrlField])
def test_serializer_field_refuses_javascript(field_class: type) -> None:
    from rest_framework.exceptions import ValidationError as ApiError

    field = field_class(allow_blank=True, required=False)
    with translation.override("en"):
        with pytest.raises(ApiError) as caught:
            field.run_validation("javascript:window.__xss=1")
        detail = [str(d) for d in caught.value.detail]
    assert detail == ["Enter a web address that starts with http:// or https://."]
    with pytest.raises(ApiError):
        field.run_validation("ftp://files.example.co.id/")
    assert field.run_validation("https://maju.example.co.id") == "https://maju.example.co.id"


@pytest.mark.django_db
def test_model_full_clean_refuses_javascript_website() -> None:
    company = CompanyFactory.build(website="javascript:window.__xss=1")
    with pytest.raises(ValidationError) as caught:
        company.full_clean()
    assert "website" in caught.value.message_dict


def test_template_filter_keeps_stored_javascript_out_of_href() -> None:
    template = Template(
        "{% load link_tags %}{% if url|web_address %}<a href='{{ url }}'>{% endif %}{{ url }}"
    )
    rendered = template.render(Context({"url": "javascript:window.__xss=1"}))
    assert rendered == "javascript:window.__xss=1"
    ok = template.render(Context({"url": "https://maju.example.co.id"}))
    assert ok == "<a href='https://maju.example.co.id'>https://maju.example.co.id"
