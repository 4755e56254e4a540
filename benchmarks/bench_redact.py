"""How redaction's cost grows with an unbroken word (issue 19, cause 9).

A script, not a test. The baseline is the same PEP redacted with a word ten times shorter,
measured in the same run: linear patterns make ``ratio_10x`` about 10 (20 is still linear
with noise); the old email pattern, which rescanned the word from every position, made it
about 100 (49 s for 300,000 characters).

Usage::

    python benchmarks/bench_redact.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pepdocs.safety.redact import redact_pep
from tests.safety.corpus import distinctive_pep


def _cost(length: int) -> float:
    """CPU seconds (fastest of three) to redact a PEP whose view is one word of ``length``."""
    pep = distinctive_pep()
    pep["views"]["child"] = "a" * length
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        redact_pep(pep, "benchmark")
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    _cost(1_000)
    short, long = _cost(30_000), _cost(300_000)
    print(f"seconds_30000_chars {short:.4f}")
    print(f"seconds_300000_chars {long:.4f}")
    print(f"ratio_10x {long / max(short, 1e-6):.1f}")


if __name__ == "__main__":
    main()
