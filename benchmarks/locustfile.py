"""Locust users for the load test (benchmarks/load.py starts the server and runs this).

Each simulated user signs in as one of the company members benchmarks/load_data.py made
(listed in the JSON file named by LOAD_USERS), then, with one to three seconds between
actions: browses and filters the company directory, searches profiles and companies in
Indonesian, Japanese and English, opens company pages, opens the recommendations of its
own profiles, and posts expressions of interest (form fetched first for its CSRF token).
Request names group URLs by route, so the figures are per route.

    LOAD_USERS=var/load_users.json locust -f benchmarks/locustfile.py --headless \\
        -u 50 -r 10 -t 2m --host http://127.0.0.1:8000
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import threading
from pathlib import Path
from typing import Any

import gevent
from locust import HttpUser, between, events, task
from locust.env import Environment

LISTING: dict[str, Any] = json.loads(
    Path(os.environ.get("LOAD_USERS", "var/load_users.json")).read_text(encoding="utf-8")
)
_accounts = itertools.count()
_accounts_lock = threading.Lock()
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

# What members type, in the three languages: products, processes, partners sought.
QUERIES: dict[str, tuple[str, ...]] = {
    "id": (
        "kemasan plastik",
        "batik tulis",
        "suku cadang otomotif",
        "mesin pengemas",
        "mebel kayu jati",
        "distributor di Jepang",
        "pelatihan operator",
        "kerajinan tangan",
    ),
    "ja": (
        "包装機械",
        "金属加工",
        "自動車部品",
        "食品",
        "技術指導",
        "販売代理店",
        "繊維",
        "家具",
    ),
    "en": (
        "packaging machinery",
        "metal parts",
        "batik textiles",
        "technical assistance",
        "food processing",
        "furniture",
        "distributor",
        "plastic injection moulding",
    ),
}
# A cap on requests beside locust's -t: the run stops at whichever comes first.
MAX_REQUESTS = int(os.environ.get("LOAD_MAX_REQUESTS", "0"))
_sent = itertools.count(1)
_environment: list[Environment] = []


@events.init.add_listener
def _keep_environment(environment: Environment, **_kwargs: Any) -> None:
    _environment.append(environment)


@events.request.add_listener
def _cap_requests(**_kwargs: Any) -> None:
    if MAX_REQUESTS and next(_sent) == MAX_REQUESTS and _environment:
        runner = _environment[0].runner
        if runner is not None:
            gevent.spawn(runner.quit)  # not from inside the request's own greenlet


SIZE_CLASSES = ("small", "medium", "small_enterprise", "sme")
REGIONS = ("ID-JB", "ID-JT", "ID-JI", "JP-13", "JP-23", "JP-27")


class Member(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        with _accounts_lock:
            n = next(_accounts)
        users = LISTING["users"]
        self.account = users[n % len(users)]
        page = self.client.get("/accounts/login/", name="login: form")
        token = _csrf(page.text)
        self.client.post(
            "/accounts/login/",
            {
                "username": self.account["username"],
                "password": LISTING["password"],
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="login: post + home",
        )

    @task(3)
    def directory(self) -> None:
        self.client.get(f"/companies/?page={random.randint(1, 40)}", name="directory: page")

    @task(2)
    def directory_filtered(self) -> None:
        params = random.choice(
            (
                f"size_class={random.choice(SIZE_CLASSES)}",
                f"region={random.choice(REGIONS)}",
                "verification=verified&country=JP",
                "verification=verified&country=ID",
            )
        )
        self.client.get(f"/companies/?{params}", name="directory: filtered")

    @task(1)
    def directory_text(self) -> None:
        language = random.choice(tuple(QUERIES))
        query = random.choice(QUERIES[language])
        self.client.get("/companies/", params={"q": query}, name=f"directory: text ({language})")

    @task(3)
    def search(self) -> None:
        language = random.choice(tuple(QUERIES))
        kind = random.choice(("profile", "company"))
        self.client.get(
            "/matching/search/",
            params={"q": random.choice(QUERIES[language]), "type": kind},
            name=f"search: {kind} ({language})",
        )

    @task(2)
    def company_page(self) -> None:
        first, last = LISTING["companies"]
        self.client.get(f"/companies/{random.randint(first, last)}/", name="company: page")

    @task(2)
    def recommendations(self) -> None:
        profile = random.choice(self.account["profiles"])
        self.client.get(f"/matching/profiles/{profile}/", name="recommendations: profile")

    @task(1)
    def express_interest(self) -> None:
        first, last = LISTING["profiles"]
        own = set(self.account["profiles"])
        target = random.randint(first, last)
        while target in own:
            target = random.randint(first, last)
        url = f"/interests/new/{target}/"
        form = self.client.get(url, name="interest: form")
        token = _csrf(form.text)
        message = random.choice(
            (
                "Kami tertarik bekerja sama dan ingin membahas pasokan rutin.",
                "貴社のご提案に関心があります。詳しくお話を伺えますでしょうか。",
                "We are interested in working together; could we discuss the details?",
            )
        )
        with self.client.post(
            url,
            {"message": message, "language": "", "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}{url}"},
            name="interest: post",
            catch_response=True,
        ) as response:
            # Success redirects to the new interest; a form shown again is a refusal.
            if not response.history:
                response.failure("not sent (form shown again)")


def _csrf(html: str) -> str:
    found = CSRF.search(html)
    return found.group(1) if found else ""
