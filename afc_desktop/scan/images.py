"""Opening what a worker scans (扫描件): a scanner's PDF or phone photos, as greyscale pages."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

with contextlib.suppress(ImportError):  # phone photos saved as HEIC/HEIF (docs/attachments.md)
    import pi_heif

    pi_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".heic", ".heif")
PDF_DPI = 200  # enough for boxes and QR codes, fast to rasterise


@dataclass(frozen=True)
class ScanPage:
    """One page of a scan: the file, its page number in that file (1 for a photo), the picture."""

    source: Path
    number: int
    image: Image.Image

    @property
    def label(self) -> str:
        """File name, with the page number for a PDF page."""
        return f"{self.source.name} 第{self.number}页" if self.number > 1 else self.source.name


def scan_files(paths: list[Path]) -> list[Path]:
    """The files to read: the files given, and every PDF or image inside a folder given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.iterdir())
                if p.is_file() and p.suffix.lower() in (".pdf", *IMAGE_SUFFIXES)
            )
        else:
            files.append(path)
    return files


def open_pages(path: Path) -> Iterator[ScanPage]:
    """Every page of ``path`` as a greyscale picture, photos turned upright by their EXIF."""
    if path.suffix.lower() == ".pdf":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(path))
        try:
            for i in range(len(doc)):
                bitmap = doc[i].render(scale=PDF_DPI / 72, grayscale=True)
                yield ScanPage(path, i + 1, bitmap.to_pil().convert("L"))
        finally:
            doc.close()
        return
    with Image.open(path) as raw:
        image = ImageOps.exif_transpose(raw) or raw
        yield ScanPage(path, 1, image.convert("L"))
