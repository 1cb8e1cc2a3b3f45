"""Refusals of a sync bundle (同步包拒收原因), each with its own code and exit status.

Every refusal carries a short code (used in receipts, logs and ``--json`` output), a
distinct command-line exit status, and a message in Chinese with the English in brackets.
Nothing is written when a bundle is refused.
"""

from __future__ import annotations


class BundleRefused(Exception):
    """Base class: the bundle is refused and nothing was written."""

    code = "refused"
    exit_status = 10
    zh = "同步包被拒收"
    en = "bundle refused"

    def __init__(self, detail: str = "", path: str | None = None) -> None:
        self.detail = detail
        self.path = path
        where = f"「{path}」" if path else ""
        extra = f"：{detail}" if detail else ""
        self.message = f"{self.zh}{where}{extra} ({self.en})"
        super().__init__(self.message)


class DamagedBundle(BundleRefused):
    code = "damaged"
    exit_status = 11
    zh = "同步包文件不完整或已损坏（可能在拷贝时被截断）"
    en = "bundle file truncated or damaged"


class UnexpectedMember(BundleRefused):
    code = "member"
    exit_status = 12
    zh = "同步包内含有不应出现的文件"
    en = "unexpected member name in bundle"


class UnsupportedVersion(BundleRefused):
    code = "version"
    exit_status = 13
    zh = "同步包格式版本未知或比本软件新，请先升级软件"
    en = "unknown or newer bundle format_version"


class ManifestInvalid(BundleRefused):
    code = "manifest"
    exit_status = 14
    zh = "同步包清单无法识别"
    en = "manifest is not valid"


class BadSignature(BundleRefused):
    code = "signature"
    exit_status = 15
    zh = "同步包签名无效，内容可能被改动"
    en = "bad signature"


class UnknownSender(BundleRefused):
    code = "sender"
    exit_status = 16
    zh = "同步包来自未登记的站点密钥"
    en = "unknown sender key"


class HashMismatch(BundleRefused):
    code = "hash"
    exit_status = 17
    zh = "同步包数据校验值不符，文件已被改动或损坏"
    en = "payload hash mismatch"


class DecryptionFailed(BundleRefused):
    code = "decrypt"
    exit_status = 18
    zh = "同步包无法解密（不是发给本机的，或数据已损坏）"
    en = "decryption failed"


class LimitExceeded(BundleRefused):
    code = "limits"
    exit_status = 19
    zh = "同步包大小或压缩比超出安全上限（疑似压缩炸弹）"
    en = "size or compression ratio past sane limits"


class SchemaInvalid(BundleRefused):
    code = "schema"
    exit_status = 20
    zh = "同步包中的记录不符合格式要求"
    en = "records fail schema validation"


class EventClash(BundleRefused):
    code = "event-clash"
    exit_status = 21
    zh = "同一个变更编号出现了不同的内容"
    en = "same event id with different content"


class WrongKind(BundleRefused):
    code = "kind"
    exit_status = 22
    zh = "同步包类型不适用于此操作"
    en = "bundle kind not accepted here"


class EnrolmentInvalid(BundleRefused):
    code = "enrolment"
    exit_status = 23
    zh = "同步包的入网证明无效（入网文件已用过、已作废、属于别的社区，或不是区级发出的）"
    en = "enrolment proof invalid"


class Unauthorised(BundleRefused):
    code = "authority"
    exit_status = 24
    zh = "同步包修改了不属于发送社区的记录，整包拒收"
    en = "bundle touches records of another community"


class HubBusy(BundleRefused):
    code = "busy"
    exit_status = 25
    zh = "另一个导入正在进行，等待超时，请稍后再导入此包"
    en = "another import holds the hub; try again later"


ALL_REFUSALS: tuple[type[BundleRefused], ...] = (
    DamagedBundle,
    UnexpectedMember,
    UnsupportedVersion,
    ManifestInvalid,
    BadSignature,
    UnknownSender,
    HashMismatch,
    DecryptionFailed,
    LimitExceeded,
    SchemaInvalid,
    EventClash,
    WrongKind,
    EnrolmentInvalid,
    Unauthorised,
    HubBusy,
)
