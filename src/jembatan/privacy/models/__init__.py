from __future__ import annotations

from jembatan.privacy.models.erasure import ErasureRequest, ErasureStatus

__all__ = ["ErasureRequest", "ErasureStatus"]
