"""``python -m afc_desktop`` is the ``afc`` command."""

import sys

from .cli import main

sys.exit(main())
