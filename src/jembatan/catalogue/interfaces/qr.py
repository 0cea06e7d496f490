"""QR codes (segno) for printed pages: drawn as vector squares, so they stay sharp at any
print size and need no image file."""

from __future__ import annotations

from typing import Any

import segno
from reportlab.lib import colors
from reportlab.platypus import Flowable


def qr_matrix(data: str) -> list[list[bool]]:
    """The QR code's modules (True: dark), with the quiet zone around them."""
    code = segno.make(data, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=4)]


class QrCode(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A square QR code of `size` points for `data` (a URL)."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        self.data = data
        self.size = size
        self.matrix = qr_matrix(data)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas: Any = self.canv
        modules = len(self.matrix)
        step = self.size / modules
        canvas.saveState()
        canvas.setFillColor(colors.black)
        for row_index, row in enumerate(self.matrix):
            y = self.size - (row_index + 1) * step
            for column, dark in enumerate(row):
                if dark:
                    canvas.rect(column * step, y, step, step, stroke=0, fill=1)
        canvas.restoreState()
