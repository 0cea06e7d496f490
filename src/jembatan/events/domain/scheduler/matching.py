"""Interpreters of one slot matched to the meetings that need one (augmenting paths)."""

from __future__ import annotations

from collections.abc import Sequence


class InterpreterMatching:
    """A bipartite matching of meetings to interpreters within a single slot.

    Adding a meeting may re-route meetings already matched (Kuhn's augmenting path), so a
    meeting is refused only when no assignment of all of them exists.
    """

    def __init__(self) -> None:
        self.interpreter_of: dict[int, int] = {}  # meeting -> interpreter
        self.meeting_of: dict[int, int] = {}  # interpreter -> meeting
        self.eligible: dict[
            int, Sequence[int]
        ] = {}  # meeting -> interpreters free to serve it
        # Matchings only grow (probes aside), so a set of interpreters that could not take
        # one more meeting never can again: remember it rather than search again.
        self.full: set[tuple[int, ...]] = set()

    def add(
        self, meeting: int, eligible: Sequence[int], prefer: int | None = None
    ) -> bool:
        """Match ``meeting``; on failure leave the matching as it was and return False."""
        self.eligible[meeting] = eligible
        if prefer is not None and prefer in eligible and prefer not in self.meeting_of:
            self._assign(meeting, prefer)
            return True
        if tuple(eligible) not in self.full and self._augment(meeting, set()):
            return True
        self.full.add(tuple(eligible))
        del self.eligible[meeting]
        return False

    def can_add(self, eligible: Sequence[int]) -> bool:
        if any(i not in self.meeting_of for i in eligible):
            return True
        if tuple(eligible) in self.full:
            return False
        probe = -1 - len(self.eligible)  # a key no real meeting uses
        if self.add(probe, eligible):
            self.remove(probe, probe=True)
            return True
        return False

    def remove(self, meeting: int, probe: bool = False) -> None:
        if not probe:
            self.full.clear()  # a freed interpreter may open any set again
        interpreter = self.interpreter_of.pop(meeting, None)
        if interpreter is not None:
            del self.meeting_of[interpreter]
        self.eligible.pop(meeting, None)

    def _assign(self, meeting: int, interpreter: int) -> None:
        self.interpreter_of[meeting] = interpreter
        self.meeting_of[interpreter] = meeting

    def _augment(self, meeting: int, seen: set[int]) -> bool:
        for interpreter in self.eligible[meeting]:
            if interpreter not in self.meeting_of:
                self._assign(meeting, interpreter)
                return True
        for interpreter in self.eligible[meeting]:
            if interpreter in seen:
                continue
            seen.add(interpreter)
            if self._augment(self.meeting_of[interpreter], seen):
                self._assign(meeting, interpreter)
                return True
        return False
