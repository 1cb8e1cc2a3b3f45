"""Bundle format: round trip and every refusal of DESIGN §3 rule 1, with real crypto."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from afc_desktop.sync import bundle, crypto, errors, keys


@pytest.fixture()
def parties(tmp_path):
    site = keys.ensure_site_keys(tmp_path / "site_keys")
    district = keys.create_district_keys(tmp_path / "district_keys", b"secret pass")
    recipient = bundle.Recipient("320508", district.enc_public, district.key_id)
    return site, district, recipient


def event(i: int, site_id: str = "site-a") -> dict:
    return {
        "event_id": f"{site_id}-{i}",
        "site_id": site_id,
        "seq": i,
        "table": "person",
        "record_id": f"rec-{i % 7}",
        "op": "upsert",
        "base_rev": None,
        "fields": {"name": f"张三{i}", "phone": "13800000000"},
        "at": "2026-03-01T08:00:00+00:00",
        "actor": "admin",
    }


def write(tmp_path, parties, records, kind="changes", **kw):
    site, _district, recipient = parties
    return bundle.write_bundle(
        tmp_path / "out",
        records,
        kind=kind,
        signer=site,
        site_id="site-a",
        community_code="320508001",
        recipient=recipient,
        **kw,
    ).path


def read_all(path, district, trusted_key_ids=None, **kw):
    with bundle.open_bundle(
        path,
        is_trusted=(lambda r: r.sender_key_id in trusted_key_ids) if trusted_key_ids else None,
        **kw,
    ) as r:
        return list(r.records(district.encryption))


def rebuild(src: Path, dst: Path, *, manifest=None, payload=None, signer=None, extra_member=None):
    """Re-zip a bundle with changed parts, as a tamperer or a buggy writer would."""
    with zipfile.ZipFile(src) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    if payload is not None:
        parts[bundle.PAYLOAD] = payload(parts[bundle.PAYLOAD])
    if manifest is not None:
        m = json.loads(parts[bundle.MANIFEST])
        manifest(m)
        parts[bundle.MANIFEST] = json.dumps(m).encode()
    if signer is not None:
        parts[bundle.SIGNATURE] = crypto.sign(signer.signing, parts[bundle.MANIFEST])
    with zipfile.ZipFile(dst, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        if extra_member:
            zf.writestr(extra_member, b"x")
    return dst


def test_round_trip_streams_every_event_and_names_ranges(tmp_path, parties):
    site, district, _ = parties
    path = write(tmp_path, parties, (event(i) for i in range(1, 501)))
    assert path.suffix == ".afcbundle"
    assert not list(path.parent.glob("*.part"))
    got = read_all(path, district, {site.key_id})
    assert got == [event(i) for i in range(1, 501)]
    with bundle.open_bundle(path) as r:
        assert r.ranges == {"site-a": {"seq_from": 1, "seq_to": 500, "count": 500}}
        assert r.kind == "changes"


def test_lost_usb_stick_gives_nothing_away(tmp_path, parties):
    path = write(tmp_path, parties, [event(1)])
    raw = path.read_bytes()
    assert "张三".encode() not in raw and b"13800000000" not in raw


def test_bundle_for_someone_else_cannot_be_decrypted(tmp_path, parties):
    path = write(tmp_path, parties, [event(1)])
    other = keys.ensure_site_keys(tmp_path / "other")
    with pytest.raises(errors.DecryptionFailed):
        read_all(path, other)


def test_flipped_byte_in_payload_is_refused(tmp_path, parties):
    path = write(tmp_path, parties, (event(i) for i in range(1, 50)))
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(bundle.PAYLOAD)
    data = bytearray(path.read_bytes())
    # local header: 30 bytes + name + extra; flip a byte in the middle of the data
    name_len = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    data[start + info.compress_size // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(errors.HashMismatch) as exc:
        read_all(path, parties[1])
    assert "校验值不符" in exc.value.message


def test_payload_changed_with_valid_zip_crc_fails_signed_hash(tmp_path, parties):
    path = write(tmp_path, parties, [event(1)])

    def flip(p: bytes) -> bytes:
        b = bytearray(p)
        b[10] ^= 0xFF
        return bytes(b)

    bad = rebuild(path, tmp_path / "bad.afcbundle", payload=flip)
    with pytest.raises(errors.HashMismatch):
        read_all(bad, parties[1])


def test_flipped_byte_in_manifest_is_refused(tmp_path, parties):
    path = write(tmp_path, parties, [event(1)])
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(bundle.MANIFEST)
        manifest = zf.read(bundle.MANIFEST)
    data = bytearray(path.read_bytes())
    pos = data.index(manifest[:200], info.header_offset) + manifest.index(b'"created_at"') + 16
    data[pos] ^= 0x01
    path.write_bytes(bytes(data))
    # the zip's own CRC catches the raw flip (a re-zipped edit fails the signature, below)
    with pytest.raises(errors.HashMismatch):
        read_all(path, parties[1])


def test_edited_manifest_with_valid_zip_fails_signature(tmp_path, parties):
    path = write(tmp_path, parties, [event(1)])

    def edit(m):
        m["ranges"]["site-a"]["seq_to"] = 99

    bad = rebuild(path, tmp_path / "bad.afcbundle", manifest=edit)
    with pytest.raises(errors.BadSignature) as exc:
        read_all(bad, parties[1])
    assert "签名无效" in exc.value.message


def test_wrong_signer_is_an_unknown_sender(tmp_path, parties):
    site, district, _ = parties
    path = write(tmp_path, parties, [event(1)])
    intruder = keys.ensure_site_keys(tmp_path / "intruder")

    def swap_key(m):
        m["source"]["sign_public"] = crypto.b64e(intruder.sign_public)

    forged = rebuild(path, tmp_path / "forged.afcbundle", manifest=swap_key, signer=intruder)
    with pytest.raises(errors.UnknownSender):
        read_all(forged, district, {site.key_id})
    # the genuine bundle passes the same check, and enrolling accepts an unknown key
    assert read_all(path, district, {site.key_id})
    assert read_all(forged, district, {site.key_id}, allow_unknown_sender=True)


def test_truncated_file_is_refused(tmp_path, parties):
    path = write(tmp_path, parties, (event(i) for i in range(1, 2000)))
    data = path.read_bytes()
    for cut in (len(data) // 2, len(data) - 10, 100):
        path.write_bytes(data[:cut])
        with pytest.raises(errors.DamagedBundle) as exc:
            read_all(path, parties[1])
        assert "截断" in exc.value.message


def test_dropped_final_chunk_is_detected_even_with_consistent_manifest(tmp_path, parties):
    site, district, _ = parties
    path = write(
        tmp_path, parties, ({**event(i), "fields": {"n": str(i) * 40}} for i in range(1, 40000))
    )
    with zipfile.ZipFile(path) as zf:
        payload = zf.read(bundle.PAYLOAD)
    first_len = int.from_bytes(payload[:4], "big")
    cut = payload[: 4 + first_len]
    assert len(cut) < len(payload)

    def fix(m):
        m["payload"]["size"] = len(cut)
        m["payload"]["sha256"] = __import__("hashlib").sha256(cut).hexdigest()

    bad = rebuild(
        path, tmp_path / "cut.afcbundle", payload=lambda p: cut, manifest=fix, signer=site
    )
    with pytest.raises(errors.DecryptionFailed):
        read_all(bad, district)


def test_member_named_dotdot_is_refused(tmp_path, parties):
    path = write(tmp_path, parties, [event(1)])
    bad = rebuild(path, tmp_path / "evil.afcbundle", extra_member="../x")
    with pytest.raises(errors.UnexpectedMember) as exc:
        read_all(bad, parties[1])
    assert "../x" in exc.value.message
    assert not (tmp_path / "x").exists()


def test_compression_bomb_is_refused(tmp_path, parties):
    records = ({"type": "form", "pad": "0" * 1000} for _ in range(40_000))
    path = write(tmp_path, parties, records, kind="reference")
    with pytest.raises(errors.LimitExceeded) as exc:
        read_all(path, parties[1])
    assert "压缩" in exc.value.message


def test_newer_format_version_is_refused(tmp_path, parties):
    site = parties[0]
    path = write(tmp_path, parties, [event(1)])

    def bump(m):
        m["format_version"] = bundle.FORMAT_VERSION + 1

    newer = rebuild(path, tmp_path / "v2.afcbundle", manifest=bump, signer=site)
    with pytest.raises(errors.UnsupportedVersion) as exc:
        read_all(newer, parties[1])
    assert "升级" in exc.value.message


def test_event_failing_schema_is_refused(tmp_path, parties):
    bad_event = {**event(1), "op": "drop-table"}
    path = write(tmp_path, parties, [event(2), bad_event], validate=False)
    with pytest.raises(errors.SchemaInvalid) as exc:
        read_all(path, parties[1])
    assert "op" in exc.value.message
    with pytest.raises(errors.SchemaInvalid):
        write(tmp_path, parties, [bad_event])


def test_each_refusal_has_its_own_exit_status_and_code():
    statuses = [cls.exit_status for cls in errors.ALL_REFUSALS]
    codes = [cls.code for cls in errors.ALL_REFUSALS]
    assert len(set(statuses)) == len(statuses)
    assert len(set(codes)) == len(codes)
    assert 0 not in statuses and 1 not in statuses and 2 not in statuses


def test_district_keys_need_the_passphrase(tmp_path):
    made = keys.create_district_keys(tmp_path, b"right")
    with pytest.raises(keys.KeyFileError) as exc:
        keys.load_district_keys(tmp_path, b"wrong")
    assert "口令" in exc.value.message
    assert keys.load_district_keys(tmp_path, b"right").key_id == made.key_id
    stored = (tmp_path / keys.DISTRICT_KEY_FILE).read_bytes()
    assert b'"kdf": "scrypt"' in stored
    assert crypto.b64e(crypto.private_raw(made.signing)).encode() not in stored


def test_site_keys_are_made_once_and_kept(tmp_path):
    a = keys.ensure_site_keys(tmp_path / "k")
    b = keys.ensure_site_keys(tmp_path / "k")
    assert a.key_id == b.key_id and a.enc_public == b.enc_public


def test_pairing_file_round_trip(tmp_path):
    laptop = keys.ensure_site_keys(tmp_path / "k")
    path = keys.write_pairing_file(tmp_path / "p.afcpair", laptop, "site-b", "320508001")
    party = keys.read_pairing_file(path)
    assert party.site_id == "site-b" and party.key_id == laptop.key_id
