"""`xxgk extract --format json` through the real CLI, as a user runs it (a subprocess): the reports it
read, after asserting it exited 0 (stderr shown when not)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def extract(*paths: Path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "extract", *map(str, paths), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["reports"]


def extract_one(path: Path) -> dict:
    """The one report a file holds."""
    (report,) = extract(path)
    return report


def cells_of(report: dict, row: str) -> list[str]:
    """The cell ids of a row (or the one cell named) of an extracted report, in the template's column order."""
    if row in report["cells"]:
        return [row]
    return [c for c in report["cells"] if c.rpartition(".")[0] == row]
