"""``jembatan events solve ...`` (the scheduler on JSON files) and
``jembatan events schedule EVENT`` (a scheduling run on an event in the database)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from jembatan.events.domain.notices import remind_participants
from jembatan.events.domain.scheduler import cli
from jembatan.events.domain.scheduler.deadline import process_started
from jembatan.events.domain.scheduling import execute_run, start_run
from jembatan.events.models import Event, RunStatus


class Command(BaseCommand):
    help = "Business-matching events: solve an instance file, or schedule an event."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="subcommand", required=True)
        solve = commands.add_parser("solve", help="schedule the requests of an instance file")
        solve.add_argument("--input", required=True, help="instance JSON file")
        solve.add_argument("--output", required=True, help="schedule JSON file to write")
        solve.add_argument("--time-limit", default="60", metavar="SECONDS")
        solve.add_argument("--previous", help="published schedule to keep")
        solve.add_argument("--allow-moves", action="store_true")
        solve.add_argument("--workers", default="2")
        solve.add_argument("--seed", default="0")
        schedule = commands.add_parser("schedule", help="make the draft schedule of an event")
        schedule.add_argument("event", type=int, help="the event's id")
        schedule.add_argument("--time-limit", type=float, default=None, metavar="SECONDS")
        schedule.add_argument("--allow-moves", action="store_true")
        commands.add_parser("remind", help="remind the participants of events starting tomorrow")
        commands.add_parser(
            "remind-meetings", help="remind participants of their meetings starting soon"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "solve":
            self._solve(options)
        elif options["subcommand"] == "remind":
            told = remind_participants(timezone.now())
            self.stdout.write(f"remind: {told} participants reminded")
        elif options["subcommand"] == "remind-meetings":
            from jembatan.events.domain.reminders import send_meeting_reminders

            sent = send_meeting_reminders(timezone.now())
            self.stdout.write(f"remind-meetings: {sent} meeting reminders sent")
        else:
            self._schedule(options)

    def _solve(self, options: dict[str, Any]) -> None:
        # The time limit covers start-up (when the process is fresh), reading, solving and
        # writing.
        started = process_started()
        argv = ["solve", "--input", options["input"], "--output", options["output"]]
        argv += ["--time-limit", options["time_limit"], "--workers", options["workers"]]
        argv += ["--seed", options["seed"]]
        if options["previous"]:
            argv += ["--previous", options["previous"]]
        if options["allow_moves"]:
            argv.append("--allow-moves")
        code = cli.main(argv, started)
        if code:
            raise CommandError("the schedule was not written", returncode=code)

    def _schedule(self, options: dict[str, Any]) -> None:
        try:
            event = Event.objects.get(pk=options["event"])
        except Event.DoesNotExist:
            raise CommandError(f"no event with id {options['event']}") from None
        run = start_run(
            event, None, allow_moves=options["allow_moves"], time_limit=options["time_limit"]
        )
        run = execute_run(run.pk)
        if run.status != RunStatus.SUCCEEDED:
            raise CommandError(f"run {run.pk} failed: {run.error}")
        self.stdout.write(
            f"run {run.pk}: {run.solver_status}, {run.meeting_count} meetings of "
            f"{run.request_count} accepted requests, objective {run.objective} "
            f"of at most {run.upper_bound}; the draft is ready"
        )
