"""Plotly's JavaScript, served from the installed `plotly` package (no CDN, nothing vendored).

The address carries the package's version, so the answer may be cached for a year: an
upgrade changes the address. The file is 4.8 MB; it is gzipped once per process (about
1.4 MB) and that copy is sent to every browser that accepts gzip.
"""

from __future__ import annotations

import gzip
import hashlib
from functools import cache
from pathlib import Path

import plotly
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.views.decorators.http import require_safe

YEAR = 365 * 24 * 3600


def plotly_path() -> Path:
    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def plotly_version() -> str:
    return str(plotly.__version__)


@cache
def _bundle() -> tuple[bytes, bytes, str]:
    raw = plotly_path().read_bytes()
    return raw, gzip.compress(raw, compresslevel=9, mtime=0), hashlib.sha256(raw).hexdigest()[:16]


@require_safe
def plotly_js(request: HttpRequest, version: str) -> HttpResponse:
    if version != plotly_version():
        raise Http404
    raw, packed, digest = _bundle()
    etag = f'"{digest}"'
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified()
    gzipped = "gzip" in request.headers.get("Accept-Encoding", "")
    response = HttpResponse(packed if gzipped else raw, content_type="text/javascript")
    if gzipped:
        response["Content-Encoding"] = "gzip"
    response["Vary"] = "Accept-Encoding"
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    response["ETag"] = etag
    return response
