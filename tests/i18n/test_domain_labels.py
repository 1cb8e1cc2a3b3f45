"""Every label the domain and services show is listed in ui/domain_labels.py for translation."""

from __future__ import annotations

from afc_desktop.domain import needs, people, schedule
from afc_desktop.domain import visit_content as vc
from afc_desktop.domain.formspec.registry import load_forms
from afc_desktop.services import (
    household_visits,
    participation,
    register,
    resources,
    service_log,
    stats,
)
from afc_desktop.ui import domain_labels


def shown_labels() -> set[str]:
    labels = {c.label for c in people.ALL_CATEGORIES} | {
        c.description for c in people.ALL_CATEGORIES
    }
    labels |= {b[1] for b in people.AGE_BANDS} | {people.age_band_label(people.UNDER_60)}
    labels |= {label for _c, label in people.LIVING_ARRANGEMENTS}
    labels |= {stats.NO_GRADE} | {b[1] for b in stats.NEED_AGE_BUCKETS}
    labels |= set(stats.MODE_LABELS.values())
    for form in load_forms().forms.values():
        if form.scoring is not None:
            labels |= {g.label for g in form.scoring.grades}
    labels |= {label for _c, label in (*needs.SERVICE_TYPES, *needs.STATUSES, *needs.URGENCIES)}
    labels |= {label for _c, label in vc.MODES} | set(schedule.RISK_LEVELS.values())
    labels |= {label for _c, label in service_log.SERVICE_KINDS}
    labels |= {label for _c, label in participation.PROJECT_KINDS}
    labels |= set(participation.PROJECT_STATUS.values())
    labels |= {label for _c, label in resources.RESOURCE_KINDS}
    labels |= set(register.REMOVAL_REASONS.values())
    labels |= {label for _c, label in vc.LEVELS} | {label for _c, label in vc.RISK_FLAGS}
    for area in vc.AREAS:
        labels |= {area.label} | {label for _c, label in area.issues}
    labels |= {label for _c, label in household_visits.PRESENCE} | set(schedule.UNITS.values())
    labels |= {r.name for r in schedule.DEFAULT_RULES} | {r.note for r in schedule.DEFAULT_RULES}
    return labels


def test_every_domain_label_is_marked_for_translation():
    missing = shown_labels() - set(domain_labels.LABELS)
    assert missing == set(), "add to afc_desktop/ui/domain_labels.py: " + "、".join(sorted(missing))


def test_label_passes_unknown_text_through(qapp):
    assert domain_labels.label("独居") == "独居"  # no translator installed: Chinese
    assert domain_labels.label("某个新词") == "某个新词"
