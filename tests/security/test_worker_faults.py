"""Faults (issue 16): a real Celery worker, on a real Redis broker, killed with SIGKILL in
the middle of an embedding batch and of a scheduling run. A fresh worker gets the task
again (late acks, the broker's visibility timeout) and finishes it once: nothing is done
twice and nothing is lost. docs/security.md ("Faults") says what this proves.

Each test starts its own ``redis-server`` on a free port (the shared one on 6379 is left
alone) and two ``celery -A jembatan worker`` processes (prefork, one process) against the
test database, which on SQLite is copied to a file for them (``worker_database``). The
first worker is told to wait at a pause point (jembatan/core/pause_points.py) and is killed
there with SIGKILL: in the embedding test first its pool process alone (the OOM killer's
way), then, as in the scheduling test, its whole process group (a lost machine's).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from celery import Celery
from django.db import connection

from jembatan.core.models import AuditLogEntry
from jembatan.events.domain.scheduling import start_run
from jembatan.events.models import Meeting, RunStatus, ScheduleRun, Stage
from jembatan.matching.domain.embeddings import index_name
from jembatan.matching.domain.keyword_store import FTS_TABLE
from jembatan.matching.domain.vector_store import read_index
from jembatan.matching.models import EmbeddedObject, Embedding, KeywordDocument, ObjectType
from jembatan.registry.models import Company
from tests.events import factories
from tests.events.conftest import fair  # noqa: F401 (fixture)
from tests.factories import CompanyFactory

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
# Short enough for a test, long enough that the second worker's own task (a model to load,
# a run to solve) ends well inside it and is not handed out a second time.
VISIBILITY_TIMEOUT = 20
EMBED = "jembatan.matching.tasks.task_embed_companies"
SCHEDULE = "jembatan.events.tasks.task_schedule_event"

pytestmark = [
    pytest.mark.skipif(not Path(REDIS_SERVER).exists(), reason="redis-server not installed"),
    pytest.mark.django_db(transaction=True),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(check: object, timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if callable(check) and check():
            return
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[str]:
    """A private Redis, nothing saved to disk; the URL of its database 0."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (a fixed program and arguments)
        [
            REDIS_SERVER,
            *("--port", str(port), "--bind", "127.0.0.1", "--save", ""),
            *("--appendonly", "no", "--dir", str(tmp_path)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)

    def answers() -> bool:
        with contextlib.suppress(redis.ConnectionError):
            return bool(client.ping())
        return False

    try:
        wait_until(answers, 10, "redis-server")
        yield url
    finally:
        client.close()
        process.kill()
        process.wait(timeout=10)


@pytest.fixture
def worker_database(transactional_db: None, tmp_path: Path) -> Iterator[str]:
    """The DATABASE_URL that reaches this test's database from another process.

    PostgreSQL: the test database itself. SQLite: the in-memory test database is copied to
    a file and this process uses the file until the test ends (a second connection keeps the
    in-memory one alive for pytest-django to flush afterwards)."""
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
        yield (
            f"postgres://{settings_dict['USER']}{password}@{settings_dict['HOST'] or '127.0.0.1'}"
            f":{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
        )
        return
    memory = settings_dict["NAME"]
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    keeper = sqlite3.connect(memory, uri=True)
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    settings_dict["NAME"] = str(path)
    connection.close()  # really closed now that the name is a file's
    try:
        yield f"sqlite:///{path}"
    finally:
        connection.close()
        settings_dict["NAME"] = memory
        connection.ensure_connection()
        keeper.close()


class Worker:
    """One `celery -A jembatan worker` process group, its output in a file."""

    def __init__(self, name: str, env: dict[str, str], log: Path) -> None:
        self.name, self.log = name, log
        self.out = log.open("wb")
        self.process = subprocess.Popen(  # noqa: S603 (this interpreter, fixed arguments)
            [
                *(sys.executable, "-m", "celery", "-A", "jembatan", "worker"),
                *("--pool", "prefork", "--concurrency", "1", "--loglevel", "INFO"),
                *("--without-heartbeat", "--without-gossip", "--without-mingle"),
                *("--hostname", f"{name}@%h"),
            ],
            cwd=ROOT,
            env=env,
            stdout=self.out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, killed as one
        )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, pattern: str, timeout: float = 60) -> None:
        def seen() -> bool:
            if self.process.poll() is not None:
                raise AssertionError(f"worker {self.name} exited:\n{self.text()[-3000:]}")
            return re.search(pattern, self.text()) is not None

        try:
            wait_until(seen, timeout, f"{pattern!r} from worker {self.name}")
        except AssertionError as error:
            raise AssertionError(f"{error}\n{self.text()[-3000:]}") from None

    def kill(self) -> None:
        """SIGKILL the main process and its pool child at once: nothing is cleaned up."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.out.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.kill()
        self.out.close()


@pytest.fixture
def workers(broker: str, worker_database: str, tmp_path: Path, settings) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """Starts workers (``start(name, pause=...)``) against the broker and the database."""
    settings.JEMBATAN_INDEX_DIR = tmp_path / "index"
    settings.JEMBATAN_ENCODER = None  # the bundled model, as the workers use
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CELERY_", "JEMBATAN_", "DATABASE_"))
    }
    env.update(
        PYTHONPATH=str(ROOT / "src"),
        DJANGO_SETTINGS_MODULE="jembatan.settings",
        DATABASE_URL=worker_database,
        CELERY_BROKER_URL=broker,
        CELERY_BROKER_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT),
        CELERY_BROKER_RESTORE_INTERVAL="1",
        JEMBATAN_VAR_DIR=str(tmp_path / "var"),
        JEMBATAN_INDEX_DIR=str(settings.JEMBATAN_INDEX_DIR),
        JEMBATAN_SCHEDULER_RUN_GRACE="2",
        JEMBATAN_NOTIFICATIONS_DELIVERY="cron",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        SECRET_KEY=settings.SECRET_KEY,
    )
    started: list[Worker] = []

    def start(name: str, pause: str = "") -> Worker:
        worker_env = {**env, "JEMBATAN_TEST_TASK_DELAY": pause} if pause else env
        worker = Worker(name, worker_env, tmp_path / f"{name}.log")
        started.append(worker)
        worker.wait_for(rf"{name}@\S+ ready\.")
        return worker

    yield start
    for worker in started:
        worker.stop()


def send(broker: str, task: str, *args: object) -> str:
    """Queue a task the way the web process does with a broker; returns its id."""
    producer = Celery("jembatan-test-producer", broker=broker, set_as_current=False)
    producer.conf.task_serializer = "json"
    try:
        return str(producer.send_task(task, args=list(args)).id)
    finally:
        producer.close()


def finished(task: str, task_id: str) -> str:
    return rf"Task {re.escape(task)}\[{task_id}\] succeeded in [0-9.]+s: (.+)"


def assert_broker_empty(broker: str) -> None:
    """No message left waiting, none taken and unacknowledged."""
    client = redis.Redis.from_url(broker)
    try:
        assert (client.llen("celery"), client.hlen("unacked"), client.zcard("unacked_index")) == (
            0,
            0,
            0,
        )
    finally:
        client.close()


# --- Killed in the middle of an embedding batch -------------------------------------------

DESCRIPTIONS = [
    ("id", "Produsen batik tulis dan cap dari Pekalongan untuk pasar ekspor."),
    ("id", "Pabrik kemasan karton bergelombang untuk makanan ringan dan kopi."),
    ("ja", "自動車用の精密プレス部品を製造する愛知県の中小企業です。"),
    ("ja", "食品向けの軽量プラスチック容器を設計・製造しています。"),
    ("en", "Injection-moulded plastic parts for motorcycle assemblers in West Java."),
    ("en", "A studio producing 2D animation and character design for Japanese clients."),
]


def batch_companies() -> list[int]:
    """Six firms written without model signals (as a bulk import does), so nothing is
    embedded until the batch task runs."""
    rows = [
        CompanyFactory.build(
            country="JP" if lang == "ja" else "ID", description=text, description_language=lang
        )
        for lang, text in DESCRIPTIONS
    ]
    return [c.pk for c in Company.objects.bulk_create(rows)]


def fts_rows(document_ids: list[int]) -> int:
    """FTS5 rows of these keyword documents (the table is virtual: the flush after an earlier
    transactional test leaves its rows behind, under other documents' ids)."""
    if connection.vendor != "sqlite":
        return 0
    marks = ", ".join(["%s"] * len(document_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {FTS_TABLE} WHERE rowid IN ({marks})",  # noqa: S608 (constants)
            document_ids,
        )
        return int(cursor.fetchone()[0])


def test_a_worker_killed_in_an_embedding_batch_leaves_it_to_the_next_worker(
    workers, broker: str
) -> None:  # type: ignore[no-untyped-def]
    ids = batch_companies()
    first = workers("first", pause="embed-companies:120")
    task_id = send(broker, EMBED, ids)
    paused = r"pause point embed-companies reached in process (\d+)"
    first.wait_for(paused)
    # Half-way: vectors cached, mappings and keyword documents written, indexes not.
    assert EmbeddedObject.objects.filter(object_id__in=ids).count() == 6
    assert Embedding.objects.count() == 12  # each text in the search and the similar role
    # Only the pool process dies (the OOM killer's choice): the worker hands the task back
    # at once (task_reject_on_worker_lost; without it the task is failed and acknowledged,
    # so lost) and its new pool process takes it again, and waits at the same point.
    child = int(re.findall(paused, first.text())[0])
    os.kill(child, signal.SIGKILL)
    wait_until(lambda: len(re.findall(paused, first.text())) == 2, 60, "the task again")
    assert int(re.findall(paused, first.text())[1]) != child
    first.kill()  # now the whole worker
    assert re.search(finished(EMBED, task_id), first.text()) is None

    second = workers("second")
    second.wait_for(finished(EMBED, task_id))
    # The second delivery encoded nothing (every vector came from the cache the first
    # worker filled) and still wrote both indexes.
    match = re.search(finished(EMBED, task_id), second.text())
    assert match is not None
    assert match.group(1) == "0"
    assert len(re.findall(finished(EMBED, task_id), second.text())) == 1
    assert Embedding.objects.count() == 12
    mapped = EmbeddedObject.objects.filter(object_type=ObjectType.COMPANY)
    assert sorted(mapped.values_list("object_id", flat=True)) == sorted(ids)
    documents = KeywordDocument.objects.filter(object_type=ObjectType.COMPANY)
    assert sorted(documents.values_list("object_id", flat=True)) == sorted(ids)
    if connection.vendor == "sqlite":
        assert fts_rows(list(documents.values_list("pk", flat=True))) == 6
    for role in ("passage", "similar"):
        index = read_index(index_name(ObjectType.COMPANY, role), 384)
        assert sorted(index.keys().tolist()) == sorted(ids)
    assert_broker_empty(broker)


# --- Killed in the middle of a scheduling run ---------------------------------------------


def test_a_worker_killed_in_a_scheduling_run_has_the_run_taken_over(
    workers,
    broker: str,
    fair,  # noqa: F811 (the fixture imported above)
) -> None:  # type: ignore[no-untyped-def]
    requests = [
        factories.accepted(fair.budi, fair.tanaka, 3),
        factories.accepted(fair.suzuki, fair.dewi, 2),
        factories.accepted(fair.budi, fair.suzuki, 2),
    ]
    run = start_run(fair.event, None, time_limit=2)
    first = workers("first", pause="schedule-run:120")
    task_id = send(broker, SCHEDULE, fair.event.pk, run.pk)
    first.wait_for("pause point schedule-run reached")
    first.kill()
    run.refresh_from_db()
    assert run.status == RunStatus.RUNNING  # what the dead worker left
    assert not Meeting.objects.filter(event=fair.event).exists()

    second = workers("second")
    second.wait_for(finished(SCHEDULE, task_id))
    assert len(re.findall(finished(SCHEDULE, task_id), second.text())) == 1
    assert ScheduleRun.objects.filter(event=fair.event).count() == 1
    run.refresh_from_db()
    assert (run.status, run.meeting_count, run.request_count) == ("succeeded", 3, 3)
    drafts = Meeting.objects.filter(event=fair.event, stage=Stage.DRAFT)
    assert sorted(drafts.values_list("request_id", flat=True)) == sorted(r.pk for r in requests)
    assert not Meeting.objects.filter(event=fair.event, stage=Stage.PUBLISHED).exists()
    actions = list(AuditLogEntry.objects.values_list("action", flat=True))
    assert [
        actions.count(f"jembatan.schedule_run.{what}")
        for what in ("schedule_started", "taken_over", "schedule_finished", "failed")
    ] == [1, 1, 1, 0]
    assert_broker_empty(broker)
