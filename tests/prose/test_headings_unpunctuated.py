"""A traditional-character mirror page whose headings lost their 、 (`一總體情況`): found as the
simplified `一总体情况` is (sections._unpunctuated), not a false M3 naming headings the page prints."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_15d564b43078fcdc.txt"
MIRRORED = {"一、总体情况": "一總體情況", "二、主动公开政府信息情况": "二主動公開政府信息情況",
            "四、政府信息公开行政复议、行政诉讼情况": "四政府信息公開行政復議、行政訴訟情況",
            "六、其他需要报告的事项": "六其他需要報告的事項"}


def test_traditional_headings_without_their_comma(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    for simplified, mirrored in MIRRORED.items():
        assert f"\n{simplified}\n" in text
        text = text.replace(f"\n{simplified}\n", f"\n{mirrored}\n")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    exe = Path(sys.executable).with_name("xxgk")
    run = subprocess.run([str(exe), "check", str(tmp_path / "r.txt"), "--format", "json"],
                         capture_output=True, text=True, timeout=240)
    assert run.returncode in (0, 1), run.stderr
    rules = [f["rule"] for f in json.loads(run.stdout)["findings"]]
    assert "M3" not in rules, [f["message"] for f in json.loads(run.stdout)["findings"] if f["rule"] == "M3"]
    assert rules, "the seed's blank rows are still F1s: the report was checked"
