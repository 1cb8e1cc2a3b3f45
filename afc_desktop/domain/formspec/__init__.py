"""Form definitions as data (表单定义): loading, visibility, answer checks and scoring.

The file format is documented in ``forms/README.md``.
"""

from afc_desktop.domain.formspec.answers import (
    AnswerProblem,
    answer_text,
    is_answered,
    is_visible,
    missing_required,
    person_answers,
    validate_answers,
    visible_answers,
    visible_items,
)
from afc_desktop.domain.formspec.conditions import ConditionError, evaluate, parse_condition
from afc_desktop.domain.formspec.loader import (
    FormSpecError,
    load_form_file,
    parse_form_data,
    parse_form_text,
)
from afc_desktop.domain.formspec.model import (
    Answers,
    FormSpec,
    GradeBand,
    Item,
    Option,
    Section,
)
from afc_desktop.domain.formspec.registry import FormRegistry, default_forms_dir, load_forms
from afc_desktop.domain.formspec.scoring import (
    AppliedAdjustment,
    ScoreResult,
    ScoringError,
    SubtotalScore,
    grade_for_total,
    missing_for_scoring,
    score,
)

__all__ = [
    "AnswerProblem",
    "Answers",
    "AppliedAdjustment",
    "ConditionError",
    "FormRegistry",
    "FormSpec",
    "FormSpecError",
    "GradeBand",
    "Item",
    "Option",
    "ScoreResult",
    "ScoringError",
    "Section",
    "SubtotalScore",
    "answer_text",
    "default_forms_dir",
    "evaluate",
    "grade_for_total",
    "is_answered",
    "is_visible",
    "load_form_file",
    "load_forms",
    "missing_for_scoring",
    "missing_required",
    "person_answers",
    "parse_condition",
    "parse_form_data",
    "parse_form_text",
    "score",
    "validate_answers",
    "visible_answers",
    "visible_items",
]
