"""Small hand-made instances shared by the scheduler tests."""

from __future__ import annotations

import copy
from typing import Any

import pytest

BASE: dict[str, Any] = {
    "slots": ["d1-0900", "d1-0930", "d1-1000"],
    "tables": 2,
    "participants": [
        {
            "id": "p1",
            "languages": ["ja", "en"],
            "available": ["d1-0900", "d1-0930"],
            "max_meetings": 8,
        },
        {"id": "p2", "languages": ["id"]},
        {"id": "p3", "languages": ["en", "id"]},
        {"id": "p4", "languages": ["ja"]},
    ],
    "interpreters": [
        {
            "id": "i1",
            "languages": ["ja", "id"],
            "available": ["d1-0900", "d1-0930", "d1-1000"],
        }
    ],
    "requests": [
        {"id": "r1", "a": "p1", "b": "p2", "priority": 3},
        {"id": "r2", "a": "p1", "b": "p3", "priority": 2},
        {"id": "r3", "a": "p4", "b": "p2", "priority": 5},
        {"id": "r4", "a": "p4", "b": "p3", "priority": 1},
        {"id": "r7", "a": "p3", "b": "p2", "priority": 1},
    ],
    "locked": [{"request": "r7", "slot": "d1-0930", "table": 2}],
}


@pytest.fixture
def data() -> dict[str, Any]:
    return copy.deepcopy(BASE)
