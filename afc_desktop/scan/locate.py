"""Finding a printed page in a picture (定位): its QR code, its corner marks, the page→pixel map.

The QR code gives the page's identity and a first, rough pose (its four corners); the corner marks
(``printing/marks.py``: 5 mm squares 9 mm from each edge) are then looked for near where that
pose puts them, and the four mark centres give a projective map (homography) from page points to
pixels that holds for a skewed scan or a phone photo taken at a slant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import zxingcpp
from PIL import Image, ImageFilter

from afc_desktop.printing.marks import (
    FIDUCIAL_SIDE,
    FIDUCIALS,
    BadSheetCode,
    SheetCode,
    parse_payload,
    qr_matrix,
    qr_rect,
)

Point = tuple[float, float]
Matrix = tuple[float, ...]  # a 3x3 homography, row-major, h[8] == 1


@dataclass(frozen=True)
class Located:
    """A page found in an image: what it is and how page points map onto its pixels."""

    code: SheetCode
    homography: Matrix

    def to_pixel(self, x: float, y: float) -> Point:
        """Pixel (column, row) of the page point (x, y) in PDF points."""
        return apply(self.homography, x, y)


class NotLocated(Exception):
    """The page could not be found or identified; the message says why in plain Chinese."""


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a small linear system by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[pivot][col]) < 1e-12:
            raise NotLocated("定位标记位置异常，无法校正")
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                if f:
                    m[r] = [v - f * p for v, p in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] for i in range(n)]


def homography(src: list[Point], dst: list[Point]) -> Matrix:
    """The projective map taking the four ``src`` points to the four ``dst`` points."""
    a: list[list[float]] = []
    b: list[float] = []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        b.append(u)
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b.append(v)
    return (*solve(a, b), 1.0)


def apply(h: Matrix, x: float, y: float) -> Point:
    """``h`` applied to (x, y)."""
    w = h[6] * x + h[7] * y + h[8]
    return ((h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w)


def _decode(image: Image.Image) -> list[Any]:
    return list(
        zxingcpp.read_barcodes(
            image,
            formats=zxingcpp.BarcodeFormat.QRCode,  # type: ignore[arg-type]
            try_rotate=False,
            try_invert=False,
        )
    )


# Ways to enlarge and sharpen a corner before decoding, tried in turn: a blurred 150 dpi photo's
# QR code (2.6 pixels a module) decodes after one of them.
SHARPEN = ((2, 3.0, 150, 2), (2, 2.0, 200, 0), (3, 2.25, 250, 0))


def _sharpened(image: Image.Image, way: tuple[int, float, int, int]) -> Image.Image:
    factor, radius, percent, threshold = way
    big = image.resize((image.width * factor, image.height * factor), Image.Resampling.BICUBIC)
    return big.filter(ImageFilter.UnsharpMask(radius, percent, threshold))


def _find_codes(image: Image.Image) -> list[tuple[str, list[Point]]]:
    """QR codes in ``image``: looked for where ours is printed (top right, or bottom left when
    the page is upside down), then in those corners enlarged and sharpened, then anywhere."""
    w, h = image.size
    regions = [(w // 2, 0, w, h // 3), (0, h * 2 // 3, w // 2, h)]
    attempts: list[tuple[tuple[int, int, int, int], tuple[int, float, int, int] | None]] = [
        *((r, None) for r in regions),
        *((r, way) for way in SHARPEN for r in regions),
        ((0, 0, w, h), None),
    ]
    for region, way in attempts:
        part = image.crop(region)
        factor = way[0] if way else 1
        found = _decode(_sharpened(part, way) if way else part)
        if found:
            out = []
            for barcode in found:
                pos = barcode.position
                corners = [pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left]
                points = [(region[0] + p.x / factor, region[1] + p.y / factor) for p in corners]
                out.append((barcode.text, points))
            return out
    return []


def read_code(image: Image.Image) -> tuple[SheetCode, list[Point]]:
    """The sheet code and the QR code's corners (top left, top right, bottom right, bottom left)."""
    ours: list[tuple[SheetCode, list[Point]]] = []
    foreign = False
    for text, corners in _find_codes(image):
        try:
            ours.append((parse_payload(text), corners))
        except BadSheetCode:
            foreign = True
    if len(ours) > 1:
        raise NotLocated("一张图片里有多页表格，请每页单独拍摄或扫描")
    if not ours:
        if foreign:
            raise NotLocated("二维码不是本系统打印的表格")
        raise NotLocated("找不到表格二维码（可能拍得太模糊、太小或被遮挡）")
    return ours[0]


def _dark_centroid(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[Point, int] | None:
    """Centre and count of the dark pixels inside ``box`` (dark: well below the local paper)."""
    left, top, right, bottom = (
        max(0, box[0]),
        max(0, box[1]),
        min(image.width, box[2]),
        min(image.height, box[3]),
    )
    if right - left < 3 or bottom - top < 3:
        return None
    crop = image.crop((left, top, right, bottom))
    hist = crop.histogram()
    total = sum(hist)
    acc, paper = 0, 255
    for level in range(255, -1, -1):  # the 80th percentile of brightness stands for paper
        acc += hist[level]
        if acc >= total * 0.2:
            paper = level
            break
    limit = paper * 0.5
    width = right - left
    sx = sy = n = 0
    for i, value in enumerate(crop.tobytes()):
        if value < limit:
            sx += i % width
            sy += i // width
            n += 1
    if n == 0:
        return None
    return (left + sx / n, top + sy / n), n


def affine(src: list[Point], dst: list[Point]) -> Matrix:
    """The least-squares affine map taking ``src`` to ``dst`` (as a homography with no
    perspective: extrapolating from a small QR code, perspective terms would run wild)."""
    rows: list[list[float]] = []
    rhs: list[float] = []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        rows.append([x, y, 1, 0, 0, 0])
        rhs.append(u)
        rows.append([0, 0, 0, x, y, 1])
        rhs.append(v)
    normal = [[sum(r[i] * r[j] for r in rows) for j in range(6)] for i in range(6)]
    target = [sum(r[i] * t for r, t in zip(rows, rhs, strict=True)) for i in range(6)]
    a = solve(normal, target)
    return (*a, 0.0, 0.0, 1.0)


def _components(bits: list[bool], width: int, height: int) -> list[list[int]]:
    """Connected groups (4-neighbour) of the True cells of a ``width`` x ``height`` grid."""
    seen = [False] * len(bits)
    groups: list[list[int]] = []
    for start, on in enumerate(bits):
        if not on or seen[start]:
            continue
        seen[start] = True
        stack, group = [start], []
        while stack:
            i = stack.pop()
            group.append(i)
            x, y = i % width, i // width
            for j, ok in (
                (i - 1, x > 0),
                (i + 1, x < width - 1),
                (i - width, y > 0),
                (i + width, y < height - 1),
            ):
                if ok and bits[j] and not seen[j]:
                    seen[j] = True
                    stack.append(j)
        groups.append(group)
    return groups


def _find_mark(image: Image.Image, cx: float, cy: float, scale: float) -> Point | None:
    """The corner mark nearest (cx, cy): a solid dark square of the expected size."""
    mm_px = 72 / 25.4 * scale  # pixels per millimetre
    half = 14 * mm_px
    box = (
        max(0, int(cx - half)),
        max(0, int(cy - half)),
        min(image.width, int(cx + half)),
        min(image.height, int(cy + half)),
    )
    if box[2] - box[0] < 8 or box[3] - box[1] < 8:
        return None
    factor = max(1, int(mm_px / 2))  # about half a millimetre per cell
    small = image.crop(box).reduce(factor)
    hist = small.histogram()
    total, acc, paper = sum(hist), 0, 255
    for level in range(255, -1, -1):
        acc += hist[level]
        if acc >= total * 0.2:
            paper = level
            break
    bits = [v < paper * 0.5 for v in small.tobytes()]
    side_cells = FIDUCIAL_SIDE / 72 * 25.4 * mm_px / factor
    expected = side_cells**2
    best: tuple[float, Point] | None = None
    for group in _components(bits, small.width, small.height):
        if not 0.4 * expected <= len(group) <= 2.2 * expected:
            continue
        xs = [i % small.width for i in group]
        ys = [i // small.width for i in group]
        w, h = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
        if not (0.6 < w / h < 1.6) or len(group) < 0.55 * w * h:
            continue  # not a solid square
        gx = box[0] + (sum(xs) / len(xs) + 0.5) * factor
        gy = box[1] + (sum(ys) / len(ys) + 0.5) * factor
        distance = (gx - cx) ** 2 + (gy - cy) ** 2
        if best is None or distance < best[0]:
            best = (distance, (gx, gy))
    if best is None:
        return None
    point = best[1]
    for half_mm in (4.0, 3.5):  # refine at full resolution
        r = half_mm * mm_px
        got = _dark_centroid(
            image, (int(point[0] - r), int(point[1] - r), int(point[0] + r), int(point[1] + r))
        )
        if got is None:
            return None
        point = got[0]
    return point


def locate(image: Image.Image) -> Located:
    """Find the page in a greyscale ``image``; raises :class:`NotLocated` with the reason."""
    code, corners = read_code(image)
    x0, y0, side = qr_rect(len(qr_matrix(code.payload())))
    qr_page = [(x0, y0 + side), (x0 + side, y0 + side), (x0 + side, y0), (x0, y0)]
    rough = affine(qr_page, corners)
    # Pixels per point near the QR code, for the size of the search windows.
    scale = (abs(rough[0] * rough[4] - rough[1] * rough[3])) ** 0.5
    found: list[Point] = []
    for fx, fy in FIDUCIALS:
        point = _find_mark(image, *apply(rough, fx, fy), scale)
        if point is None:
            raise NotLocated("找不到页面四角的定位标记（可能拍摄不完整或被遮挡）")
        found.append(point)
    return Located(code, homography(list(FIDUCIALS), found))
