"""Ids made in bulk are the same kind of id as one made alone: random UUID4 text."""

from __future__ import annotations

import uuid

from afc_desktop.store.models.base import new_id, new_ids


def test_bulk_ids_are_canonical_random_uuid4_text_and_distinct() -> None:
    ids = new_ids(20000)
    assert len(set(ids)) == 20000
    for text in ids:
        parsed = uuid.UUID(text)
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
        assert str(parsed) == text  # lower-case, dashed: the very text new_id() makes
    assert len(ids[0]) == len(new_id())
    # every bit outside version and variant varies across ids (not a counter, not fixed)
    ints = [uuid.UUID(t).int for t in ids]
    fixed = (0xF << 76) | (0x3 << 62)
    assert all((ints[0] ^ i) & fixed == 0 for i in ints)
    varying = 0
    for i in ints:
        varying |= ints[0] ^ i
    assert varying | fixed == (1 << 128) - 1


def test_no_ids_asked_none_made() -> None:
    assert new_ids(0) == []
