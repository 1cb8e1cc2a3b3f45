"""Fixtures for the register-rules tests: elders with a chosen registration date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from afc_desktop.domain.idcard import check_digit
from afc_desktop.services.context import AppContext
from tests.daily.conftest import _add_elder as register_elder
from tests.daily.conftest import id_number  # noqa: F401  (the rules tests import it from here)


def _add(
    ctx: AppContext,
    name: str,
    born: date,
    categories: tuple[str, ...] = (),
    registered_on: date | None = date(2025, 1, 1),
    sex: str = "F",
) -> str:
    """Register an elder today with the 登记日期 ``registered_on`` (the daily tests' helper)."""
    return register_elder(ctx, name, born, categories, None, sex, registered_on=registered_on)


@pytest.fixture
def add_elder() -> Callable[..., str]:
    """``add_elder(ctx, name, born, categories=(), registered_on=2025-01-01, sex="F")``."""
    return _add


def make_id(born: str, seq: int) -> str:
    """A valid ID number born YYYYMMDD with sequence ``seq``."""
    first = f"320508{born}{seq:03d}"
    return first + check_digit(first)


LIVING = ["独居", "与配偶居住", "空巢", "与子女居住", "空巢", "与老伴同住", "与配偶居住", "",
          "独居", "与子女居住", "养老机构", "与配偶居住"]  # fmt: skip
KINDS = ["独居", "", "", "低保", "", "", "孤寡", "", "独居、低保", "", "", "失能"]


@pytest.fixture
def value_ledger(tmp_path: Path) -> Path:
    """Twelve valid elders: 空巢 twice in 居住状况, 与老伴同住 and 孤寡 unknown, a 登记日期 on
    the first row, and a signature footer (填表人/审核人, then 填表日期 in the name column)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["梅巷社区老年人基础台账"])
    ws.append(["序号", "姓名", "身份证号", "居住状况", "特殊困难类型", "登记日期"])
    for i in range(12):
        born = f"19{40 + i}0{1 + i % 9}15"
        ws.append([i + 1, f"顾{'一二三四五六七八九十甲乙'[i]}", make_id(born, 10 + 2 * i),
                   LIVING[i], KINDS[i], date(2024, 3, 1) if i == 0 else None])  # fmt: skip
    ws.append([])
    ws.append(["填表人：王芳", None, None, "审核人：李娜"])
    ws.append([None, "填表日期：2026年11月30日"])  # the footer's date falls in the name column
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    return path
