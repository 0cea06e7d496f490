"""Demo expressions of interest and introductions: every state and every stage, so that the
interest and introduction pages show something real for the demo members.

The Japanese demo member's firm (sme.packaging) has sent expressions in every state to
Indonesian profiles; the Indonesian demo member's firm (ikm.batik) has received some from
Japanese firms. Accepted ones have introductions at each stage, with a short thread. Rows
are written directly (no notices, no audit entries: nothing happened to notify anyone of).
A second run leaves existing demo interests alone; ``reset`` removes the firms and them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils import timezone

from jembatan.demo.domain.spec import CompanySpec
from jembatan.engagement.models import (
    ExpressionOfInterest,
    InterestStatus,
    Introduction,
    IntroductionMessage,
    IntroductionStageChange,
    Stage,
)
from jembatan.opportunities.models import PartnershipProfile, Status
from jembatan.registry.models import Company

SENT_MESSAGE_JA = (
    "弊社は食品包装機械のメーカーです。貴社の製品に関心があり、日本市場向けの協業について"
    "お話しできればと考えております。"
)
SENT_MESSAGE_ID = (
    "Kami produsen mesin pengemas dari Jepang dan tertarik bekerja sama dengan perusahaan "
    "Anda untuk pasar Jepang."
)
RECEIVED_MESSAGE_EN = (
    "We are a Japanese buyer looking for a reliable supplier of hand-made batik for our "
    "shops in Osaka and Kyoto. Could we talk about volumes and lead times?"
)
# (status, stage of the introduction or None, days ago it was sent)
SENT_PLAN: tuple[tuple[str, str | None, int], ...] = (
    (InterestStatus.PENDING, None, 3),
    (InterestStatus.AWAITING_OFFICER, None, 2),
    ("improvement", None, 5),
    (InterestStatus.ACCEPTED, Stage.INTRODUCED, 12),
    (InterestStatus.ACCEPTED, Stage.MET, 40),
    (InterestStatus.ACCEPTED, Stage.NEGOTIATING, 70),
    (InterestStatus.ACCEPTED, Stage.SIGNED, 120),
    (InterestStatus.ACCEPTED, Stage.CLOSED, 90),
    (InterestStatus.DECLINED, None, 30),
    (InterestStatus.WITHDRAWN, None, 25),
    (InterestStatus.EXPIRED, None, 45),
)
RECEIVED_PLAN: tuple[tuple[str, str | None, int], ...] = (
    (InterestStatus.PENDING, None, 1),
    (InterestStatus.ACCEPTED, Stage.MET, 20),
)
STAGE_PATH = [Stage.INTRODUCED, Stage.MET, Stage.NEGOTIATING, Stage.SIGNED]


def _member_company(
    specs: Sequence[CompanySpec], companies: Sequence[Company], profile: str
) -> Company | None:
    for spec, company in zip(specs, companies, strict=True):
        if spec.profile == profile:
            return company
    return None


def _introduce(
    interest: ExpressionOfInterest, stage: str, answered: dt.datetime, now: dt.datetime
) -> Introduction:
    introduction = Introduction.objects.create(
        interest=interest,
        profile=interest.profile,
        company_a=interest.requester_company,
        company_b=interest.profile.company,
        stage=stage,
        close_reason="timing" if stage == Stage.CLOSED else "",
        close_note="Dilanjutkan tahun depan." if stage == Stage.CLOSED else "",
        created_at=answered,
        stage_changed_at=answered,
        last_activity_at=answered,
    )
    introduction.contacts_a.set(interest.requester_company.contacts.all()[:1])
    introduction.contacts_b.set(interest.profile.company.contacts.all()[:1])
    path = (
        STAGE_PATH[: STAGE_PATH.index(Stage(stage)) + 1]
        if stage != Stage.CLOSED
        else [
            Stage.INTRODUCED,
            Stage.MET,
            Stage.CLOSED,
        ]
    )
    when = answered
    previous = ""
    for step in path:
        IntroductionStageChange.objects.create(
            introduction=introduction,
            from_stage=previous,
            to_stage=step,
            reason="timing" if step == Stage.CLOSED else "",
            changed_at=when,
        )
        previous, when = step, min(when + dt.timedelta(days=7), now)
    messages = [
        (
            interest.requester_company,
            "ja",
            "ご承諾いただきありがとうございます。来月ジャカルタで打ち合わせは可能でしょうか。",
        ),
        (
            interest.profile.company,
            "id",
            "Terima kasih. Kami bisa bertemu di Jakarta minggu kedua bulan depan.",
        ),
    ]
    for n, (company, language, body) in enumerate(messages):
        IntroductionMessage.objects.create(
            introduction=introduction,
            sender_company=company,
            body=body,
            language=language,
            created_at=answered + dt.timedelta(days=n + 1),
        )
    introduction.stage_changed_at = when - dt.timedelta(days=7) if len(path) > 1 else answered
    introduction.last_activity_at = answered + dt.timedelta(days=len(messages))
    introduction.save(update_fields=["stage_changed_at", "last_activity_at"])
    return introduction


def _create(
    profile: PartnershipProfile,
    requester: Company,
    plan: tuple[str, str | None, int],
    message: str,
    language: str,
    now: dt.datetime,
) -> ExpressionOfInterest:
    status, stage, days = plan
    sent = now - dt.timedelta(days=days)
    improvement = status == "improvement"
    mediated = status == InterestStatus.AWAITING_OFFICER or improvement
    answered = sent + dt.timedelta(days=2)
    interest = ExpressionOfInterest.objects.create(
        profile=profile,
        requester_company=requester,
        message=message,
        message_language=language,
        status=InterestStatus.AWAITING_OFFICER if improvement else status,
        mediated=mediated,
        improvement_requested=improvement,
        officer_note="Mohon jelaskan volume dan jadwal yang Anda perlukan." if improvement else "",
        decline_reason="capacity" if status == InterestStatus.DECLINED else "",
        decline_note="Kapasitas produksi kami penuh sampai Maret."
        if status == InterestStatus.DECLINED
        else "",
        created_at=sent,
        answered_at=answered
        if status in (InterestStatus.ACCEPTED, InterestStatus.DECLINED, InterestStatus.WITHDRAWN)
        else (sent + dt.timedelta(days=21) if status == InterestStatus.EXPIRED else None),
        reminded_at=sent + dt.timedelta(days=7) if status == InterestStatus.EXPIRED else None,
    )
    interest.contacts.set(requester.contacts.all()[:1])
    if stage is not None:
        _introduce(interest, stage, answered, now)
    return interest


def install_demo_engagement(
    specs: Sequence[CompanySpec], companies: Sequence[Company], now: dt.datetime | None = None
) -> int:
    """Create the demo interests (and introductions) unless they exist; returns how many."""
    now = now or timezone.now()
    japanese = _member_company(specs, companies, "jp_packaging_machine")
    indonesian = _member_company(specs, companies, "batik")
    if japanese is None or indonesian is None:
        return 0
    if ExpressionOfInterest.objects.filter(requester_company=japanese).exists():
        return 0
    published = PartnershipProfile.objects.filter(status=Status.PUBLISHED).order_by("id")
    targets = list(
        published.filter(company__country="ID").exclude(company=indonesian)[: len(SENT_PLAN)]
    )
    made = 0
    for profile, plan in zip(targets, SENT_PLAN, strict=False):
        if plan[0] in (InterestStatus.AWAITING_OFFICER, "improvement"):
            profile.introductions_through_officer = True
            profile.save(update_fields=["introductions_through_officer"])
        language = "ja" if made % 2 == 0 else "id"
        text = SENT_MESSAGE_JA if language == "ja" else SENT_MESSAGE_ID
        _create(profile, japanese, plan, text, language, now)
        made += 1
    own = published.filter(company=indonesian).first()
    requesters = [
        c
        for c in companies
        if c.country == "JP" and c.pk != japanese.pk and c.verification == "verified"
    ][: len(RECEIVED_PLAN)]
    if own is not None:
        for requester, plan in zip(requesters, RECEIVED_PLAN, strict=False):
            _create(own, requester, plan, RECEIVED_MESSAGE_EN, "en", now)
            made += 1
    return made
