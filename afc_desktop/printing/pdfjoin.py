"""Joining the parts of a large batch into one PDF (合订分段写出), one part in memory at a time.

reportlab keeps every page and every embedded picture of a document until it writes the file,
so ``batch.py`` draws a large batch in parts and joins them here. pdfium (pypdfium2) and qpdf
(pikepdf) both hold what they import until they save (measured on eight 29 MB parts: the peak
grew by about 250 and 225 MB, the size of the result), so the join is done here, for the files
reportlab writes and nothing else: a classic cross-reference table, no object streams, one flat
page tree. Each part's objects are copied byte for byte with their numbers shifted (streams are
never decoded); its pages go into one new page tree; the first part's catalog and document
information (title, author) are kept. Memory: one part's file, plus a number per object.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_HEAD = re.compile(rb"xref\s+0\s+(\d+)\s+")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
_OBJ_HEAD = re.compile(rb"(\d+) 0 obj")
_REF = re.compile(rb"(?<![\d.])(\d+) 0 R(?![A-Za-z])")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_ID = re.compile(rb"/ID\s*\[\s*(<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>)\s*\]")

# numbers of the joined file's own objects; the parts' objects follow
_PAGES, _CATALOG, _INFO, _FIRST_FREE = 1, 2, 3, 4


class JoinError(ValueError):
    """A part is not a PDF as reportlab writes it (the join copies only such files)."""


@dataclass
class _Part:
    data: bytes
    spans: dict[int, tuple[int, int]]  # object number -> (start, end) in data
    root: int
    info: int
    pages: int  # the page tree's root
    kids: list[int] = field(default_factory=list)
    file_id: bytes = b""


def _ref(text: bytes, key: bytes) -> int:
    m = re.search(rb"/" + key + rb"\s+(\d+) 0 R", text)
    if not m:
        raise JoinError(f"no /{key.decode()} reference")
    return int(m.group(1))


def _read_part(path: Path) -> _Part:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise JoinError(f"{path.name} is not a PDF")
    m = _STARTXREF.search(data, max(0, len(data) - 64))
    if not m:
        raise JoinError(f"{path.name}: no startxref")
    xref_at = int(m.group(1))
    head = _XREF_HEAD.match(data, xref_at)
    if not head:
        raise JoinError(f"{path.name}: no classic cross-reference table")
    count = int(head.group(1))
    entries = _XREF_ENTRY.findall(data, head.end(), head.end() + 20 * count)
    if len(entries) != count:
        raise JoinError(f"{path.name}: cross-reference table cut short")
    offsets = sorted(
        (int(offset), number) for number, (offset, _gen, kind) in enumerate(entries) if kind == b"n"
    )
    spans: dict[int, tuple[int, int]] = {}
    for i, (start, number) in enumerate(offsets):
        end = offsets[i + 1][0] if i + 1 < len(offsets) else xref_at
        spans[number] = (start, end)
    trailer = _TRAILER.search(data, xref_at)
    if not trailer:
        raise JoinError(f"{path.name}: no trailer")
    root, info = _ref(trailer.group(1), b"Root"), _ref(trailer.group(1), b"Info")
    file_id = _ID.search(trailer.group(1))
    part = _Part(data, spans, root, info, 0, file_id=file_id.group(1) if file_id else b"")
    part.pages = _ref(_body(part, root), b"Pages")
    tree = _body(part, part.pages)
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", tree)
    if b"/Pages" not in tree or not kids:
        raise JoinError(f"{path.name}: no page tree")
    part.kids = [int(k) for k in _REF.findall(kids.group(1))]
    for kid in part.kids:
        if re.search(rb"/Type\s*/Pages\b", _body(part, kid)):
            raise JoinError(f"{path.name}: nested page tree")
    return part


def _body(part: _Part, number: int) -> bytes:
    try:
        start, end = part.spans[number]
    except KeyError:
        raise JoinError(f"object {number} missing") from None
    return part.data[start:end]


def _copy_object(out: BinaryIO, part: _Part, number: int, new: dict[int, int]) -> None:
    start, end = part.spans[number]
    view = memoryview(part.data)[start:end]
    # a stream's dictionary is renumbered, its data copied as it is
    stream = _STREAM.search(bytes(view[:65536])) if b"endstream" in bytes(view[-32:]) else None
    split = stream.end() if stream else len(view)
    head = bytes(view[:split])
    m = _OBJ_HEAD.match(head)
    if not m or int(m.group(1)) != number:
        raise JoinError(f"object {number} is not where the table says")

    def renumber(ref: re.Match[bytes]) -> bytes:
        try:
            return b"%d 0 R" % new[int(ref.group(1))]
        except KeyError:
            raise JoinError(f"object {number} refers to a missing object") from None

    out.write(b"%d 0 obj" % new[number])
    out.write(_REF.sub(renumber, head[m.end() :]))
    out.write(view[split:])


def join_pdfs(parts: Sequence[Path], out: Path) -> int:
    """Write the pages of ``parts`` (PDFs written by reportlab), in order, into one PDF at
    ``out``; returns its page count. Only one part is read into memory at a time."""
    if not parts:
        raise ValueError("no parts to join")
    offsets: dict[int, int] = {}
    kids: list[int] = []
    next_number = _FIRST_FREE
    file_id = b""
    with open(out, "wb") as fh:
        for index, path in enumerate(parts):
            part = _read_part(path)
            new = {part.pages: _PAGES, part.root: _CATALOG, part.info: _INFO}
            for number in sorted(part.spans):
                if number not in new:
                    new[number] = next_number
                    next_number += 1
            if index == 0:
                fh.write(part.data[: min(start for start, _end in part.spans.values())])
                file_id = part.file_id
            for number in sorted(part.spans):
                if number == part.pages or (index > 0 and number in (part.root, part.info)):
                    continue  # one page tree; the first part's catalog and information
                offsets[new[number]] = fh.tell()
                _copy_object(fh, part, number, new)
            kids.extend(new[k] for k in part.kids)
            del part
        offsets[_PAGES] = fh.tell()
        listed = " ".join(f"{k} 0 R" for k in kids)
        fh.write(
            f"{_PAGES} 0 obj\n<<\n/Count {len(kids)} /Kids [ {listed} ] /Type /Pages\n>>\n"
            "endobj\n".encode()
        )
        xref_at = fh.tell()
        fh.write(f"xref\n0 {next_number}\n0000000000 65535 f \n".encode())
        for number in range(1, next_number):
            fh.write(f"{offsets[number]:010d} 00000 n \n".encode())
        ident = b"/ID [" + file_id + b"]\n" if file_id else b""
        fh.write(
            b"trailer\n<<\n"
            + ident
            + f"/Info {_INFO} 0 R\n/Root {_CATALOG} 0 R\n/Size {next_number}\n>>\n".encode()
            + f"startxref\n{xref_at}\n%%EOF\n".encode()
        )
    return len(kids)
