"""The dry run's packed new people come back whole, in order, and as fresh dicts each time."""

from __future__ import annotations

from datetime import date

from afc_desktop.services.importing.model import PackedRows


def _row(i: int) -> dict[str, object]:
    return {
        "name": f"王{i}",
        "birth_date": date(1940, 1, 1 + i % 28),
        "categories": ["alone"] if i % 2 else [],
        "emergency_contacts": [{"name": "李", "relation": "", "phone": "13900000000"}],
        "_address": f"香溪花园{i}幢" if i % 3 else None,
    }


def test_rows_come_back_in_order_across_chunks_with_their_addresses() -> None:
    packed = PackedRows(chunk=4)
    for i in range(10):  # two full chunks and an open one
        packed.append(_row(i))
    assert len(packed) == 10
    assert list(packed) == [_row(i) for i in range(10)]
    assert [len(c) for c in packed.chunks()] == [4, 4, 2]
    assert packed.addresses() == [_row(i)["_address"] for i in range(10)]


def test_changing_what_came_back_does_not_change_the_plan() -> None:
    packed = PackedRows(chunk=3)
    for i in range(5):
        packed.append(_row(i))
    for row in packed:  # what the commit does to each row
        row.pop("_address")
        row["categories"].append("poor")  # type: ignore[attr-defined]
    assert list(packed) == [_row(i) for i in range(5)]
