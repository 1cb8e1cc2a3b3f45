"""``afc-district`` and ``afc bundle``/``afc enrol`` end to end, through their main()."""

from __future__ import annotations

import json

import pytest

from afc_desktop.cli import main as afc
from afc_desktop.district.cli import main as district
from afc_desktop.paths import DataDir
from afc_desktop.services.context import open_app
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.sync import errors


def test_district_cli_round_trip(tmp_path, capsys):
    home = tmp_path / "hub"
    pw = tmp_path / "pw.txt"
    pw.write_text("district secret\n")
    enrol = tmp_path / "enrol.afcenrol"
    common = ["--home", str(home), "--passphrase-file", str(pw)]
    capsys.readouterr()
    assert district(["init", "--code", "320508", "--json", *common]) == 0
    fingerprint = json.loads(capsys.readouterr().out)["fingerprint"]
    assert len(fingerprint.split()) == 8 and all(len(g) == 4 for g in fingerprint.split())
    # a second init would overwrite the keys: refused
    assert district(["init", "--code", "320508", *common]) == 1
    add = ["community", "add", "--code", "320508018001", "--name", "梅巷社区", "--out"]
    assert district([*add, str(enrol), "--json", *common]) == 0
    issued = json.loads(capsys.readouterr().out)
    assert issued["fingerprint"] == fingerprint and issued["path"] == str(enrol)

    site_dir = tmp_path / "site"
    ctx = open_app(DataDir(site_dir))
    run_setup(ctx, CommunityInput("320508", "梅巷社区"), "admin", "admin-pass-1")
    register_person(ctx, PersonInput(name="张三", id_number="320508194501011236"))
    ctx.db.dispose()

    assert (
        afc(["enrol", str(enrol), "--fingerprint", fingerprint, "--data-dir", str(site_dir)]) == 0
    )
    usb = tmp_path / "usb"
    capsys.readouterr()
    assert afc(["bundle", "export", "--out", str(usb), "--data-dir", str(site_dir), "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["records"] >= 2

    truncated = usb / "broken.afcbundle"
    truncated.write_bytes(open(exported["path"], "rb").read()[:500])  # noqa: SIM115
    status = district(["import", str(usb), *common])
    out = capsys.readouterr().out
    assert status == errors.DamagedBundle.exit_status
    assert "拒收 broken.afcbundle" in out and "已导入" in out

    assert district(["status", "--json", *common]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["contiguous_seq"] == exported["records"]

    assert district(["report", "--json", *common]) == 0
    report = json.loads(capsys.readouterr().out)
    assert any(r["name"] == "梅巷社区" and r["elders"] == 1 for r in report["communities"])

    assert district(["duplicates", *common]) == 0
    assert "没有跨社区重复登记" in capsys.readouterr().out

    receipts = tmp_path / "receipts"
    assert district(["receipts", "--out", str(receipts), *common]) == 0
    receipt = next(receipts.glob("*.afcbundle"))
    capsys.readouterr()
    assert afc(["bundle", "import", str(receipt), "--data-dir", str(site_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["acked_seq"] == exported["records"]

    # reference data back to the community: forms and the district resource directory
    forms = tmp_path / "forms"
    forms.mkdir()
    (forms / "visit-check.yaml").write_text("id: visit-check\nversion: 2\n", encoding="utf-8")
    resources = tmp_path / "resources.json"
    resources.write_text(
        json.dumps([{"name": "姑苏区助餐中心", "kind": "facility"}]), encoding="utf-8"
    )
    refs = tmp_path / "refs"
    args = ["reference", "--forms", str(forms), "--resources", str(resources), "--out", str(refs)]
    assert district([*args, *common]) == 0
    ref = next(refs.glob("*.afcbundle"))
    capsys.readouterr()
    assert afc(["bundle", "import", str(ref), "--data-dir", str(site_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reference_items"] == 2
    saved = site_dir / "reference"
    assert "version: 2" in (saved / "forms" / "visit-check.yaml").read_text(encoding="utf-8")
    assert "助餐中心" in (saved / "district_resources.json").read_text(encoding="utf-8")
    # a reference bundle is not accepted by the hub
    assert district(["import", str(ref), *common]) == errors.WrongKind.exit_status

    assert afc(["sync-conflicts", "--data-dir", str(site_dir)]) == 0
    assert "没有待处理的冲突" in capsys.readouterr().out

    # wrong passphrase: a clear refusal
    pw.write_text("wrong")
    assert district(["import", str(usb), *common]) == 1
    assert "口令" in capsys.readouterr().err


def test_site_refusals_have_clear_messages_and_statuses(tmp_path, capsys):
    site_dir = tmp_path / "site"
    ctx = open_app(DataDir(site_dir))
    run_setup(ctx, CommunityInput("320508", "梅巷社区"), "admin", "admin-pass-1")
    ctx.db.dispose()
    base = ["--data-dir", str(site_dir)]
    assert afc(["bundle", "export", "--out", str(tmp_path / "usb"), *base]) == 1
    assert "入网文件" in capsys.readouterr().err
    junk = tmp_path / "junk.afcbundle"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    assert afc(["bundle", "import", str(junk), *base]) == errors.DamagedBundle.exit_status
    assert "损坏" in capsys.readouterr().err
    # a well-formed bundle from a laptop this site never paired with
    stranger_dir = tmp_path / "stranger"
    other = open_app(DataDir(stranger_dir))
    run_setup(other, CommunityInput("320508", "桃坞社区"), "admin", "admin-pass-1")
    other.db.dispose()
    pair = tmp_path / "site.afcpair"
    assert afc(["pair", "export", "--out", str(pair), *base]) == 0
    assert afc(["pair", "import", str(pair), "--data-dir", str(stranger_dir)]) == 0
    out = tmp_path / "x"
    assert (
        afc(
            [
                "bundle",
                "export",
                "--to",
                pair_site(pair),
                "--out",
                str(out),
                "--data-dir",
                str(stranger_dir),
            ]
        )
        == 0
    )
    capsys.readouterr()
    bundle_path = next(out.glob("*.afcbundle"))
    assert afc(["bundle", "import", str(bundle_path), *base]) == errors.UnknownSender.exit_status
    assert "未登记" in capsys.readouterr().err


def pair_site(path):
    from afc_desktop.sync.keys import read_pairing_file

    return read_pairing_file(path).site_id


def test_community_add_writes_the_enrolment_file_into_a_folder(tmp_path, capsys):
    """``--out`` may name a folder (the USB stick); the file gets its usual name there."""
    pw = tmp_path / "pw"
    pw.write_text("district-pass-1", encoding="utf-8")
    usb = tmp_path / "usb"
    usb.mkdir()
    common = ["--home", str(tmp_path / "hub"), "--passphrase-file", str(pw)]
    assert district(["init", "--code", "320508", *common]) == 0
    assert "密钥指纹：" in capsys.readouterr().out
    add = ["community", "add", "--code", "320508018001", "--name", "梅巷社区"]
    assert district([*add, "--out", str(usb), *common]) == 0
    out = capsys.readouterr().out
    [made] = usb.glob("enrol_320508018001_*.afcenrol")
    assert str(made) in out and "密钥指纹：" in out
    assert (tmp_path / "hub" / "district.json").is_file()  # --home after the command is honoured


def test_the_hub_database_is_encrypted_under_the_district_passphrase(tmp_path, capsys):
    """Issue 16: the hub's SQLite file gives nothing away without the district passphrase."""
    from afc_desktop.district import hub
    from afc_desktop.store import cipher

    pw = tmp_path / "pw"
    pw.write_text("district-pass-1", encoding="utf-8")
    home = tmp_path / "hub"
    common = ["--home", str(home), "--passphrase-file", str(pw)]
    assert district(["init", "--code", "320508", *common]) == 0
    db_path = home / hub.HUB_DB_NAME
    assert db_path.exists() and not cipher.is_plaintext(db_path)
    assert district(["status", *common]) == 0
    wrong = tmp_path / "wrong"
    wrong.write_text("not-the-passphrase", encoding="utf-8")
    capsys.readouterr()
    assert district(["status", "--home", str(home), "--passphrase-file", str(wrong)]) == 1
    assert "口令不正确" in capsys.readouterr().err


def test_a_plaintext_hub_database_is_encrypted_at_first_open(tmp_path):
    from afc_desktop.district import hub
    from afc_desktop.store import cipher

    path = tmp_path / "hub.sqlite3"
    hub.open_hub(path).dispose()  # as an older version left it
    assert cipher.is_plaintext(path)
    db = hub.open_hub(path, b"district-pass-1")
    assert hub.status(db) == []
    db.dispose()
    assert not cipher.is_plaintext(path)
    with pytest.raises(hub.HubError, match="口令不正确"):
        hub.open_hub(path, b"another")
