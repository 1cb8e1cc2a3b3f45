"""Acceptance of the real app (issue 11, 现场可用): it is started as ``afc`` starts it, in its
own process on a 1366×728 screen (1366×768 minus a 40-px taskbar), logged into, and driven
through its widgets by ``driver.py``; ``gc.collect()`` runs after every step.

A crash (the print preview's segmentation fault) shows as the process's exit status, so it
fails the test instead of ending pytest. The driver's report lists each window that does not
fit the screen, each button outside it, and each piece of interface text in the wrong language.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from afc_desktop.paths import DataDir
from afc_desktop.services import assessments, demo, register, settings, visits
from afc_desktop.services.accounts import authenticate
from afc_desktop.services.context import open_app

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("driver.py")
SCREEN = {"width": 1366, "height": 728}  # 1366×768 less a 40-px taskbar
TODAY = "2026-11-28"
PASSWORD = "admin-pass-1"  # tests/conftest.py's admin
SHOTS_ENV = "AFC_ACCEPTANCE_SHOTS"  # a folder: the screenshot test saves its PNGs there


@pytest.fixture(scope="module")
def community(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A data directory with 60 demo residents, a visited elder and an assessed one."""
    root = tmp_path_factory.mktemp("acceptance") / "data"
    shutil.copytree(template_dir, root)
    ctx = open_app(DataDir(root))
    ctx.clock.pin(date.fromisoformat(TODAY))
    authenticate(ctx, "admin", PASSWORD)
    demo.populate(ctx, 60)
    visited, assessed = register.search_person_ids(ctx, register.PersonQuery(limit=2))
    visits.record_visit(
        ctx, visits.VisitInput(visited, ctx.today(), notes="身体尚可", risk_level="high")
    )
    form = assessments.forms_registry().get("gbt42195-2022-ability")
    assessments.save_draft(ctx, assessments.AssessmentInput(assessed, form.id, {}))
    ctx.db.dispose()
    return {"root": root, "visited_person": visited, "assessed_person": assessed}


def run_app(
    community: dict[str, Any],
    tmp_path: Path,
    scenario: str,
    *,
    language: str = "zh_CN",
    large: bool = False,
    shots: Path | None = None,
    timeout_s: int = 420,
) -> dict[str, Any]:
    """Copy the community, set language and text size, run the driver; its report."""
    data = tmp_path / "data"
    shutil.copytree(community["root"], data)
    ctx = open_app(DataDir(data))
    authenticate(ctx, "admin", PASSWORD)
    chosen = replace(settings.load_settings(ctx), language=language, large_text=large)
    settings.save_settings(ctx, chosen)
    words = data_words(ctx)
    ctx.db.dispose()
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, **SCREEN, "dpr": 1}]})
    )
    report = tmp_path / "report.json"
    config = {
        "data_dir": str(data),
        "username": "admin",
        "password": PASSWORD,
        "scenario": scenario,
        "language": language,
        "large": large,
        "report": str(report),
        "shots": str(shots) if shots else "",
        "today": TODAY,
        "visited_person": community["visited_person"],
        "assessed_person": community["assessed_person"],
        "timeout_s": timeout_s - 30,
        "data_words": words,
    }
    (tmp_path / "config.json").write_text(json.dumps(config), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "AFC_TODAY": TODAY,
    }
    proc = subprocess.run(
        [sys.executable, str(DRIVER), str(tmp_path / "config.json")],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        cwd=tmp_path,
    )
    (tmp_path / "stderr.txt").write_text(proc.stderr, encoding="utf-8")
    found = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    found["returncode"] = proc.returncode
    found["stderr"] = proc.stderr[-3000:]
    return found


def data_words(ctx: Any) -> list[str]:
    """What the community's data says, longest first: residents' and contacts' names,
    addresses, resources, users, communities and the official forms' titles. The English crawl
    takes these out of a text before looking for Chinese, so "Delete 陈美娟's visit draft?" is
    English; the words around the data are still checked."""
    from sqlalchemy import select

    from afc_desktop.store.models.core import Community, Household, Person, User
    from afc_desktop.store.models.daily import Resource

    words: set[str] = set()
    with ctx.session() as s:
        for name, contacts in s.execute(select(Person.name, Person.emergency_contacts)):
            words.add(name)
            words |= {str(c.get("name", "")) for c in contacts or [] if isinstance(c, dict)}
        words |= set(s.scalars(select(Household.address_text)))
        words |= set(s.scalars(select(Resource.name)))
        words |= set(s.scalars(select(User.display_name)))
        for c in s.scalars(select(Community)):
            words |= {c.name, c.street_name, c.district_name}
            words.add(f"{c.district_name}{c.street_name}{c.name}")
    words |= {form.title for form in assessments.forms_registry().forms.values()}
    return sorted((w for w in words if w), key=len, reverse=True)


def qt_leaks_none() -> bool:
    """True when this PySide6 drops a reference to None on each void call (PySide6 6.12.0's
    abi3 wheels under Python 3.11): every long session then ends with "none_dealloc"."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.setObjectName("probe")
    return sys.getrefcount(None) - before <= -100


def assert_clean(found: dict[str, Any]) -> None:
    assert found.get("problems") == [], "\n".join(found.get("problems", []))
    if found["returncode"] != 0 and "none_dealloc" in found["stderr"] and qt_leaks_none():
        pytest.xfail(
            "the installed PySide6 leaks references to None (6.12.0 on Python 3.11): install "
            "the version pyproject.toml asks for; nothing else went wrong"
        )
    assert found["returncode"] == 0, (
        f"the app died (exit {found['returncode']}):\n{found['stderr']}"
    )


def test_every_print_preview_survives_garbage_collection(community, tmp_path):
    """Issue 11 §1: the visit record, a blank form and the form's own preview; each repainted
    after gc.collect(). On the code before the fix the process ends with a segfault."""
    found = run_app(community, tmp_path, "previews")
    assert_clean(found)
    previews = [s for s in found["seen"] if "PrintPreview" in s]
    assert len(previews) == 3, found["seen"]


@pytest.mark.parametrize(
    ("language", "large"),
    [
        ("zh_CN", False),
        ("zh_CN", True),
        ("en", False),
    ],
    ids=["chinese", "chinese-large-text", "english"],
)
def test_every_page_and_dialog_fits_and_speaks_one_language(community, tmp_path, language, large):
    """Every area, menu action and dialog the crawl opens fits 1366×728 with its buttons on
    screen, and shows no text of the other language; the app is still alive at the end."""
    found = run_app(community, tmp_path, "crawl", language=language, large=large)
    assert_clean(found)
    seen = "\n".join(found["seen"])
    for expected in ("AssessmentDialog", "VisitDialog", "PersonViewDialog", "QMessageBox"):
        assert expected in seen, seen


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large-text"])
def test_assessment_and_visit_forms_fit_a_laptop_screen(community, tmp_path, large):
    """Screenshots of the two long forms at 1366×728, saved to $AFC_ACCEPTANCE_SHOTS (the crawl
    checks their fit in every run; this one only runs when pictures are wanted)."""
    if not os.environ.get(SHOTS_ENV):
        pytest.skip(f"set {SHOTS_ENV}=DIR to save the screenshots")
    shots = Path(os.environ[SHOTS_ENV])
    found = run_app(community, tmp_path, "shots", large=large, shots=shots)
    assert_clean(found)
    size = "large" if large else "normal"
    assert (shots / f"assessment-{size}.png").exists()
    assert (shots / f"visit-{size}.png").exists()
