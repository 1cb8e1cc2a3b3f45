"""The corpus maker (corpus.py) sits beside these tests; bench/bench_scan.py uses it too."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
