"""Messages from services and the domain (服务层提示), shown in the interface language.

Services and the domain speak plain Chinese by design (the CLI prints their messages as they
are, and they are written where the rule is). The UI shows them through :func:`shown`:

- ``afc_desktop.i18n_build`` collects every literal and f-string given to an ``…Error(…)`` or
  ``…Problem(…)`` below the UI into the .ts under the context ``ServiceMessages``; an f-string's
  values become ``{0}``, ``{1}`` … (``密码至少需要{0}个字符``);
- a message equal to a collected literal is translated directly; otherwise it is matched
  against the templates with values (``service_messages.json``, written beside the .qm), the
  most specific template first, and the values are put into the translated template, each
  shown the same way (a value may itself be a domain label or a nested message);
- a message made of parts (``第1位老人：…``, problems joined with ``；``) is shown part by part.

In the Chinese UI nothing is installed for these contexts and every message stays as it is.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .domain_labels import label as domain_label
from .i18n import TRANSLATIONS_DIR

CONTEXT = "ServiceMessages"
TEMPLATES_FILE = TRANSLATIONS_DIR / "service_messages.json"
PLACEHOLDER = re.compile(r"\{(\d+)\}")
# Separators of composite messages, with their English form.
SEPARATORS = (("；", "; "), ("：", ": "))


# Parts services put into their messages that are no error call themselves: where a message
# applies (household_visits: ``第{i}位老人：`` + the elder's own message), the field names
# given to daily_common's checks, task states.
PARTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ServiceMessages", "第{0}位老人"),
    QT_TRANSLATE_NOOP("ServiceMessages", "服务内容"),
    QT_TRANSLATE_NOOP("ServiceMessages", "资源名称"),
    QT_TRANSLATE_NOOP("ServiceMessages", "项目名称"),
    QT_TRANSLATE_NOOP("ServiceMessages", "成员姓名"),
    QT_TRANSLATE_NOOP("ServiceMessages", "待办内容"),
    QT_TRANSLATE_NOOP("ServiceMessages", "服务日期"),
    QT_TRANSLATE_NOOP("ServiceMessages", "发现日期"),
    QT_TRANSLATE_NOOP("ServiceMessages", "转介日期"),
    QT_TRANSLATE_NOOP("ServiceMessages", "待办"),
    QT_TRANSLATE_NOOP("ServiceMessages", "已完成"),
    QT_TRANSLATE_NOOP("ServiceMessages", "已取消"),
    # scan read-back (services/scanning.py, scan/): a sheet's note and why a page was not read
    QT_TRANSLATE_NOOP("ServiceMessages", "缺第{0}页"),
    QT_TRANSLATE_NOOP("ServiceMessages", "探访日期暂填扫描当天，请按纸面修改"),
    QT_TRANSLATE_NOOP("ServiceMessages", "文件无法打开（不是图片或 PDF，或已损坏）"),
    QT_TRANSLATE_NOOP("ServiceMessages", "与前面的第{0}页重复，已跳过"),
    QT_TRANSLATE_NOOP("ServiceMessages", "定位标记位置异常，无法校正"),
    QT_TRANSLATE_NOOP("ServiceMessages", "一张图片里有多页表格，请每页单独拍摄或扫描"),
    QT_TRANSLATE_NOOP("ServiceMessages", "二维码不是本系统打印的表格"),
    QT_TRANSLATE_NOOP("ServiceMessages", "找不到表格二维码（可能拍得太模糊、太小或被遮挡）"),
    QT_TRANSLATE_NOOP("ServiceMessages", "找不到页面四角的定位标记（可能拍摄不完整或被遮挡）"),
    QT_TRANSLATE_NOOP("ServiceMessages", "这是已填写的报告或记录，没有可回读的勾选框"),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "表格版面与打印时不一致（人员信息或表单已改动），请重新打印后填写"
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "找不到表单 {0} 第{1}版的定义"),
    QT_TRANSLATE_NOOP("ServiceMessages", "户级表格只有入户探访记录可以回读"),
    QT_TRANSLATE_NOOP("ServiceMessages", "表格所属人员不在登记册中（可能已删除）"),
    QT_TRANSLATE_NOOP("ServiceMessages", "表格所属家庭不在登记册中（可能已合并或删除）"),
)


@lru_cache(maxsize=1)
def _templates() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, template) of every template with values, most literal text first."""
    try:
        raw = json.loads(TEMPLATES_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raw = []
    out = []  # a value never spans "；", the separator of messages joined into one
    for template in [*raw, *(p for p in PARTS if PLACEHOLDER.search(p))]:
        parts = PLACEHOLDER.split(template)
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<v{part}>[^；]+?)"
            for i, part in enumerate(parts)
        )
        try:
            out.append((re.compile(regex, re.DOTALL), template))
        except re.error:  # a value used twice: not matched, shown as it is
            continue
    out.sort(key=lambda pair: -len(PLACEHOLDER.sub("", pair[1])))
    return tuple(out)


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _fill(english: str, values: dict[str, str]) -> str:
    """The translated template with each value put in, itself shown."""
    return PLACEHOLDER.sub(lambda m: _shown(values.get(f"v{m.group(1)}", "")), english)


def _whole(text: str) -> str | None:
    """``text`` translated as one message, or None when no message matches it."""
    english = _translate(text)
    if english != text:
        return english
    labelled = domain_label(text)
    if labelled != text:
        return labelled
    for pattern, template in _templates():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        english = _translate(template)
        if english == template:
            return None  # no translation installed (Chinese UI)
        return _fill(english, match.groupdict())
    return None


def shown(text: str) -> str:
    """A service's or the domain's message in the interface language (unknown text as it is)."""
    out = _shown(text)
    return out[:1].upper() + out[1:] if out != text else out


def _shown(text: str) -> str:
    if not text:
        return text
    whole = _whole(text)
    if whole is not None:
        return whole
    for separator, english in SEPARATORS:
        if separator in text:
            head, tail = text.split(separator, 1)
            parts = (_shown(head), _shown(tail))
            if parts != (head, tail):
                return english.join(parts)
    return text


def message_of(exc: BaseException) -> str:
    """The message of an error meant for the user (``PlainError.message``), shown."""
    return shown(getattr(exc, "message", None) or str(exc))
