"""The district's roster (区级花名册) and Enrolment v2 at the hub.

- ``add_community`` puts a community on the roster (or finds it there) and writes an
  enrolment file for it alone, with a fresh one-time secret; a second laptop of the same
  community gets a file of its own the same way.
- ``bind_sender`` runs inside an import's transaction: a bundle from a bound, unrevoked key is
  accepted for that key's community and site only; a bundle from a new key must prove an
  unused enrolment secret of the community it names, and then binds its key and burns the
  secret. If the import is refused later, the transaction rolls back and the secret stays.
- ``roster``, ``community_keys`` and ``revoke`` list and manage it (``afc-district community``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from afc_desktop.domain import community_code as cc
from afc_desktop.store.db import Database
from afc_desktop.store.models.district import (
    DistrictCommunity,
    DistrictEnrolment,
    DistrictSiteKey,
)
from afc_desktop.sync import crypto, enrolment
from afc_desktop.sync.bundle import BundleReader
from afc_desktop.sync.errors import EnrolmentInvalid, UnknownSender
from afc_desktop.sync.keys import DistrictKeys


class RosterError(Exception):
    """A roster command cannot be done; the message says why (Chinese, no personal data)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class SiteKeyView:
    key_id: str
    site_id: str
    community_code: str
    bound_at: str
    status: str  # active | revoked
    revoked_at: str | None
    revoked_reason: str


@dataclass
class EnrolmentView:
    id: str
    community_code: str
    state: str  # issued | used | withdrawn
    issued_at: str
    used_at: str | None
    key_id: str | None
    file_name: str


@dataclass
class RosterEntry:
    """One community of the roster with its keys and the state of its enrolment secrets."""

    code: str
    name: str
    street: str
    pilot: bool
    active: bool
    keys: list[SiteKeyView] = field(default_factory=list)
    enrolments: list[EnrolmentView] = field(default_factory=list)

    @property
    def street_listed(self) -> bool:
        """False when the street was typed: the reference data does not list the code's."""
        return cc.street_of(self.code)[1]

    @property
    def active_keys(self) -> int:
        return sum(1 for k in self.keys if k.status == "active")

    @property
    def secret_state(self) -> str:
        """unused (a file handed out, not yet proven) | bound | none (no file outstanding)."""
        if any(e.state == "issued" for e in self.enrolments):
            return "unused"
        return "bound" if self.active_keys else "none"


@dataclass
class IssuedEnrolment:
    code: str
    name: str
    street: str
    pilot: bool
    enrolment_id: str
    path: str
    fingerprint: str
    new_community: bool


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


def _key_view(k: DistrictSiteKey) -> SiteKeyView:
    return SiteKeyView(
        key_id=k.key_id,
        site_id=k.site_id,
        community_code=k.community_code,
        bound_at=k.bound_at.isoformat(),
        status="revoked" if k.revoked_at else "active",
        revoked_at=_iso(k.revoked_at),
        revoked_reason=k.revoked_reason,
    )


def _enrolment_view(e: DistrictEnrolment) -> EnrolmentView:
    return EnrolmentView(
        e.id, e.community_code, e.state, e.issued_at.isoformat(), _iso(e.used_at), e.key_id,
        e.file_name,
    )  # fmt: skip


def check_code(code: str, district_code: str) -> str:
    """A 12-digit 统计用区划代码 inside the district (a city-level hub, code xxxx00, takes any
    code of its city)."""
    code = code.strip()
    if not enrolment.COMMUNITY_CODE.match(code):
        raise RosterError(
            f"社区代码应为 12 位统计用区划代码（如 320508018001），收到「{code[:20]}」"
        )
    prefix = district_code.rstrip("0") if district_code.endswith("00") else district_code
    if prefix and not code.startswith(prefix):
        raise RosterError(f"社区代码 {code} 不属于本区（{district_code}）")
    return code


def _identity(code: str, name: str, street: str | None) -> cc.CommunityIdentity:
    """County and street from the code and the reference data; a street it does not list
    only with its name given (``--street``), and then marked unlisted."""
    try:
        return cc.identify(code, name, street or "")
    except cc.CommunityCodeError as exc:
        hint = "（用 --street 填写街道名称）" if exc.field == "street" and not street else ""
        raise RosterError(exc.message + hint) from None


def set_pilot(db: Database, code: str, pilot: bool) -> RosterEntry:
    """Mark a roster community a pilot (试点) or not; the plan adds pilots every year."""
    code = code.strip()
    with db.session(replaying=True) as s:
        entry = s.get(DistrictCommunity, code)
        if entry is None:
            raise RosterError(f"花名册中没有社区 {code[:20]}：请先 afc-district community add")
        entry.pilot = bool(pilot)
    return community_entry(db, code)


def add_community(
    db: Database,
    keys: DistrictKeys,
    *,
    district_code: str,
    district_name: str,
    code: str,
    name: str,
    out: Path,
    street: str | None = None,
    pilot: bool | None = None,
) -> IssuedEnrolment:
    """Add ``code`` to the roster (or reuse its entry) and write an enrolment file for it."""
    code = check_code(code, district_code)
    name = name.strip()
    now = db.clock.now()
    with db.session(replaying=True) as s:
        entry = s.get(DistrictCommunity, code)
        new = entry is None
        if entry is None:
            if not name:
                raise RosterError("请用 --name 填写社区名称")
            ident = _identity(code, name, street)
            entry = DistrictCommunity(
                code=code,
                name=ident.name,
                street=ident.street_name,
                pilot=bool(pilot),
                active=True,
                note="",
                added_at=now,
            )
            s.add(entry)
        else:
            if name and name != entry.name:
                raise RosterError(
                    f"花名册中 {code} 是「{entry.name}」，与「{name}」不一致；代码填错了吗？"
                )
            if street is not None:
                entry.street = _identity(code, entry.name, street).street_name
            if pilot is not None:
                entry.pilot = pilot
            entry.active = True
        s.flush()
        enrolment_id = enrolment.new_enrolment_id()
        secret = enrolment.new_secret()
        out = Path(out)
        if out.is_dir():
            out = out / f"enrol_{code}_{enrolment_id[:8]}{enrolment.SUFFIX}"
        s.add(
            DistrictEnrolment(
                id=enrolment_id,
                community_code=code,
                secret=crypto.b64e(secret),
                state="issued",
                issued_at=now,
                file_name=out.name[:300],
            )
        )
        s.flush()
        # written inside the transaction: a failed write leaves no roster row without a file
        enrolment.write_enrolment_file(
            out,
            keys,
            district_code=district_code,
            district_name=district_name,
            community_code=code,
            community_name=entry.name,
            street=entry.street,
            pilot=entry.pilot,
            enrolment_id=enrolment_id,
            secret=secret,
            created_at=now.isoformat(timespec="seconds"),
        )
        return IssuedEnrolment(
            code=code,
            name=entry.name,
            street=entry.street,
            pilot=entry.pilot,
            enrolment_id=enrolment_id,
            path=str(out),
            fingerprint=enrolment.fingerprint(keys.sign_public, keys.enc_public),
            new_community=new,
        )


def roster(db: Database) -> list[RosterEntry]:
    """Every community of the roster, with its keys and enrolment files."""
    with db.session(replaying=True) as s:
        entries = {
            c.code: RosterEntry(c.code, c.name, c.street, c.pilot, c.active)
            for c in s.scalars(select(DistrictCommunity).order_by(DistrictCommunity.code))
        }
        for k in s.scalars(select(DistrictSiteKey).order_by(DistrictSiteKey.bound_at)):
            if k.community_code in entries:
                entries[k.community_code].keys.append(_key_view(k))
        for e in s.scalars(select(DistrictEnrolment).order_by(DistrictEnrolment.issued_at)):
            if e.community_code in entries:
                entries[e.community_code].enrolments.append(_enrolment_view(e))
        return list(entries.values())


def community_entry(db: Database, code: str) -> RosterEntry:
    for entry in roster(db):
        if entry.code == code.strip():
            return entry
    raise RosterError(f"花名册中没有社区 {code.strip()[:20]}：请先 afc-district community add")


def revoke(db: Database, code: str, ident: str, reason: str = "") -> str:
    """Revoke a bound key (by key id or its prefix) or withdraw an unused enrolment file (by
    enrolment id or prefix). Returns what was done, as a sentence."""
    code = code.strip()
    ident = ident.strip()
    if len(ident) < 4:
        raise RosterError("请给出至少 4 位的密钥编号或入网文件编号")
    now = db.clock.now()
    with db.session(replaying=True) as s:
        if s.get(DistrictCommunity, code) is None:
            raise RosterError(f"花名册中没有社区 {code[:20]}")
        keys_ = list(
            s.scalars(
                select(DistrictSiteKey).where(
                    DistrictSiteKey.community_code == code,
                    DistrictSiteKey.key_id.startswith(ident),
                )
            )
        )
        files = list(
            s.scalars(
                select(DistrictEnrolment).where(
                    DistrictEnrolment.community_code == code,
                    DistrictEnrolment.id.startswith(ident),
                )
            )
        )
        if len(keys_) + len(files) != 1:
            raise RosterError(
                f"社区 {code} 下没有唯一匹配「{ident}」的密钥或入网文件"
                f"（匹配 {len(keys_) + len(files)} 个）"
            )
        if keys_:
            k = keys_[0]
            if k.revoked_at is not None:
                raise RosterError(f"密钥 {k.key_id} 已于 {k.revoked_at:%Y-%m-%d} 吊销")
            k.revoked_at = now
            k.revoked_reason = reason
            return f"已吊销社区 {code} 的密钥 {k.key_id}（站点 {k.site_id[:8]}）：此后它发来的同步包一律拒收"
        e = files[0]
        if e.state != "issued":
            raise RosterError(f"入网文件 {e.id[:8]} 已{'使用' if e.state == 'used' else '作废'}")
        e.state = "withdrawn"
        e.secret = None
        e.used_at = now
        return f"已作废社区 {code} 的入网文件 {e.id[:8]}：它不能再用于入网"


# --- inside an import ---------------------------------------------------------------------


def site_code(s: Session, site_id: str) -> str | None:
    """The roster code a site is bound to (by any of its keys, revoked ones included)."""
    return s.scalar(
        select(DistrictSiteKey.community_code).where(DistrictSiteKey.site_id == site_id).limit(1)
    )


def bind_sender(s: Session, reader: BundleReader, now: datetime) -> DistrictSiteKey:
    """The bound key of this bundle's sender, binding it now if it proves an enrolment."""
    src = reader.source
    label = str(reader.path)
    site_id = str(src.get("site_id", ""))
    code = str(src.get("community_code", ""))
    key = s.get(DistrictSiteKey, reader.sender_key_id)
    if key is not None:
        if key.revoked_at is not None:
            raise UnknownSender(
                f"密钥 {key.key_id} 已于 {key.revoked_at:%Y-%m-%d} 被区级吊销", label
            )
        if key.site_id != site_id or key.community_code != code:
            raise UnknownSender(
                f"密钥 {key.key_id} 登记的是社区 {key.community_code} 的站点 {key.site_id[:8]}，"
                f"包中写的是社区 {code[:12]} 的站点 {site_id[:8]}",
                label,
            )
        return key
    proof_block = src.get("enrolment")
    if not isinstance(proof_block, dict) or not isinstance(proof_block.get("id"), str):
        raise UnknownSender(
            f"密钥 {reader.sender_key_id} 未入网：请先在本社区电脑上导入区级发的入网文件", label
        )
    row = s.get(DistrictEnrolment, proof_block["id"][:36])
    if row is None:
        raise EnrolmentInvalid("入网文件不是本区发出的", label)
    if row.state == "used":
        raise EnrolmentInvalid(
            f"入网文件 {row.id[:8]} 已被另一台电脑使用过（一次性）：请向区级索取新的入网文件",
            label,
        )
    if row.state != "issued" or row.secret is None:
        raise EnrolmentInvalid(f"入网文件 {row.id[:8]} 已被区级作废", label)
    if row.community_code != code:
        raise EnrolmentInvalid(
            f"入网文件属于社区 {row.community_code}，包中写的是 {code[:12]}", label
        )
    expected = enrolment.proof(
        crypto.b64d(row.secret),
        enrolment_id=row.id,
        site_id=site_id,
        community_code=code,
        sign_public=reader.sender_sign_public,
        enc_public=reader.sender_enc_public,
    )
    if not enrolment.proof_matches(expected, proof_block.get("proof")):
        raise EnrolmentInvalid("入网证明与入网文件的一次性密码不符", label)
    elsewhere = site_code(s, site_id)
    if elsewhere is not None and elsewhere != code:
        raise EnrolmentInvalid(f"站点 {site_id[:8]} 已属于社区 {elsewhere}", label)
    entry = s.get(DistrictCommunity, code)
    if entry is None or not entry.active:
        raise EnrolmentInvalid(f"社区 {code} 不在花名册中", label)
    key = DistrictSiteKey(
        key_id=reader.sender_key_id,
        community_code=code,
        site_id=site_id,
        sign_public=crypto.b64e(reader.sender_sign_public),
        enc_public=crypto.b64e(reader.sender_enc_public),
        enrolment_id=row.id,
        bound_at=now,
        revoked_reason="",
    )
    s.add(key)
    row.state = "used"
    row.secret = None  # burnt
    row.used_at = now
    row.key_id = key.key_id
    s.flush()
    return key


def active_key_count(s: Session, code: str) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(DistrictSiteKey)
            .where(DistrictSiteKey.community_code == code, DistrictSiteKey.revoked_at.is_(None))
        )
        or 0
    )
