"""The one font every PDF the project writes uses, embedded so that it prints the same anywhere.

IPAex Gothic (shipped by the ``matplotlib-fontja`` package, IPA Font License) has Japanese,
Latin (Indonesian, English) and the symbols our documents need. reportlab embeds a TrueType
font subset in each PDF; matplotlib draws chart text with the same file, so charts placed in
a PDF match the text around them. Nothing is downloaded: the file is in the installed package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import matplotlib_fontja
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "IPAexGothic"


def font_path() -> Path:
    """The TrueType file, inside the installed ``matplotlib_fontja`` package."""
    return Path(matplotlib_fontja.__file__).parent / "fonts" / "ipaexg.ttf"


@cache
def pdf_font() -> str:
    """Register the font with reportlab (once per process) and return its name."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_path())))
    return FONT


def chart_font_family() -> str:
    """The family name for matplotlib; adds the file to matplotlib's font manager once."""
    return _chart_font()


@cache
def _chart_font() -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(font_path()))
    return font_manager.FontProperties(fname=str(font_path())).get_name()
