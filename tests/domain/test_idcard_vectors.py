"""GB 11643 ID numbers: the vectors of standards §7 (domain/idcard.py)."""

from datetime import date

import pytest

from afc_desktop.domain.idcard import IdNumberError, is_valid, mask_id_number, parse_id_number

TODAY = date(2026, 11, 28)


def test_standard_vectors():
    assert is_valid("11010519491231002X", today=TODAY)
    assert is_valid("11010519491231002x", today=TODAY)
    assert is_valid("53010219200508011X", today=TODAY)
    with pytest.raises(IdNumberError) as err:
        parse_id_number("530102192005080119", today=TODAY)
    assert err.value.code == "check" and "X" in err.value.message


def test_birth_date_and_sex_derive_from_the_number():
    parsed = parse_id_number("11010519491231002X", today=TODAY)
    assert parsed.birth_date == date(1949, 12, 31)
    assert parsed.sex == "F"
    assert parsed.area_code == "110105"


def test_fifteen_digit_numbers_are_converted():
    parsed = parse_id_number("110105491231002", today=TODAY)
    assert parsed.value == "11010519491231002X"


def test_retired_suzhou_area_code_is_not_an_error():
    first17 = "32050219400101001"
    from afc_desktop.domain.idcard import check_digit

    assert is_valid(first17 + check_digit(first17), today=TODAY)


def test_masked_display():
    assert mask_id_number("32050819400101123X") == "3205**********123X"
    assert parse_id_number("11010519491231002X", today=TODAY).masked() == "1101**********002X"
