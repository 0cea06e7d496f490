"""Demo business-matching events: a scheduled two-day fair in Jakarta and an upcoming one in
Osaka with registration and meeting requests open.

Dates are relative to the day the demo is loaded, so that the demo works whenever someone
tries it: the Jakarta fair's second day is that day (its first was the day before; check-in
is open and the first day's meetings can be rated), and the Osaka event opened registration
two weeks earlier and meeting requests a week earlier, both open for weeks more.

The Jakarta fair has about 40 representatives of demo firms (the demo members' firms among
them), four interpreters and about 120 meeting requests; the scheduler runs on it and its
schedule is published, so agendas show. Everything is drawn from a fixed seed. A second
run leaves existing demo events (and any edits) alone; ``reset`` rebuilds them. The solver
runs inside the demo's transaction: acceptable for demo data on a database nobody else is
changing, unlike the organisers' runs (docs/locking.md).
"""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from jembatan.accounts.models import User
from jembatan.demo.domain.spec import CompanySpec
from jembatan.events.domain.scheduling import execute_run, publish_draft, start_run
from jembatan.events.domain.slots import generate_slots
from jembatan.events.models import (
    AgendaLanguage,
    Event,
    Interpreter,
    Meeting,
    MeetingRequest,
    Participant,
    RequestStatus,
    RunStatus,
    Session,
    Slot,
)
from jembatan.registry.models import Company

SEED = 2027
# No year in the names: the dates move with the day the demo is loaded.
JAKARTA_NAME = "Temu Bisnis IKM Indonesia–Jepang / 日本・インドネシア中小企業商談会"
OSAKA_NAME = "Temu Bisnis Indonesia–Jepang Osaka / インドネシア・日本 ビジネス商談会 in 大阪"
DEMO_EVENT_NAMES = (JAKARTA_NAME, OSAKA_NAME)
# The names demo events had when their dates were fixed; ``reset`` removes those too.
EARLIER_NAMES = (
    "Temu Bisnis IKM Indonesia–Jepang 2027 / 日本・インドネシア中小企業商談会 2027",
    "Temu Bisnis Indonesia–Jepang Osaka 2027 / インドネシア・日本 ビジネス商談会 in 大阪 2027",
)
SOLVER_SECONDS = 5.0
REQUEST_COUNT = 120
# (profiles, how many firms) per side; the demo members' firms come first.
JP_DRAW = (
    ("jp_packaging_machine", "jp_packaging_material", "jp_auto", "jp_metal", "jp_plastic"),
    ("jp_textile_wholesale", "jp_textile_maker", "jp_electronic", "jp_food_machinery"),
)
ID_DRAW = (
    ("packaging", "auto_parts", "metal_parts", "plastic_parts", "electronic"),
    ("batik", "garment", "weaving", "food"),
)
JP_COUNT, ID_COUNT = 18, 22
INTERPRETERS = (
    ("Ayu Kusumawati", None),
    ("Hendra Gunawan", None),
    ("田中 美咲 (Misaki Tanaka)", None),
    ("Sari Nakamura", "d1"),  # the first day only
)


@dataclass
class EventsSummary:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    meetings: int = 0


def local_today(zone: str) -> dt.date:
    """The day the demo is loaded, in the event's zone."""
    return timezone.now().astimezone(zoneinfo.ZoneInfo(zone)).date()


def _utc(day: dt.date, hour: int, minute: int, zone: str) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(zone))
    return local.astimezone(dt.UTC)


def _member_company(username: str) -> Company | None:
    user = User.objects.filter(username=username).select_related("organisation").first()
    organisation = user.organisation if user else None
    return organisation.company if organisation and organisation.company_id else None


def _draw(
    rng: random.Random,
    pairs: list[tuple[CompanySpec, Company]],
    draw: tuple[tuple[str, ...], tuple[str, ...]],
    count: int,
    first: Company | None,
) -> list[tuple[CompanySpec, Company]]:
    """Verified firms with a contact from the drawn profiles, `first` (a member's) included."""
    wanted = set(draw[0]) | set(draw[1])
    pool = [
        (s, c)
        for s, c in pairs
        if s.profile in wanted and s.verification == "verified" and s.contacts
    ]
    chosen = [p for p in pool if p[1] == first]
    rest = [p for p in pool if p[1] != first]
    rng.shuffle(rest)
    # Mostly the first group's sectors (packaging, components), the rest from the second.
    main = [p for p in rest if p[0].profile in draw[0]]
    other = [p for p in rest if p[0].profile in draw[1]]
    take_main = count * 3 // 5 - sum(1 for p in chosen if p[0].profile in draw[0])
    chosen += main[:take_main]
    chosen += other[: count - len(chosen)]
    return chosen[:count]


def _participant(
    rng: random.Random, event: Event, spec: CompanySpec, company: Company
) -> Participant:
    contact = spec.contacts[0]
    home = "ja" if spec.country == "JP" else "id"
    english = "en" in contact.languages or rng.random() < 0.35
    languages = [home, "en"] if english else [home]
    agenda = home if rng.random() < 0.85 else AgendaLanguage.ENGLISH
    return Participant(
        event=event,
        company=company,
        name=contact.name,
        job_title=contact.role,
        email=contact.email,
        phone=contact.phone,
        languages=languages,
        agenda_language=agenda,
        max_meetings=rng.choice([None, None, None, 6, 8]),
    )


def _jakarta_event() -> Event:
    zone = "Asia/Jakarta"
    day2 = local_today(zone)
    day1 = day2 - dt.timedelta(days=1)
    event = Event.objects.create(
        name=JAKARTA_NAME,
        venue="Gedung Kementerian Perindustrian, Jl. Jend. Gatot Subroto Kav. 52–53, Jakarta Selatan",
        time_zone=zone,
        description=(
            "Temu bisnis antara IKM Indonesia dan UKM Jepang di sektor kemasan, komponen "
            "otomotif dan logam, serta tekstil dan batik. Diselenggarakan oleh Direktorat "
            "Jenderal IKMA Kementerian Perindustrian bersama JETRO Jakarta.\n"
            "包装、自動車・金属部品、繊維・バティック分野の日本の中小企業とインドネシアの"
            "中小産業（IKM）による個別商談会です。インドネシア工業省とジェトロ・ジャカルタが"
            "共催します。"
        ),
        table_count=20,
        registration_opens=_utc(day1 - dt.timedelta(days=140), 8, 0, zone),
        registration_closes=_utc(day1 - dt.timedelta(days=80), 17, 0, zone),
        requests_open=_utc(day1 - dt.timedelta(days=110), 8, 0, zone),
        requests_close=_utc(day1 - dt.timedelta(days=60), 17, 0, zone),
        scheduling_date=day1 - dt.timedelta(days=55),
        auto_accept=False,
        is_public=True,
    )
    for day in (day1, day2):
        Session.objects.create(
            event=event, day=day, starts=dt.time(9), ends=dt.time(12), slot_minutes=30
        )
        Session.objects.create(
            event=event, day=day, starts=dt.time(13, 30), ends=dt.time(16, 30), slot_minutes=30
        )
    generate_slots(event)
    return event


def _availability(rng: random.Random, slots: list[Slot]) -> list[Slot] | None:
    """None (the whole event) for most; one day or the mornings only for about a quarter."""
    draw = rng.random()
    if draw < 0.75:
        return None
    if draw < 0.85:
        return [s for s in slots if s.code.startswith("d1-")]
    if draw < 0.93:
        return [s for s in slots if s.code.startswith("d2-")]
    return [s for s in slots if s.code[3:5] < "12"]


def _register(
    rng: random.Random, event: Event, firms: list[tuple[CompanySpec, Company]]
) -> list[Participant]:
    slots = list(event.slots.all())
    people = [_participant(rng, event, spec, company) for spec, company in firms]
    partial = [_availability(rng, slots) for _ in people]
    for person, chosen in zip(people, partial, strict=True):
        person.available_everywhere = chosen is None
    Participant.objects.bulk_create(people)
    through = Participant.available_slots.through
    through.objects.bulk_create(
        through(participant_id=person.pk, slot_id=slot.pk)
        for person, chosen in zip(people, partial, strict=True)
        for slot in chosen or ()
    )
    return people


def _interpreters(event: Event) -> None:
    day1 = list(event.slots.filter(code__startswith="d1-"))
    for name, only in INTERPRETERS:
        interpreter = Interpreter.objects.create(
            event=event,
            name=name,
            email=f"{name.split()[0].lower()}@interpreters.example",
            languages=["ja", "id"] if only is None else ["ja", "id", "en"],
            available_everywhere=only is None,
        )
        if only is not None:
            interpreter.available_slots.set(day1)


def _requests(
    rng: random.Random,
    event: Event,
    japanese: list[Participant],
    indonesian: list[Participant],
    sectors: dict[int, str],
    members: set[int],
    answered_day: dt.date,
) -> None:
    """About REQUEST_COUNT requests across the two countries; same sector more likely."""
    weights = {
        (j, i): (4 if sectors[j.company_id] == sectors[i.company_id] else 1)
        * (2 if {j.company_id, i.company_id} & members else 1)
        for j in japanese
        for i in indonesian
    }
    pairs = list(weights)
    chosen: list[tuple[Participant, Participant]] = []
    seen: set[tuple[int, int]] = set()
    while len(chosen) < REQUEST_COUNT:
        j, i = rng.choices(pairs, weights=[weights[p] for p in pairs])[0]
        if (j.pk, i.pk) not in seen:
            seen.add((j.pk, i.pk))
            chosen.append((j, i))
    rows = []
    for n, (j, i) in enumerate(chosen):
        member = bool({j.company_id, i.company_id} & members)
        sender, receiver = (j, i) if rng.random() < 0.5 else (i, j)
        draw = rng.random()
        status = (
            RequestStatus.ACCEPTED
            if member or draw < 0.85
            else RequestStatus.PENDING
            if draw < 0.95
            else RequestStatus.DECLINED
        )
        answered = status != RequestStatus.PENDING
        rows.append(
            MeetingRequest(
                event=event,
                sender=sender,
                receiver=receiver,
                priority=3 if member else rng.choice([1, 2, 2, 3]),
                status=status,
                answered_at=_utc(answered_day, 9, n % 60, "Asia/Jakarta") if answered else None,
            )
        )
    MeetingRequest.objects.bulk_create(rows)


def build_jakarta(specs: Sequence[CompanySpec], companies: Sequence[Company]) -> Event:
    rng = random.Random(SEED)
    pairs = list(zip(specs, companies, strict=True))
    packaging, batik = _member_company("sme.packaging"), _member_company("ikm.batik")
    members = {c.pk for c in (packaging, batik) if c is not None}
    event = _jakarta_event()
    japanese = _register(rng, event, _draw(rng, pairs, JP_DRAW, JP_COUNT, packaging))
    indonesian = _register(rng, event, _draw(rng, pairs, ID_DRAW, ID_COUNT, batik))
    sectors = {c.pk: s.sector for s, c in pairs}
    _interpreters(event)
    answered = event.requests_close.date() - dt.timedelta(days=10)  # type: ignore[union-attr]
    _requests(rng, event, japanese, indonesian, sectors, members, answered)
    officer = User.objects.filter(username="officer.kemenperin").first()
    run = execute_run(start_run(event, officer, time_limit=SOLVER_SECONDS).pk)
    if run.status == RunStatus.SUCCEEDED and run.meeting_count:
        publish_draft(event, officer)
    return event


def build_osaka(specs: Sequence[CompanySpec], companies: Sequence[Company]) -> Event:
    zone = "Asia/Tokyo"
    today = local_today(zone)

    def day(offset: int) -> dt.date:
        return today + dt.timedelta(days=offset)

    event = Event.objects.create(
        name=OSAKA_NAME,
        venue="大阪産業創造館 (Osaka Sangyo Sozokan), 大阪市中央区本町1-4-5",
        time_zone=zone,
        description=(
            "インドネシアのIKM（バティック、家具、食品、手工芸品）と関西の中小企業の商談会。"
            "参加登録と商談依頼を受付中です。\n"
            "Temu bisnis IKM Indonesia (batik, mebel, makanan, kerajinan) dengan UKM di "
            "Kansai. Pendaftaran peserta dan permintaan pertemuan sedang dibuka."
        ),
        table_count=15,
        registration_opens=_utc(day(-14), 9, 0, zone),
        registration_closes=_utc(day(28), 17, 0, zone),
        requests_open=_utc(day(-7), 9, 0, zone),
        requests_close=_utc(day(35), 17, 0, zone),
        scheduling_date=day(38),
        auto_accept=True,
        is_public=True,
    )
    for session_day in (day(49), day(50)):
        Session.objects.create(
            event=event, day=session_day, starts=dt.time(10), ends=dt.time(12), slot_minutes=30
        )
        Session.objects.create(
            event=event,
            day=session_day,
            starts=dt.time(13, 30),
            ends=dt.time(17),
            slot_minutes=25,
            break_minutes=5,
        )
    generate_slots(event)
    rng = random.Random(SEED + 1)
    pool = [
        (s, c)
        for s, c in zip(specs, companies, strict=True)
        if s.profile in ("furniture", "handicrafts", "food", "jp_furniture", "jp_food")
        and s.verification == "verified"
        and s.contacts
    ]
    rng.shuffle(pool)
    _register(rng, event, pool[:6])
    # The demo members' firms are registered too, so that a newcomer signed in as one of
    # them can send a meeting request at once (requests are open and accepted at once).
    by_company = {c.pk: (s, c) for s, c in zip(specs, companies, strict=True)}
    members = [_member_company(name) for name in ("sme.packaging", "ikm.batik")]
    _register(rng, event, [by_company[c.pk] for c in members if c is not None])
    return event


def install_demo_events(
    specs: Sequence[CompanySpec], companies: Sequence[Company], reset: bool = False
) -> EventsSummary:
    """Create the demo events that do not exist yet (all of them again with ``reset``)."""
    summary = EventsSummary()
    if reset:  # meetings first: they protect the slots and tables the event would delete
        names = (*DEMO_EVENT_NAMES, *EARLIER_NAMES)
        Meeting.objects.filter(event__name__in=names).delete()
        Event.objects.filter(name__in=names).delete()
    existing = set(Event.objects.filter(name__in=DEMO_EVENT_NAMES).values_list("name", flat=True))
    for name, build in ((JAKARTA_NAME, build_jakarta), (OSAKA_NAME, build_osaka)):
        if name in existing:
            summary.skipped.append(name)
            continue
        event = build(specs, companies)
        summary.created.append(name)
        summary.meetings += event.meetings.filter(stage="published").count()
    return summary
