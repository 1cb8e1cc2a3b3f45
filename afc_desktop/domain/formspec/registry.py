"""The set of form definitions found in a ``forms/`` directory (表单目录).

Every version of every form stays loadable, so an assessment saved with an old version can still
be shown and printed.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from afc_desktop.domain.formspec.loader import FormSpecError, load_form_file
from afc_desktop.domain.formspec.model import FormSpec

FORMS_DIR_ENV = "AFC_FORMS_DIR"


def default_forms_dir() -> Path:
    """``$AFC_FORMS_DIR``, else ``forms/`` of a PyInstaller bundle, else the source tree's."""
    env = os.environ.get(FORMS_DIR_ENV)
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / "forms").is_dir():
        return Path(bundle) / "forms"
    return Path(__file__).resolve().parents[3] / "forms"


@dataclass
class FormRegistry:
    """Forms keyed by (id, version); ``errors`` holds the files that failed to load."""

    forms: dict[tuple[str, int], FormSpec] = field(default_factory=dict)
    errors: list[FormSpecError] = field(default_factory=list)

    def add(self, form: FormSpec) -> None:
        """Register ``form``; a second file with the same id and version is an error."""
        if form.key in self.forms:
            other = self.forms[form.key].path
            raise FormSpecError(form.path, "id/version", f"与 {other} 的 id 和版本重复")
        self.forms[form.key] = form

    def get(self, form_id: str, version: int | None = None) -> FormSpec:
        """The form ``form_id`` at ``version`` (latest when None); KeyError with a Chinese
        message when there is none."""
        if version is not None:
            try:
                return self.forms[(form_id, version)]
            except KeyError:
                raise KeyError(f"找不到表单 {form_id} 的第 {version} 版") from None
        versions = self.versions(form_id)
        if not versions:
            raise KeyError(f"找不到表单 {form_id}")
        return self.forms[(form_id, versions[-1])]

    def versions(self, form_id: str) -> list[int]:
        """Every known version of ``form_id``, ascending."""
        return sorted(v for (fid, v) in self.forms if fid == form_id)

    def latest(self) -> list[FormSpec]:
        """The newest version of each form, ordered by id."""
        ids = sorted({fid for fid, _ in self.forms})
        return [self.get(fid) for fid in ids]


def load_forms(directory: Path | str | None = None) -> FormRegistry:
    """Load every ``*.yaml`` in ``directory`` (default :func:`default_forms_dir`); files that
    fail are collected in ``errors`` instead of stopping the others."""
    root = Path(directory) if directory is not None else default_forms_dir()
    registry = FormRegistry()
    if not root.is_dir():
        registry.errors.append(FormSpecError(str(root), "", "表单目录不存在"))
        return registry
    for path in sorted(root.glob("*.yaml")):
        try:
            registry.add(load_form_file(path))
        except FormSpecError as exc:
            registry.errors.append(exc)
    return registry
