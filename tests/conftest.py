import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = FIXTURES / "seeds"

# The xlwings remote engine (behind xlwings Server and Lite) needs a licence key; the PolyForm
# Noncommercial licence covers this open project and the government offices that use it.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")


@pytest.fixture
def seeds() -> dict[str, Path]:
    """The five real reports, by their number: seeds()['000'] ..."""
    return {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}
