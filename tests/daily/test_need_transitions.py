"""Need status machine: 发现 → 已转介 → 服务中 → 已解决 / 无法解决."""

import pytest

from afc_desktop.domain.needs import NeedTransitionError, check_transition, next_statuses


@pytest.mark.parametrize(
    "source, target",
    [
        ("found", "referred"),
        ("referred", "in_service"),
        ("in_service", "resolved"),
        ("found", "resolved"),  # answered on the spot
    ],
)
def test_allowed_transitions(source, target):
    assert check_transition(source, target).target == target


@pytest.mark.parametrize(
    "source, target, words",
    [
        ("found", "in_service", "请先转介"),
        ("resolved", "found", "不能再改"),
        ("unresolvable", "referred", "不能再改"),
        ("in_service", "referred", "不能直接改为“已转介”"),
        ("found", "found", "已经是"),
        ("found", "lost", "未知"),
    ],
)
def test_illegal_transition_is_refused_with_a_reason(source, target, words):
    with pytest.raises(NeedTransitionError) as err:
        check_transition(source, target)
    assert words in err.value.message


def test_unresolvable_and_referral_back_need_a_reason():
    with pytest.raises(NeedTransitionError, match="原因"):
        check_transition("in_service", "unresolvable", "  ")
    assert check_transition("in_service", "unresolvable", "老人拒绝服务").reason == "老人拒绝服务"
    with pytest.raises(NeedTransitionError, match="原因"):
        check_transition("referred", "found")


def test_next_statuses_in_flow_order():
    assert next_statuses("found") == ["referred", "resolved", "unresolvable"]
    assert next_statuses("resolved") == []
