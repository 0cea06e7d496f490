"""A small translation service for tests: a real HTTP server on 127.0.0.1, in a thread,
speaking LibreTranslate's ``POST /translate`` and OpenAI's ``POST /v1/chat/completions``.

``server.mode`` decides the next answers: "ok" (each text comes back as ``[<target>] text``),
"sleep" (answers after ``server.delay`` seconds), "500", "badjson" or "short" (one text
fewer than asked)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def fake_translation(text: str, target: str) -> str:
    return f"[{target}] {text}"


class StubServer(ThreadingHTTPServer):
    daemon_threads = True
    mode = "ok"
    delay = 2.0

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.received: list[dict[str, Any]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: StubServer

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: pytest shows what the test asserts, not the access log."""

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client may have given up already (the timeout test).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        payload = json.loads(self.rfile.read(length) or b"{}")
        self.server.received.append(
            {"path": self.path, "payload": payload, "auth": self.headers.get("Authorization")}
        )
        mode = self.server.mode
        if mode == "sleep":
            time.sleep(self.server.delay)
        if mode == "500":
            self._answer(500, b'{"error": "model crashed"}')
            return
        if mode == "badjson":
            self._answer(200, b"<html>proxy error</html>")
            return
        if self.path == "/translate":
            texts = payload["q"] if isinstance(payload["q"], list) else [payload["q"]]
            out = [fake_translation(t, payload["target"]) for t in texts]
            if mode == "short":
                out = out[:-1]
            answer: Any = {"translatedText": out}
        elif self.path == "/v1/chat/completions":
            system = payload["messages"][0]["content"]
            target = next(
                code
                for code, name in (("ja", "Japanese"), ("id", "Indonesian"), ("en", "English"))
                if f"into {name}" in system
            )
            text = fake_translation(payload["messages"][1]["content"], target)
            answer = {"choices": [{"index": 0, "message": {"role": "assistant", "content": text}}]}
            if mode == "short":
                answer = {"choices": []}
        else:
            self._answer(404, b'{"error": "not found"}')
            return
        self._answer(200, json.dumps(answer).encode("utf-8"))


@contextmanager
def running_stub() -> Iterator[StubServer]:
    server = StubServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
