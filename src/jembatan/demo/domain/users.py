"""One demo user for each role, all with the same memorable password."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_PASSWORD = "jembatan-demo"  # noqa: S105  demo data, printed for the operator on purpose

KEMENPERIN_NAME = "Kementerian Perindustrian (Ditjen IKMA)"
JETRO_NAME = "JETRO Jakarta"
INSTITUTION_NAME = "SMTI Yogyakarta"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    language: str
    first_name: str
    last_name: str
    # "kemenperin", "jetro", "institution", "company:<profile>" or "" for none
    organisation: str
    is_superuser: bool = False


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", "officer", "en", "Admin", "Jembatan", "", is_superuser=True),
    DemoUser("officer.kemenperin", "officer", "id", "Rina", "Wulandari", "kemenperin"),
    DemoUser("officer.jetro", "officer", "ja", "健一", "佐藤", "jetro"),
    DemoUser("ikm.batik", "company_member", "id", "", "", "company:batik"),
    DemoUser("sme.packaging", "company_member", "ja", "", "", "company:jp_packaging_machine"),
    DemoUser("smti.yogyakarta", "institution_member", "id", "Agus", "Prasetyo", "institution"),
    DemoUser("viewer", "viewer", "en", "Dewi", "Anggraini", ""),
)


def demo_user(username: str) -> DemoUser:
    return next(user for user in DEMO_USERS if user.username == username)
