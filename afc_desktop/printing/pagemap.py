"""Where every checkbox of a blank sheet is (版面图), recomputed by the layout that printed it.

A scan reader does not store what was printed: it runs the same layout (``draw_blank``) onto a
:class:`RecordingCanvas` with the form definition and the person's header, and takes the boxes
the layout reports. The QR code carries a fingerprint of the printed layout; when the
recomputed one differs (the person's register entry changed since printing, another font) the
page is not read rather than read at the wrong places.
"""

from __future__ import annotations

from dataclasses import dataclass

from afc_desktop.domain.formspec import FormSpec
from afc_desktop.printing.blank import draw_blank
from afc_desktop.printing.marks import BoxMark, layout_fingerprint
from afc_desktop.printing.recorder import RecordingCanvas
from afc_desktop.printing.records import PersonHeader


@dataclass(frozen=True)
class PageMap:
    """The boxes of each page of one blank document, and its layout fingerprint."""

    form_id: str
    form_version: int
    pages: tuple[tuple[BoxMark, ...], ...]
    fingerprint: str

    def page(self, number: int) -> tuple[BoxMark, ...]:
        """The boxes of page ``number`` (1-based); none past the end."""
        return self.pages[number - 1] if 1 <= number <= len(self.pages) else ()


def blank_page_map(form: FormSpec, person: PersonHeader | None = None) -> PageMap:
    """The page map of the blank sheet of ``form`` printed for ``person``."""
    canvas = RecordingCanvas()
    draw_blank(canvas, form, person)
    canvas.finish()
    pages = canvas.box_pages(0)
    return PageMap(form.id, form.version, tuple(tuple(p) for p in pages), layout_fingerprint(pages))
