"""Entry script of the packaged programs (PyInstaller cannot start from a package's __main__).

One script, several executables: ``afc-district`` (district hub tool) runs
``afc_desktop.district.cli``; ``afc`` and ``afc-cli`` run ``afc_desktop.cli``.
``AFC_SMOKE_TEST=1`` makes ``afc`` run :mod:`afc_desktop.ui.smoke` instead: a throwaway demo,
the main window shown once, then exit (used by tests/packaging/test_bundle.py).
"""

import sys
from pathlib import Path

from afc_desktop.ui import smoke

if Path(sys.executable).stem.lower() == "afc-district":
    from afc_desktop.district.cli import main as district_main

    sys.exit(district_main())

if smoke.wanted():
    sys.exit(smoke.run_smoke())

from afc_desktop.cli import main  # noqa: E402

sys.exit(main())
