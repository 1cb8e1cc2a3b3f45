"""The packaged app: PyInstaller builds the one-folder Linux bundle, and it starts.

Builds packaging/afc.spec into a temporary directory (PyInstaller's work files are kept in the
pytest cache so a second run only re-collects), checks the files the app reads at run time are
inside, runs the CLI, and starts the GUI offscreen with AFC_SMOKE_TEST=1 until the main window
is shown.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _size_mb(path: Path) -> float:
    """Size on disk of the files (symbolic links inside the bundle not counted twice)."""
    return (
        sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    pytest.importorskip("PyInstaller")
    from afc_desktop import i18n_build

    i18n_build.build_qm()  # the .qm is built, not committed; the bundle carries it
    dist = tmp_path_factory.mktemp("dist")
    cache = getattr(request.config, "cache", None)  # absent under -p no:cacheprovider
    work = Path(cache.mkdir("pyinstaller-work")) if cache else tmp_path_factory.mktemp("work")
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(ROOT / "packaging" / "afc.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    app = dist / "afc"
    print(f"bundle size: {_size_mb(app):.0f} MB")
    return app


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AFC_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), AFC_DATA_DIR=str(tmp_path / "d"))
    return env


def test_bundle_carries_what_the_app_reads_from_files(bundle: Path):
    internal = bundle / "_internal"
    assert (bundle / "afc").is_file()
    assert sorted(p.name for p in (internal / "forms").glob("*.yaml"))
    versions = internal / "afc_desktop" / "store" / "migrations" / "versions"
    assert (versions / "0001_initial.py").is_file()
    assert {p.name for p in versions.glob("*.py")} == {
        p.name for p in (ROOT / "afc_desktop/store/migrations/versions").glob("*.py")
    }
    assert (internal / "afc_desktop" / "store" / "migrations" / "env.py").is_file()
    assert (internal / "afc_desktop" / "data" / "suzhou_areas.json").is_file()
    assert list((internal / "resources" / "fonts").glob("*.tt[cf]"))
    assert (internal / "resources" / "icons" / "afc.png").is_file()


def test_bundled_cli_runs_and_migrates(bundle: Path, tmp_path: Path):
    env = _env(tmp_path)
    done = subprocess.run(
        [str(bundle / "afc"), "demo", "--people", "20"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "已生成 20 名演示居民" in done.stdout
    password = tmp_path / "demo-password"  # the demo's admin/admin123: the database is encrypted
    password.write_text("admin123\n", encoding="utf-8")
    done = subprocess.run(
        [str(bundle / "afc"), "--password-file", str(password), "check"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_bundled_district_tool_runs(bundle: Path, tmp_path: Path):
    done = subprocess.run(
        [str(bundle / "afc-district"), "--help"],
        env=_env(tmp_path), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "import" in done.stdout and "receipts" in done.stdout


def test_bundled_app_opens_its_main_window(bundle: Path, tmp_path: Path):
    env = _env(tmp_path)
    env["AFC_SMOKE_TEST"] = "1"
    done = subprocess.run(
        [str(bundle / "afc")], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "main window shown" in done.stdout
    assert "_internal/resources/fonts/" in done.stdout  # the bundled PDF font is the one used
    assert "_internal/forms" in done.stdout
    assert "afc_en.qm" in done.stdout
