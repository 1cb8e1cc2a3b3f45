"""Entry script of the packaged ``afc`` (PyInstaller cannot start from a package's __main__).

``AFC_SMOKE_TEST=1`` runs :mod:`afc_desktop.ui.smoke` instead of the normal start: a throwaway
demo, the main window shown once, then exit (used by tests/packaging/test_bundle.py).
"""

import sys

from afc_desktop.ui import smoke

if smoke.wanted():
    sys.exit(smoke.run_smoke())

from afc_desktop.cli import main  # noqa: E402

sys.exit(main())
