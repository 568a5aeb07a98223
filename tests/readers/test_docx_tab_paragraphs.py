"""A Word report whose tables are typed with tab stops, one paragraph a row (or a text report
pasted into Word and saved): its cells are the tab-separated parts, as in the text report. Before,
each paragraph was one cell and not one value was read (F4 '只印出了行名')."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_15d564b43078fcdc.txt"


def _extract(path: Path) -> dict:
    exe = Path(sys.executable).with_name("xxgk")
    run = subprocess.run([str(exe), "extract", str(path), "--format", "json"], capture_output=True, text=True,
                         timeout=240)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)["reports"][0]


def test_tab_separated_paragraphs_read_as_the_text_report(tmp_path):
    d = docx.Document()
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        d.add_paragraph(line)          # python-docx writes each \t as a tab (w:tab)
    d.save(str(tmp_path / "r.docx"))
    word, text = _extract(tmp_path / "r.docx"), _extract(SEED)
    read = {k: v for k, v in text["cells"].items() if v is not None}
    assert len(read) > 150
    assert word["cells"] == text["cells"]
    assert word["locations"]["active.licensing.decisions"] == "正文第32行第2列"
