"""People's text in a PDF paragraph, as text: the one way every PDF the project writes does it.

reportlab reads a ``Paragraph``'s text as markup (``<a href>``, ``<img>``, ``<font>``), and
names, venues, sources and notes are typed by people: a name like ``"><img src=x>`` would
become an image, a link or a server error. Every such string goes through
:func:`text_paragraph`; markup the code itself writes (a ``<br/>``, a smaller ``<font>``
line) is added around text escaped with :func:`markup_text`.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph


def markup_text(text: Any) -> str:
    """``text`` (anything, as ``str``) escaped for reportlab's paragraph markup."""
    return escape(str(text))


def text_paragraph(text: Any, style: ParagraphStyle, line_breaks: bool = False) -> Paragraph:
    """A paragraph showing ``text`` as it is; with ``line_breaks``, its newlines break lines."""
    body = markup_text(text)
    if line_breaks:
        body = body.replace("\n", "<br/>")
    return Paragraph(body, style)
