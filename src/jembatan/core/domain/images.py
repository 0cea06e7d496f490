"""Opening an uploaded image safely: one probe for every upload that holds pixels.

Pillow's decompression-bomb limit (``Image.MAX_IMAGE_PIXELS``) is enforced from the header,
so a small file that claims 100,000 x 100,000 pixels is refused before anything is decoded;
Pillow's warning just under the hard limit counts as a refusal too. Callers turn the coded
:class:`ImageRefusedError` into their own messages (a logo field, a product photo).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image, ImageOps, UnidentifiedImageError


class ImageRefusedError(Exception):
    """Why an image cannot be used: ``code`` is ``"bomb"`` or ``"not_image"``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@contextmanager
def _guarded() -> Iterator[None]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageRefusedError("bomb") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ImageRefusedError("not_image") from error


def image_format(data: bytes) -> str:
    """The format Pillow reads in ``data`` (e.g. ``"PNG"``), once the file is verified."""
    with _guarded(), Image.open(io.BytesIO(data)) as probe:
        kind = probe.format or ""
        probe.verify()
    return kind


def decode_image(data: bytes) -> Image.Image:
    """The decoded pixels of ``data``, turned upright from their EXIF orientation."""
    with _guarded(), Image.open(io.BytesIO(data)) as opened:
        opened.load()
        return ImageOps.exif_transpose(opened)
