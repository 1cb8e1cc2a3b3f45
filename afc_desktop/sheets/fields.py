"""The register fields a ledger column can be mapped to, and the header words that name them.

Offices title their columns in many ways (姓名/老人姓名, 身份证号/公民身份号码/证件号码 ...). Each
field lists the synonyms seen in real 台账; :func:`match_field` scores a header label against them.
The list is documented in docs/excel-import.md — keep the two in step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from afc_desktop.domain.people import EXPLICIT_CATEGORIES

IGNORE = "ignore"
FLAG_PREFIX = "cat:"  # one yes/no column per category: "cat:alone" for a 独居 column of √


@dataclass(frozen=True)
class Field:
    """A target of the column mapping: key, Chinese label, value kind and header synonyms."""

    key: str
    label: str
    kind: str  # text | name | id | date | sex | phone | categories | living | flag | ignore
    synonyms: tuple[str, ...]


FIELDS: tuple[Field, ...] = (
    Field(
        "name",
        "姓名",
        "name",
        ("姓名", "老人姓名", "老年人姓名", "名字", "服务对象姓名", "对象姓名", "服务对象"),
    ),
    Field(
        "id_number",
        "身份证号",
        "id",
        (
            "身份证号",
            "身份证号码",
            "公民身份号码",
            "公民身份证号",
            "公民身份证号码",
            "证件号码",
            "证件号",
            "身份证",
            "居民身份证号",
            "居民身份证号码",
            "身份证件号码",
            "老人身份证号",
            "老人身份证号码",
        ),
    ),
    Field("sex", "性别", "sex", ("性别",)),
    Field("birth_date", "出生日期", "date", ("出生日期", "出生年月", "出生年月日", "生日")),
    Field(
        "phone",
        "联系电话",
        "phone",
        (
            "联系电话",
            "手机",
            "手机号",
            "手机号码",
            "电话",
            "电话号码",
            "联系方式",
            "本人电话",
            "老人电话",
            "固定电话",
        ),
    ),
    Field(
        "address",
        "现住址",
        "text",
        (
            "现住址",
            "居住地址",
            "现居住地址",
            "现居住地",
            "居住地",
            "家庭住址",
            "家庭地址",
            "住址",
            "地址",
            "详细地址",
        ),
    ),
    Field(
        "categories",
        "特殊困难类型",
        "categories",
        (
            "类别",
            "特殊困难类型",
            "特殊困难老年人类型",
            "老人类别",
            "人员类别",
            "对象类别",
            "困难类型",
            "老人类型",
            "类型",
        ),
    ),
    Field(
        "living_arrangement",
        "居住情况",
        "living",
        ("居住情况", "居住状况", "居住方式", "居住类型"),
    ),
    Field("ability_grade", "能力等级", "text", ("能力等级", "老年人能力等级", "评估等级")),
    Field("ability_assessed_on", "评估日期", "date", ("评估日期", "能力评估日期")),
    Field(
        "registered_on",
        "登记日期",
        "date",
        ("登记日期", "建档日期", "入册日期", "登记时间", "建档时间"),
    ),
    Field(
        "emergency_contact",
        "紧急联系人",
        "text",
        ("紧急联系人", "紧急联系人姓名", "监护人", "监护人姓名", "赡养人", "联系人", "联系人姓名"),
    ),
    Field(
        "emergency_phone",
        "紧急联系人电话",
        "phone",
        (
            "紧急联系人电话",
            "紧急联系电话",
            "紧急联系人联系电话",
            "紧急联系人手机",
            "监护人电话",
            "监护人联系电话",
            "联系人电话",
            "赡养人电话",
        ),
    ),
    Field("notes", "备注", "text", ("备注", "说明", "情况说明", "其他")),
    Field(
        IGNORE,
        "（不导入）",
        "ignore",
        ("序号", "编号", "年龄", "周岁", "实足年龄", "原行号", "错误原因"),
    ),
)

FIELDS += tuple(
    Field(
        FLAG_PREFIX + c.code,
        f"是否{c.label}",
        "flag",
        (c.label, f"是否{c.label}", f"{c.label}老人"),
    )
    for c in EXPLICIT_CATEGORIES
)

FIELD_BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}

_PARENS = re.compile(r"[（(\[【〔][^）)\]】〕]*[）)\]】〕]")
_NOISE = re.compile(r"[\s*＊※:：.。、\-_/\\|]+")


def normalize_label(text: object) -> str:
    """Fold a header cell to a comparable key: NFKC, no spaces, marks or remarks in brackets."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text))
    folded = _PARENS.sub("", folded)
    return _NOISE.sub("", folded).lower()


_EXACT: dict[str, str] = {}
for _field in FIELDS:
    for _syn in _field.synonyms:
        _EXACT.setdefault(normalize_label(_syn), _field.key)
_BY_LENGTH = sorted(_EXACT.items(), key=lambda kv: -len(kv[0]))


def match_field(label: object) -> tuple[str, float] | None:
    """The field a header label names and how sure: 1.0 exact synonym, 0.5 contains one.

    A label containing a synonym (``老人身份证号码18位``) matches the longest synonym it contains.
    """
    key = normalize_label(label)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key], 1.0
    for syn, field in _BY_LENGTH:
        if len(syn) >= 2 and syn in key:
            return field, 0.5
    return None
