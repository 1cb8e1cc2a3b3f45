"""Malformed form files are refused with the file, the item and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from afc_desktop.domain.formspec import FormSpecError, load_form_file, load_forms

FORMS = Path(__file__).resolve().parents[2] / "forms"

GOOD = """\
format: afc-form
format_version: 1
id: tiny
version: 1
title: 小表
sections:
  - id: S1
    title: 第一节
    items:
      - id: Q1
        label: 吃饭
        type: choice
        scored: true
        required: true
        options:
          - {value: 2, label: 自己吃}
          - {value: 0, label: 要人喂}
      - {id: Q2, label: 说明, type: text, visible_if: {item: Q1, equals: 0}}
scoring:
  subtotals:
    - {id: S1, label: 第一节, max: 2, items: [Q1]}
  total: {label: 总分, max: 2}
  grades:
    - {level: 0, label: 好, min: 2, max: 2}
    - {level: 1, label: 差, min: 0, max: 1}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tiny.v1.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, old: str, new: str) -> FormSpecError:
    assert old in GOOD, old
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(FormSpecError) as err:
        load_form_file(path)
    assert err.value.file == str(path)
    assert str(path) in str(err.value)
    return err.value


def test_good_file_loads(tmp_path: Path) -> None:
    form = load_form_file(write(tmp_path, GOOD))
    assert form.key == ("tiny", 1)
    assert form.item("Q1").max_score == 2


@pytest.mark.parametrize(
    ("old", "new", "where", "reason"),
    [
        ("type: choice", "type: choise", "题目 Q1", "未知的题型"),
        ("label: 吃饭", "lable: 吃饭", "分节 S1 第 1 题", "未知的键"),
        ("{value: 0, label: 要人喂}", "{value: 2, label: 要人喂}", "题目 Q1 选项 2", "重复"),
        ("{item: Q1, equals: 0}", "{item: Q9, equals: 0}", "题目 Q2", "不存在的题目 “Q9”"),
        ("{item: Q1, equals: 0}", "{item: Q1, equals: 7}", "题目 Q2", "不是题目 Q1 的选项"),
        ("{item: Q1, equals: 0}", "{item: Q1, bigger: 0}", "题目 Q2", "比较"),
        ("max: 2, items: [Q1]", "max: 3, items: [Q1]", "小计 S1", "各题最高分之和为 2"),
        ("items: [Q1]", "items: [Q2]", "题目 Q2", "不是计分题"),
        (
            "{level: 1, label: 差, min: 0, max: 1}",
            "{level: 1, label: 差, min: 0, max: 0}",
            "等级 好",
            "不连续",
        ),
        (
            "{value: 2, label: 自己吃}",
            "{value: two, label: 自己吃}",
            "题目 Q1 选项 1",
            "必须是整数",
        ),
        ("\nversion: 1", "\nversion: 0", "version", "正整数"),
        ("format_version: 1", "format_version: 9", "format_version", "不支持"),
    ],
)
def test_malformed_files_name_file_item_and_reason(
    tmp_path: Path, old: str, new: str, where: str, reason: str
) -> None:
    err = error_for(tmp_path, old, new)
    assert err.where == where
    assert reason in err.reason


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    err = error_for(tmp_path, "    title: 第一节", "    title: [第一节")
    assert "YAML" in err.reason
    assert err.where.startswith("第 ")


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    err = error_for(
        tmp_path, "        required: true\n", "        required: true\n        required: false\n"
    )
    assert "重复的键" in err.reason


def test_duplicate_item_ids_are_refused(tmp_path: Path) -> None:
    err = error_for(tmp_path, "{id: Q2,", "{id: Q1,")
    assert (err.where, err.reason) == ("题目 Q1", "题目编号重复")


def test_registry_keeps_good_files_and_reports_bad_ones(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    (tmp_path / "tiny.v2.yaml").write_text(GOOD.replace("\nversion: 1", "\nversion: 2"), "utf-8")
    (tmp_path / "broken.yaml").write_text("format: afc-form\n", "utf-8")
    registry = load_forms(tmp_path)
    assert registry.versions("tiny") == [1, 2]
    assert registry.get("tiny").version == 2
    assert registry.get("tiny", 1).version == 1
    assert len(registry.errors) == 1 and "broken.yaml" in str(registry.errors[0])


def test_shipped_forms_all_load() -> None:
    registry = load_forms(FORMS)
    assert registry.errors == []
    assert {f.id for f in registry.latest()} >= {
        "gbt42195-2022-ability",
        "home-modification-2020",
        "visit-record",
    }


def test_home_modification_has_7_basic_and_23_optional_items() -> None:
    form = load_form_file(FORMS / "home-modification-2020.v1.yaml")
    rows = [r for s in form.sections for r in s.rows]
    assert len(rows) == 30
    assert sum("基础类" in r.tags for r in rows) == 7
    assert sum("可选类" in r.tags for r in rows) == 23
    basic = {r.label for r in rows if "基础类" in r.tags}
    assert "防滑处理" in basic and "防走失装置" in basic
    assert all(not r.provisional for r in rows if "基础类" in r.tags)
    assert form.item("H.17.state").label == "配置淋浴椅（现状）"
    assert {form.item(f"H.1.{k}").type for k in ("recommended", "done")} == {"bool"}


def test_visit_record_covers_the_five_content_areas() -> None:
    form = load_form_file(FORMS / "visit-record.v1.yaml")
    titles = [s.title for s in form.sections]
    for area in ("健康方面", "经济方面", "家庭赡养扶养", "居住安全", "服务需求"):
        assert area in titles
    assert any(n.provisional for n in form.notes)
