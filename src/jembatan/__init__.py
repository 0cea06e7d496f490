"""Jembatan: partnership platform of the Indonesia-Japan SME cooperation programme."""

from __future__ import annotations

from jembatan.celery_app import app as celery_app

__all__ = ["celery_app"]
