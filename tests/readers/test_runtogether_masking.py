"""A crawler page whose table itself carries an error must not be read wrong: a transposed cell
(41 for 14 in （七）总计) makes the printed row `412000016` break its own sum, and 4|12|0|0|0|0|16
fits that sum by coincidence. Read on the sums' word it would be a wrong number (and the report's
error blamed on 商业企业); the table across rows (R1/R2) says that split is worse than one that
leaves the row's sum broken, so the row is left unread with an F3 naming both. Through the CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_flattened import _ACTIVE_2021, _REQ_2021, _line

TOTAL_ROW = [f"requests.handled_total.{c}" for c in
             ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")]


def _page(tmp_path: Path, **runs: str) -> Path:
    reqs = [(label, runs.get(label, run)) for label, run in _REQ_2021]
    p = tmp_path / "2022.txt"
    p.write_text("标题: 某某区某某局2022年度政府信息公开工作年度报告\n==================== 正文 ====================\n"
                 + _line(_ACTIVE_2021, reqs), encoding="utf-8")
    return p


def _cli(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "checker.cli", *args, "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


def test_a_transposed_total_row_is_not_read_by_a_split_that_fits_its_sum(tmp_path):
    page = _page(tmp_path, **{"（七）总计": "412000016"})
    [report] = _cli("extract", str(page))["reports"]
    assert [report["cells"].get(c) for c in TOTAL_ROW] == [None] * 7
    [f3] = [f for f in report["findings"] if f["rule"] == "F3" and f["cells"]
            and f["cells"][0]["cell"].startswith("requests.handled_total.")]
    assert f3["severity"] == "error"
    assert "拆作“4|12|0|0|0|0|16”" in f3["message"] and "41|2|0|0|0|0|16" in f3["message"]
    assert "未读取" in f3["message"]
    # rows one digit a cell need no sum and are read; 新收 (142000016) rests on its sum alone once
    # （七）总计 is unread (R1, which checked it, cannot be evaluated) in a table known to hold an
    # error: unread too, and said
    assert report["cells"]["requests.granted.total"] == 5
    assert report["cells"]["requests.carried_forward.total"] == 0
    assert report["cells"].get("requests.received.natural_person") is None
    assert any(f["rule"] == "F3" and "142000016" in f["message"] for f in report["findings"])


def test_check_blames_no_cell_for_the_split_it_did_not_read(tmp_path):
    page = _page(tmp_path, **{"（七）总计": "412000016"})
    doc = _cli("check", str(page))
    blamed = {(f.get("suspect") or {}).get("cell") for f in doc["findings"] if f["severity"] == "error"}
    assert "requests.handled_total.commercial" not in blamed
    assert any(f["rule"] == "F3" and "412000016" in f["message"] for f in doc["findings"])


def test_a_table_showing_an_error_trusts_no_split_its_equations_cannot_check(tmp_path):
    # 新收 prints 41 for 14 (4|12|…|16 fits its sum) and （七）总计's sum fails whichever way it
    # splits (unread): R1, which could tell 41|2 from 4|12, cannot be evaluated, and the table is
    # known to carry an error, so the sum alone does not decide 新收 either
    page = _page(tmp_path, **{"一、本年新收政府信息公开申请数量": "412000016", "（七）总计": "142000017"})
    [report] = _cli("extract", str(page))["reports"]
    assert report["cells"].get("requests.received.natural_person") is None
    assert report["cells"].get("requests.received.commercial") is None
    [f3] = [f for f in report["findings"] if f["rule"] == "F3" and "412000016" in f["message"]]
    assert "核对不了" in f3["message"] and "未读取" in f3["message"]
    assert report["cells"]["requests.granted.total"] == 5     # R2's rows: nothing says they are wrong


def test_a_right_row_beside_a_wrong_one_is_still_read(tmp_path):
    # 予以公开 prints 6 for 5 (its sum broken, one digit a cell: unread); （七）总计 is right and its
    # split is the only one R1 agrees with: read
    page = _page(tmp_path, **{"三、本年度办理结果（一）予以公开": "6000005"})
    [report] = _cli("extract", str(page))["reports"]
    assert [report["cells"].get(c) for c in TOTAL_ROW] == [14, 2, 0, 0, 0, 0, 16]
    assert report["cells"].get("requests.granted.natural_person") is None


def test_a_consistent_page_reads_every_row(tmp_path):
    [report] = _cli("extract", str(_page(tmp_path)))["reports"]
    assert [report["cells"].get(c) for c in TOTAL_ROW] == [14, 2, 0, 0, 0, 0, 16]
    assert not [f for f in report["findings"] if f["rule"] == "F3" and "两位数字颠倒" in f["message"]]
