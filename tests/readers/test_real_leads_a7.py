"""Real-report leads (session 7, helper a7), each on a real page's text through the real CLI:
a procurement row printed `2笔 984361元`, and a table row the template does not have (Hubei's
`其他主动公开文件`) reported instead of dropped silently, and a table printed with its labels only
(雄县) named as such, not as missing."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cli_read import extract_one

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def check_json(path: Path, select: str) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json",
                          "--select", select], capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["findings"]


def test_procurement_items_counted_in_bi_are_read(tmp_path):
    # 平潭 财政金融局 2020, a crawler's one-line page: `政府集中采购 2笔 984361元` (笔: deals)
    text = (CORPUS / "pingtan-chains" / "czj_2020.txt").read_text(encoding="utf-8")
    assert "政府集中采购 2笔 984361元" in text
    path = tmp_path / "czj.txt"
    path.write_text(text.replace("政府集中采购 2笔 984361元", "政府集中采购 3笔 125000元"), encoding="utf-8")
    cells = extract_one(path)["cells"]
    assert (cells["active.procurement.items"], cells["active.procurement.amount"]) == (3, 125000)
    found = check_json(path, "F2,F3")
    assert not [f for f in found if f["rule"] == "F3" and "政府集中采购" in f["message"]]
    assert any(f["rule"] == "F2" and "“3笔”，已按 3 读取" in f["message"] for f in found)


def test_a_row_the_template_lacks_is_reported_not_dropped(tmp_path):
    # 天门 拖市镇 2020 (Hubei's 2019 table): `其他主动公开文件(含以本单位…)` with 0 0 0, one cell a line
    src = CORPUS / "other-provinces-2" / "hb_tianmen_tuoshi_2020.txt"
    notes = [f for f in check_json(src, "F4") if f["severity"] == "info"]
    assert len(notes) == 1 and "有一行“其他主动公开文件" in notes[0]["message"]
    assert "与模板的任何一行都对不上，未读取、未核对" in notes[0]["message"]
    assert "（0、0、0）" in notes[0]["message"] and "第46行" in notes[0]["message"]
    # the same page without that row: nothing to say
    text = src.read_text(encoding="utf-8")
    start = text.index("其他主动公开文件(")
    end = text.index("第二十条第(五)项")
    path = tmp_path / "tuoshi.txt"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert [f for f in check_json(path, "F4") if f["severity"] == "info"] == []
    assert extract_one(path)["cells"]["active.normative_docs.total_published"] == 47


def test_a_table_printed_with_its_labels_only_is_said_so(tmp_path):
    # 雄县 某乡 2019: the three tables' row labels one a line, no cell at all (a blank template)
    src = CORPUS / "other-provinces-2" / "he_xiongxian_2019.txt"
    f4 = [f["message"] for f in check_json(src, "F4")]
    assert any("表格“收到和处理政府信息公开申请情况”只印出了行名，没有任何数值" in m for m in f4)
    assert any("中有 7 行只印出了行名、没有数值：规范性文件、行政许可" in m for m in f4)
    assert not any("缺少标准表格“收到和处理政府信息公开申请情况”" in m for m in f4)
    # the same page without 表三's labels: that table is missing, as before
    text = src.read_text(encoding="utf-8")
    start, end = text.index("申请人情况"), text.index("四、政府信息公开行政复议")
    path = tmp_path / "xiongxian.txt"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    f4 = [f["message"] for f in check_json(path, "F4")]
    assert any("缺少标准表格“收到和处理政府信息公开申请情况”" in m for m in f4)
    assert not any("只印出了行名，没有任何数值" in m for m in f4)
