"""Enumerate the web routes and API operations, fill their parameters from the world, and
classify each answer. Used by the matrix test; `python -m tests.security.expectations
--markdown` needs none of it."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import plotly
from django.urls import URLPattern, URLResolver, get_resolver
from pypdf import PdfReader
from pypdf.errors import PdfReadError

GROUP = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\{(?P<oname>\w+)\}")

# The id a path parameter named `pk` (or `id`) takes: the object named by the segment before.
SEGMENT_OBJECT = {
    "companies": "company",
    "profiles": "profile",
    "interests": "interest",
    "introductions": "introduction",
    "agreements": "agreement",
    "events": "event",
    "participants": "participant",
    "meetings": "meeting",
    "requests": "request",
    "slots": "slot",
    "interpreters": "interpreter",
    "institutions": "institution",
    "people": "person",
    "mous": "mou",
    "programmes": "programme",
    "applications": "application",
    "attachments": "attachment",
    "products": "product",
    "photos": "photo",
    "inquiries": "inquiry",
    "promotions": "promotion",
    "brochures": "brochure",
    "erasure-requests": "erasure",
    "placements": "placement_offer",
    "searches": "saved_search",
    "notifications": "notification",
    "validation": "company",
    "invitations": "invitation",
    "claims": "claim",
    "pipeline": "introduction",
    "jobs": "import_job",
    "crosswalk": "crosswalk",
    "offers": "offer",
}
# Other parameters, by name.
NAMED = {
    "participant_pk": "participant",
    "meeting_pk": "meeting",
    "request_pk": "request",
    "slot_pk": "slot",
    "interpreter_pk": "interpreter",
    "attachment_pk": "attachment",
    "profile_pk": "profile",
    "contact": "contact",
    "placement_pk": "placement",
    "document": "person_document",
    "token_id": "api_token",
    "message_pk": "message",
    "document_pk": "agreement_document",
    "department": "department",
}
LITERALS = {
    "table_number": "1",
    "answer": "accept",
    "state": "present",
    "token": "no-such-token",
    "scheme": "KBLI",
    "code": "13131",
    "slug": "textiles",
    "verdict": "reject",
    "action": "withdraw",
    "key": "opportunities.profile",
    "language": "ja",
    "fmt": "xlsx",
    "version": str(plotly.__version__),
    "round_number": "1",
    "uidb64": "MQ",
    "format": "pdf",
}
MISSING = "999999"


@dataclass(frozen=True)
class Route:
    key: str  # the URL name (namespace:name) or "METHOD /path" of an API operation
    template: str  # the route with its parameters in <...> or {...}


def web_routes() -> Iterator[Route]:
    def walk(patterns: list[URLPattern | URLResolver], prefix: str, ns: str) -> Iterator[Route]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if route.startswith(("admin/", "api/v1/")):
                    continue  # the admin is one rule; the API is walked from its schema
                inner = f"{ns}:{pattern.namespace}" if ns and pattern.namespace else ns
                yield from walk(pattern.url_patterns, route, inner or pattern.namespace or "")
            elif "drf_format_suffix" not in route:  # format suffixes repeat the routes before
                name = f"{ns}:{pattern.name}" if ns else str(pattern.name)
                yield Route(name, "/" + route)

    seen: set[str] = set()
    for route in walk(get_resolver().url_patterns, "", ""):
        if route.key not in seen:
            seen.add(route.key)
            yield route


def api_operations(schema: dict[str, object]) -> Iterator[tuple[Route, str]]:
    paths = schema["paths"]
    assert isinstance(paths, dict)
    for path, operations in paths.items():
        for method in ("get", "post", "put", "patch", "delete"):
            if method in operations:
                yield Route(f"{method.upper()} {path}", path), method


def fill(template: str, ids: dict[str, int | str], over: str | None) -> str:
    """The path of `template` with the world's ids. `over` names another object: it takes the
    place of the parameter whose object it extends ("participant_b" for `participant_pk`,
    "code_certificate" for `code`), or else of `pk`/`id`."""
    names = [m["name"] or m["oname"] for m in GROUP.finditer(template)]
    extended = next(
        (n for n in names if over and over.startswith(NAMED.get(n, n) + "_")),
        None,
    )
    pk_object = over if extended is None else None

    def value(match: re.Match[str]) -> str:
        name = match["name"] or match["oname"]
        if name == extended and over is not None:
            return str(ids.get(over, MISSING))
        if name in ("pk", "id"):
            if pk_object is not None:
                return str(ids.get(pk_object, MISSING))
            before = template[: match.start()].rstrip("/").split("/")[-1]
            return str(ids.get(SEGMENT_OBJECT.get(before, ""), MISSING))
        if name in NAMED:
            return str(ids.get(NAMED[name], MISSING))
        return LITERALS.get(name, MISSING)

    return GROUP.sub(value, template)


def body_text(content: bytes, content_type: str) -> str:
    """What a marker search reads: a PDF's extracted text, an XLSX unzipped into its XML,
    anything else decoded leniently."""
    if content[:5] == b"%PDF-":
        try:
            return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
        except PdfReadError:
            return content.decode("latin-1")
    if content[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                return "\n".join(
                    archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                )
        except zipfile.BadZipFile:
            pass
    return content.decode("utf-8", "replace")
