"""The `jembatan` command: Django's manage.py for this project."""

from __future__ import annotations

import os
import sys

# Options Django reads before the command (settings, import path) or prints help for: a
# ``jembatan events solve`` given one of them goes through Django as any other command.
_DJANGO_OPTIONS = ("--settings", "--pythonpath", "-h", "--help")


def main() -> None:
    if _plain_solve(sys.argv[1:]):
        _solve(sys.argv[3:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jembatan.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


def _plain_solve(args: list[str]) -> bool:
    """``events solve`` on files needs neither settings nor a database: it runs without
    setting Django up (its apps, URL patterns and checks take seconds of a time limit
    under load), with the same arguments, output and exit codes."""
    return args[:2] == ["events", "solve"] and not any(
        a == o or a.startswith(o + "=") for a in args[2:] for o in _DJANGO_OPTIONS
    )


def _solve(argv: list[str]) -> None:
    from jembatan.events.domain.scheduler.cli import main as solve_main
    from jembatan.events.domain.scheduler.deadline import process_started

    code = solve_main(["solve", *argv], process_started())
    if code:
        # As Django prints a management command's CommandError.
        print("CommandError: the schedule was not written", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    # The schedule is written and synced: skip tearing down a large instance's objects.
    os._exit(code)


if __name__ == "__main__":
    main()
