"""Enrolment v2 (入网文件第 2 版): one signed file per community, a one-time secret, fingerprints.

The district adds a community to its roster and writes an enrolment file for that community
alone (``write_enrolment_file``): the district's public keys, the roster entry (12-digit
统计用区划代码, name, street) and a fresh one-time secret, signed by the district's Ed25519
key. The community accepts it (``verify_enrolment_file``) only when the signature verifies
*and* the district key's fingerprint (``fingerprint``: 8 groups of 4 digits, handed over on
paper or read aloud) matches what the worker types; the service also checks the community
code. The site's bundles to the district then carry ``proof`` (an HMAC of its public keys and
site id under the secret): the hub checks it once, binds the keys to the roster entry and burns
the secret. The format is described in docs/sync-bundle-format.md ("Enrolment v2").
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from afc_desktop.clock import process_clock
from afc_desktop.sync import crypto
from afc_desktop.sync.fsio import atomic_write_bytes
from afc_desktop.sync.keys import DistrictKeys, KeyFileError, PublicParty, canonical_json

ENROLMENT_FORMAT = "afc-enrolment"
ENROLMENT_VERSION = 2
SUFFIX = ".afcenrol"
SECRET_BYTES = 32
FINGERPRINT_GROUPS = 8
_FP_DOMAIN = b"afc-district-fingerprint/1"
_PROOF_PURPOSE = "afc-enrolment-proof/2"
COMMUNITY_CODE = re.compile(r"^\d{12}$")


def fingerprint(sign_public: bytes, enc_public: bytes) -> str:
    """The district key's fingerprint: 8 groups of 4 digits from SHA-256 of both public keys.

    32 decimal digits carry about 106 bits, far beyond what anyone could match by making
    keys; short enough to print on the hand-over sheet and read aloud over the phone.
    """
    digest = hashlib.sha256(_FP_DOMAIN + sign_public + enc_public).digest()
    digits = f"{int.from_bytes(digest, 'big') % 10 ** (4 * FINGERPRINT_GROUPS):032d}"
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def normalise_fingerprint(text: str) -> str:
    """Digits only, regrouped; what was typed with spaces, dashes or full-width digits."""
    table = str.maketrans("０１２３４５６７８９", "0123456789")
    digits = "".join(ch for ch in text.translate(table) if ch.isdigit())
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def proof(
    secret: bytes,
    *,
    enrolment_id: str,
    site_id: str,
    community_code: str,
    sign_public: bytes,
    enc_public: bytes,
) -> str:
    """HMAC-SHA256 under the one-time secret over the site's keys and identity (hex)."""
    message = canonical_json(
        {
            "purpose": _PROOF_PURPOSE,
            "enrolment_id": enrolment_id,
            "site_id": site_id,
            "community_code": community_code,
            "sign_public": crypto.b64e(sign_public),
            "enc_public": crypto.b64e(enc_public),
        }
    )
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def proof_matches(expected: str, given: Any) -> bool:
    return isinstance(given, str) and hmac.compare_digest(expected, given)


def new_secret() -> bytes:
    return os.urandom(SECRET_BYTES)


@dataclass(frozen=True)
class EnrolmentFile:
    """A verified enrolment file (its signature checked against the key it names)."""

    enrolment_id: str
    district: PublicParty  # code = district code
    community_code: str
    community_name: str
    street: str
    pilot: bool
    secret: bytes
    created_at: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.district.sign_public, self.district.enc_public)


def write_enrolment_file(
    path: Path,
    keys: DistrictKeys,
    *,
    district_code: str,
    district_name: str,
    community_code: str,
    community_name: str,
    street: str,
    pilot: bool,
    enrolment_id: str,
    secret: bytes,
    created_at: str = "",
) -> Path:
    """Write one community's enrolment file, signed by the district key."""
    body = {
        "format": ENROLMENT_FORMAT,
        "format_version": ENROLMENT_VERSION,
        "enrolment_id": enrolment_id,
        "district": {
            "code": district_code,
            "name": district_name,
            "sign_public": crypto.b64e(keys.sign_public),
            "enc_public": crypto.b64e(keys.enc_public),
            "key_id": keys.key_id,
        },
        "community": {
            "code": community_code,
            "name": community_name,
            "street": street,
            "pilot": pilot,
        },
        "secret": crypto.b64e(secret),
        "created_at": created_at or process_clock().now().isoformat(timespec="seconds"),
    }
    sig = crypto.sign(keys.signing, canonical_json(body))
    doc = {"body": body, "signature": crypto.b64e(sig)}
    atomic_write_bytes(Path(path), json.dumps(doc, ensure_ascii=False, indent=2).encode(), 0o600)
    return Path(path)


def new_enrolment_id() -> str:
    return str(uuid.uuid4())


def read_enrolment_file(path: Path) -> EnrolmentFile:
    """Read an enrolment file and verify its signature against the key inside it.

    A valid signature only shows the file is intact: anyone can sign with a key of their own.
    ``verify_enrolment_file`` adds the fingerprint check that ties it to *the* district.
    """
    label = "入网文件"
    try:
        doc = json.loads(Path(path).read_bytes())
        body = doc["body"]
        if not isinstance(body, dict) or body.get("format") != ENROLMENT_FORMAT:
            raise KeyFileError(f"{label}格式不对：{path} (not an enrolment file)")
        version = body.get("format_version")
        if version == 1:
            raise KeyFileError(
                f"这是旧版（第 1 版）入网文件，只含公钥，已不再接受：{path}。"
                "请向区级索取本社区的新入网文件 (enrolment v1 is no longer accepted)"
            )
        if version != ENROLMENT_VERSION:
            raise KeyFileError(f"{label}版本未知或过新：{path} (unsupported version)")
        district = body["district"]
        sign_public = crypto.b64d(district["sign_public"])
        crypto.verify(sign_public, crypto.b64d(doc["signature"]), canonical_json(body))
        community = body["community"]
        result = EnrolmentFile(
            enrolment_id=str(body["enrolment_id"]),
            district=PublicParty(
                sign_public=sign_public,
                enc_public=crypto.b64d(district["enc_public"]),
                code=str(district["code"]),
                name=str(district.get("name", "")),
            ),
            community_code=str(community["code"]),
            community_name=str(community.get("name", "")),
            street=str(community.get("street", "")),
            pilot=bool(community.get("pilot", False)),
            secret=crypto.b64d(body["secret"]),
            created_at=str(body.get("created_at", "")),
        )
    except KeyFileError:
        raise
    except OSError as exc:
        raise KeyFileError(f"无法读取{label}：{path} ({exc.strerror})") from exc
    except crypto.CryptoError as exc:
        raise KeyFileError(f"{label}签名无效，可能被改动：{path} (signature invalid)") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyFileError(f"{label}已损坏：{path} (damaged: {type(exc).__name__})") from exc
    if not COMMUNITY_CODE.match(result.community_code) or len(result.secret) != SECRET_BYTES:
        raise KeyFileError(f"{label}内容不完整：{path} (community code or secret malformed)")
    return result


def verify_enrolment_file(path: Path, typed_fingerprint: str) -> EnrolmentFile:
    """Read ``path`` and refuse it unless the district fingerprint typed in matches."""
    enrolment = read_enrolment_file(path)
    typed = normalise_fingerprint(typed_fingerprint or "")
    if len(typed.replace(" ", "")) != 4 * FINGERPRINT_GROUPS:
        raise KeyFileError(
            "请输入区级提供的密钥指纹：8 组、每组 4 位数字 (fingerprint must be 32 digits)"
        )
    if not hmac.compare_digest(typed, enrolment.fingerprint):
        raise KeyFileError(
            "入网文件的区级密钥指纹与输入的不一致：文件可能是伪造的，请与区级核对指纹 "
            "(fingerprint does not match: the file was not signed by your district)"
        )
    return enrolment
