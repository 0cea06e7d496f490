from __future__ import annotations

import io
import json

from pypdf import PdfReader

from jembatan.core.domain.personal_data import export_company, registered_providers
from jembatan.privacy.interfaces.export import export_json, export_pdf
from tests.privacy.conftest import NOW, World


def test_export_has_one_section_per_provider(world: World) -> None:
    data = export_company(world.company)
    assert list(data) == [p.key for p in registered_providers()]
    assert {
        "audit",
        "accounts",
        "registry",
        "opportunities",
        "events",
        "matching",
        "privacy",
    } <= set(data)


def test_export_holds_the_company_record_contacts_and_users(world: World) -> None:
    data = export_company(world.company)
    registry = data["registry"]
    assert registry["company"]["legal_name"] == "PT Kemasan Budi Santoso"
    assert registry["company"]["capital_amount"] == 750_000_000
    assert [c["name"] for c in registry["contacts"]] == ["Budi Santoso", "佐藤 健二"]
    assert registry["readings"]["reading_latin"] == world.company.reading_latin
    users = data["accounts"]["users"]
    assert [(u["username"], u["email"]) for u in users] == [
        ("member", "dewi.lestari@example.co.id"),
        ("teammate", "teammate@example.org"),
    ]
    assert set(users[0]) == {
        "username",
        "first_name",
        "last_name",
        "email",
        "language",
        "role",
        "is_active",
        "date_joined",
        "last_login",
    }


def test_export_holds_profiles_events_matching_and_audit(world: World) -> None:
    data = export_company(world.company)
    (profile,) = data["opportunities"]["profiles"]
    assert profile["attachments"][0]["original_name"] == "Katalog Budi Santoso.pdf"
    assert profile["attachments"][0]["content_type"] == "application/pdf"
    events = data["events"]
    assert [p["name"] for p in events["participants"]] == ["Budi Santoso"]
    assert [(r["sent_by_company"], r["message"]) for r in events["meeting_requests"]] == [
        (True, "Hubungi Pak Budi"),
        (False, "Tanaka desu"),
    ]
    assert events["meeting_requests"][0]["meetings"][0]["table"] == "Table 1"
    assert [r["usefulness"] for r in events["ratings"]] == [4]
    assert data["matching"]["digest_subscriptions"][0]["user"] == "member"
    assert [e["action"] for e in data["audit"]["entries"]] == ["jembatan.company.updated"]


def test_export_never_holds_secrets_or_the_other_sides_contacts(world: World) -> None:
    text = json.dumps(export_company(world.company), ensure_ascii=False)
    assert "Tanaka Hiroshi" in text  # the counterpart's name, as the agenda shows it
    for secret in [
        world.member.password,
        "tanaka.h@example.jp",
        "+81355550199",
        "tanaka@example.jp",
        "password",
    ]:
        assert secret not in text
    other = json.dumps(export_company(world.other_company), ensure_ascii=False)
    for own in ["budi@example.co.id", "kenji.sato@example.jp", "dewi.lestari@example.co.id"]:
        assert own not in other


def test_export_json_is_utf8_with_time(world: World) -> None:
    document = json.loads(export_json(export_company(world.company), NOW).decode("utf-8"))
    assert document["generated_at"] == "2026-04-01T03:00:00+00:00"
    assert "佐藤 健二" in export_json(export_company(world.company), NOW).decode("utf-8")


def _pdf_text(body: bytes) -> str:
    reader = PdfReader(io.BytesIO(body))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_export_pdf_opens_and_holds_japanese_text(world: World) -> None:
    body = export_pdf(export_company(world.company), world.company.name, "ja", NOW)
    assert body.startswith(b"%PDF-")
    text = _pdf_text(body)
    assert "佐藤" in text
    assert "ブディ包装" in text
    assert "連携プロファイル" in text  # the section title, in Japanese


def test_export_pdf_in_indonesian(world: World) -> None:
    text = _pdf_text(export_pdf(export_company(world.company), world.company.name, "id", NOW))
    assert "Budi Santoso" in text
    assert "Data yang disimpan tentang PT Kemasan Budi Santoso" in text


def test_export_pdf_escapes_markup(world: World) -> None:
    world.company.description = "<b>tebal</b> & <font size=40>x</font>"
    world.company.save()
    text = _pdf_text(export_pdf(export_company(world.company), world.company.name, "en", NOW))
    assert "<b>tebal</b> & <font size=40>x</font>" in text
