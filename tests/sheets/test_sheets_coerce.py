"""Cell coercion: what people type is accepted, damaged values are refused with a reason."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from afc_desktop.domain.idcard import check_digit
from afc_desktop.sheets.coerce import (
    CellError,
    to_bool,
    to_categories,
    to_date,
    to_id_number,
    to_living_arrangement,
    to_name,
    to_phone,
    to_sex,
    to_text,
)

TODAY = date(2024, 7, 1)
FIRST17 = "32050819420305011"
ID = FIRST17 + check_digit(FIRST17)


@pytest.mark.parametrize(
    "cell",
    [
        date(1942, 3, 5),
        datetime(1942, 3, 5, 0, 0),
        15405,  # Excel serial
        15405.0,
        "1942.3.5",
        "1942.03.05",
        "1942/03/05",
        "1942/3/5",
        "1942-3-5",
        "1942-03-05 00:00:00",
        "1942年3月5日",
        "1942 年 3 月 5 日",
        "１９４２年３月５日",
        "19420305",
        19420305,
        " 1942.3.5 ",
    ],
)
def test_every_date_style_is_read(cell):
    assert to_date(cell, today=TODAY) == date(1942, 3, 5)


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("1942.3", "缺少日"),
        ("1942年3月", "缺少日"),
        (1942.3, "不完整"),
        ("1942.2.30", "不存在"),
        ("2030-01-01", "晚于今天"),
        ("1880-01-01", "不合理"),
        ("三月五日", "看不懂"),
        (60, "不存在"),
    ],
)
def test_bad_dates_are_refused_with_a_reason(cell, reason):
    with pytest.raises(CellError, match=reason):
        to_date(cell, today=TODAY)


def test_blank_cells_are_none():
    for cell in (None, "", "  ", "\u3000"):
        assert to_date(cell) is None
        assert to_id_number(cell) is None
        assert to_text(cell) is None
        assert to_bool(cell) is None


def test_id_numbers_text_full_width_spaces_and_lowercase_x():
    assert to_id_number(ID) == ID
    assert to_id_number(" " + ID[:6] + " " + ID[6:] + " ") == ID
    assert to_id_number(ID.translate(str.maketrans("0123456789", "０１２３４５６７８９"))) == ID
    x_first = "11010519491231002"
    assert to_id_number(x_first + "x") == x_first + "X"


def test_fifteen_digit_legacy_number_is_exact_and_converted():
    legacy = "320508420305011"
    expected = "32050819420305011"
    expected += check_digit(expected)
    assert to_id_number(int(legacy)) == expected
    assert to_id_number(float(legacy)) == expected
    assert to_id_number(legacy) == expected


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        (float(ID[:17] + "1"), "丢失"),  # 18 digits through a double
        (320508194203050000, "丢失"),
        ("3.20508E+17", "科学计数法"),
        ("3.2050819420305E+17", "科学计数法"),
        (ID[:15] + "000", "000"),
        (ID + ".0", "存成过数字"),
        (ID[:17] + ("1" if ID[17] != "1" else "2"), "校验位"),
        ("32050819420305", "18位"),
    ],
)
def test_damaged_ids_are_reported_never_guessed(cell, reason):
    with pytest.raises(CellError, match=reason):
        to_id_number(cell)


def test_names_phones_and_text():
    assert to_name("王 小 明") == "王小明"
    assert to_name("Anna Li") == "Anna Li"
    assert to_name("阿卜杜·热合曼") == "阿卜杜·热合曼"
    assert to_phone(13812345678.0) == "13812345678"
    assert to_phone("１３８ １２３４ ５６７８") == "13812345678"
    assert to_phone("65123456") == "0512-65123456"
    with pytest.raises(CellError, match="11位"):
        to_phone("1381234567")
    assert to_text(301.0) == "301"
    assert to_text("Ａ区\u3000１幢") == "A区 1幢"


def test_sex_and_yes_no():
    assert [to_sex(v) for v in ("男", "女", "男性", "f")] == ["M", "F", "M", "F"]
    with pytest.raises(CellError, match="应为“男”或“女”"):
        to_sex("未知")
    assert [to_bool(v) for v in ("是", "否", "√", "✔", "×", "有", "无", "Y", True)] == [
        True,
        False,
        True,
        True,
        False,
        True,
        False,
        True,
        True,
    ]
    with pytest.raises(CellError, match="应为“是”或“否”"):
        to_bool("也许")


@pytest.mark.parametrize(
    "cell",
    [
        "独居、低保",
        "独居，低保",
        "独居,低保",
        "独居/低保",
        "独居 低保",
        "低保;独居",
        "独居、低保、高龄",
    ],
)
def test_several_categories_in_one_cell(cell):
    assert to_categories(cell) == ["alone", "dibao"]


def test_unknown_category_is_named():
    with pytest.raises(CellError, match="未知的人员类别：孤寡"):
        to_categories("独居、孤寡")


def test_living_arrangement_labels():
    assert to_living_arrangement("与配偶居住") == "with_spouse"
    with pytest.raises(CellError, match="未知的居住情况"):
        to_living_arrangement("和猫住")
