"""Preparing a picture for storage (照片处理): one plain rule set, no Qt, no database.

What is stored is always a baseline JPEG:

- the orientation the camera recorded (EXIF ``Orientation``) is applied to the pixels first, so
  a phone photo taken upright stays upright once its metadata is gone;
- the long side is at most :data:`MAX_SIDE` pixels (1600: a signed A4 sheet stays legible at
  about 135 dpi, a room's before/after photo is sharp on any laptop screen, and a photo weighs
  about 150–400 KB instead of 3–8 MB);
- JPEG quality :data:`QUALITY` (80), no EXIF, no XMP, no ICC profile, no comment: nothing of
  the original's metadata survives, location (GPS) included;
- transparency is flattened onto white; greyscale stays greyscale.

HEIC/HEIF (what iPhones and many Android phones save) is read through ``pi_heif``, the
decode-only build of pillow-heif (docs/attachments.md says why this one): libheif applies the
photo's rotation while decoding and resets the EXIF tag, so it takes the same path as a JPEG.
Without it a HEIC photo is refused with a sentence that says to export it as JPEG.

Refused with one plain-Chinese sentence (:class:`ImageRefused`): a file that is not a picture
Pillow can read, a file over :data:`MAX_INPUT_BYTES`, a picture over :data:`MAX_PIXELS` pixels
(a decompression bomb), and an empty or truncated one.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

try:  # HEIC/HEIF decoder (LGPL libheif + libde265, no encoder): registers Pillow's "HEIF"
    import pi_heif

    pi_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)
    HEIF_READABLE = True
except ImportError:  # pragma: no cover - a dependency; the refusal below still says what to do
    HEIF_READABLE = False

MAX_SIDE = 1600
QUALITY = 80
THUMB_SIDE = 240
MAX_INPUT_BYTES = 40 * 1024 * 1024  # a 108 MP phone photo is about 25 MB
MAX_PIXELS = 120_000_000  # 12,000 × 10,000; Pillow's own bomb guard is 89 MP with a warning
MEDIA_TYPE = "image/jpeg"
ACCEPTED = ("JPEG", "PNG", "WEBP", "TIFF", "BMP", "GIF", "MPO", "HEIF")
# ISO-BMFF brands of HEIC/HEIF stills and sequences (bytes 8–12 after "ftyp")
HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"mif2")
HEIC_REFUSED = "这张 HEIC 照片无法读取或已损坏：请在手机上把它导出为 JPEG 后再添加"


class ImageRefused(ValueError):
    """The picture cannot be stored; ``message`` is plain Chinese (no names, no paths)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Prepared:
    """A picture ready to store: the JPEG bytes and its size in pixels."""

    data: bytes
    width: int
    height: int


def looks_heif(data: bytes) -> bool:
    """True when ``data`` starts like a HEIC/HEIF file (an ISO-BMFF ``ftyp`` box of its brands)."""
    return data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS


def _open(data: bytes, max_side: int = MAX_SIDE) -> Image.Image:
    if not data:
        raise ImageRefused("文件是空的，不是照片")
    if len(data) > MAX_INPUT_BYTES:
        mb = len(data) / (1024 * 1024)
        raise ImageRefused(
            f"文件太大（{mb:.0f} MB，最多 {MAX_INPUT_BYTES // (1024 * 1024)} MB）：请换一张照片"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in ACCEPTED:
                raise ImageRefused("不是可以保存的照片格式（请用 JPEG 或 PNG；PDF 请用扫描回读）")
            w, h = image.size
            if w * h > MAX_PIXELS:
                raise ImageRefused("照片像素过多（超过 1.2 亿像素），无法保存")
            if image.format in ("JPEG", "MPO") and max(w, h) > 2 * max_side:
                # decode at 1/2, 1/4 or 1/8 scale, still at least max_side on the long side:
                # a 12 MP photo decodes about 4× faster
                scale = max_side / max(w, h)
                image.draft(image.mode, (round(w * scale), round(h * scale)))
            image.load()
    except ImageRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused("照片像素过多（超过 1.2 亿像素），无法保存") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, RuntimeError):
        if looks_heif(data):
            raise ImageRefused(HEIC_REFUSED) from None
        raise ImageRefused("不是照片，或照片文件已损坏（请用 JPEG 或 PNG）") from None
    return image


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        back = Image.new("RGB", rgba.size, (255, 255, 255))
        back.paste(rgba, mask=rgba.getchannel("A"))
        return back
    if image.mode in ("I;16", "I", "F", "1"):
        return image.convert("L")
    return image.convert("RGB")


def _encode(image: Image.Image) -> bytes:
    out = io.BytesIO()
    # no exif=, no icc_profile=, no comment=: Pillow writes none of them unless asked
    image.save(out, "JPEG", quality=QUALITY, optimize=True)
    return out.getvalue()


def prepare(data: bytes, max_side: int = MAX_SIDE) -> Prepared:
    """The stored form of the picture ``data`` (see the module's rules)."""
    image = _open(data, max_side)
    with contextlib.suppress(Exception):  # a broken EXIF block: keep the pixels as they are
        image = ImageOps.exif_transpose(image) or image
    return prepare_image(image, max_side)


def prepare_image(image: Image.Image, max_side: int = MAX_SIDE) -> Prepared:
    """The stored form of a picture already open and upright (a scanned page, say)."""
    image = _flatten(image)
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    clean = Image.new(image.mode, image.size)
    clean.paste(image)  # a fresh image: no info dict carried over from the original
    return Prepared(_encode(clean), clean.width, clean.height)


def thumbnail(data: bytes, side: int = THUMB_SIDE) -> bytes:
    """A small JPEG of a stored picture, for lists and printed pages."""
    opened = Image.open(io.BytesIO(data))
    opened.draft("RGB", (side, side))  # JPEG decodes at 1/2, 1/4, 1/8 scale: fast
    image = _flatten(opened)
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    return _encode(image)


def looks_stored(data: bytes) -> tuple[int, int] | None:
    """(width, height) when ``data`` is a JPEG as :func:`prepare` writes it; None otherwise.

    A received picture must be a JPEG within :data:`MAX_SIDE` (a little slack for another
    version's rounding) and carry no EXIF: anything else was not made by this program.
    """
    try:
        image = Image.open(io.BytesIO(data))
        if image.format != "JPEG" or max(image.size) > MAX_SIDE + 16:
            return None
        if image.info.get("exif") or image.getexif():
            return None
        image.verify()
    except Exception:
        return None
    return image.size
