"""`jembatan privacy export ID [--pdf PATH] [--json PATH] [--language ja]`: a company's data,
for a request by someone who cannot sign in (a contact person, a participant);
`jembatan privacy erase REQUEST_ID --officer USERNAME`: carry out a reviewed erasure request,
as the queue's button does (the same domain action decides)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from jembatan.core.domain.personal_data import export_company
from jembatan.privacy.domain.erasure import ErasureError, carry_out_erasure
from jembatan.privacy.interfaces.export import export_json, export_pdf
from jembatan.privacy.models import ErasureRequest
from jembatan.registry.models import Company


class Command(BaseCommand):
    help = "Export a company's personal data, or carry out an erasure request."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="write a company's data as JSON and/or PDF")
        export.add_argument("company", type=int, help="the company's id")
        export.add_argument("--json", type=Path, help="where to write the JSON copy")
        export.add_argument("--pdf", type=Path, help="where to write the readable PDF copy")
        export.add_argument("--language", default="en", choices=["id", "ja", "en"])
        erase = sub.add_parser("erase", help="carry out a reviewed erasure request")
        erase.add_argument("request", type=int, help="the erasure request's id")
        erase.add_argument("--officer", required=True, help="the deciding officer's user name")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        if options["action"] == "export":
            company = Company.objects.filter(pk=options["company"]).first()
            if company is None:
                raise CommandError(f"No company with id {options['company']}.")
            if not options["json"] and not options["pdf"]:
                raise CommandError("Give --json PATH, --pdf PATH or both.")
            data = export_company(company)
            if options["json"]:
                options["json"].write_bytes(export_json(data, now))
            if options["pdf"]:
                options["pdf"].write_bytes(export_pdf(data, company.name, options["language"], now))
            self.stdout.write(f"exported company {company.pk}")
            return
        officer = get_user_model().objects.filter(username=options["officer"]).first()
        request = ErasureRequest.objects.filter(pk=options["request"]).first()
        if officer is None or request is None:
            raise CommandError("Unknown officer or erasure request.")
        try:
            carry_out_erasure(officer, request, now)
        except ErasureError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"erased company {request.company_id}")
