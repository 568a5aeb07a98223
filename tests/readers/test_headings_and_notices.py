"""Two readings that invented what a page does not say, through the real CLI:
- 路北区住房和城乡建设局 2022 (tests/fixtures/corpus/w15, one cell a line, each ended by a bar): 表三's column headings
  `总计 |` and `其他 |` stand on lines of their own above 一、本年新收. The F4 named them as rows read without values
  (三（七）总计, 三（六）其他处理3.其他), and the page, stored up to the `(` that opens （三）不予公开, was not seen as cut
  there. A label above an earlier row of the template is a column heading; a line holding only the first characters
  of the next label (`(`) is where the file ends inside it.
- A notice asking for the year's reports (`现就做好2021年度政府信息公开工作年度报告编制发布工作通知如下`) was read as a
  2021 report of the office issuing it: F4 (no tables) and M1 (title year against the notice's date). A notice is no
  report: not checked, named as such (F5), with no body or year of a report."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cli_read import extract_one

W15 = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "w15" / "he_lubei_zjj_2022.txt"
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_15d564b43078fcdc.txt"   # 2021, tab rows


def _check(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1, 2), out.stderr
    return json.loads(out.stdout)


def _f4(path: Path) -> list[str]:
    return [f["message"] for f in _check(path)["findings"] if f["rule"] == "F4"]


def test_a_page_stored_up_to_the_bracket_of_the_next_label_is_cut_there():
    said = _f4(W15)
    cut = [m for m in said if "“三（二）部分公开（区分处理的，只计这一情形，不计其他情形）”一行处中断" in m]
    assert len(cut) == 1 and "其后 21 行" in cut[0], said
    assert not any("只读到行名" in m for m in said), said


def test_column_headings_above_the_first_row_are_no_rows(tmp_path):
    # the same page going on to 表四 (not cut): the 19 rows after （二） are not found; 总计 and 其他 are headings
    lines = W15.read_text(encoding="utf-8").split("\n")
    end = next(i for i, ln in enumerate(lines) if ln == "(")
    path = tmp_path / "路北.txt"
    path.write_text("\n".join(lines[:end] + ["四、政府信息公开行政复议、行政诉讼情况", "行政复议 |", "行政诉讼 |"]) + "\n",
                    encoding="utf-8")
    said = [m for m in _f4(path) if "收到和处理政府信息公开申请情况" in m]
    assert len(said) == 1 and "没有找到 21 行" in said[0], said
    assert "只读到行名" not in said[0] and "总计（第" not in said[0] and "其他（第" not in said[0], said


NOTICE = """某某县人民政府办公室关于做好2021年度政府信息公开工作年度报告编制发布工作的通知
各乡镇人民政府，县政府各部门：
根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号文件要求，现就做好2021年度政府信息公开工作年度报告编制发布工作通知如下：
一、编制内容。年度报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况等部分。
二、报送时间。各单位于2022年1月20日前将年度报告报县政府办公室审核，1月31日前在县政府门户网站公开。
三、工作要求。各单位要确保数据准确，规章、行政规范性文件、行政许可、行政处罚的数量要认真核对。
某某县人民政府办公室
2021年12月20日
"""


def test_a_notice_about_the_reports_is_no_report(tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text(NOTICE, encoding="utf-8")
    out = _check(path)
    (report,) = out["reports"]
    assert (report["unit"], report["year"], report["format"]) == (None, None, None), report
    assert [f["rule"] for f in out["findings"]] == ["F5"], out["findings"]
    assert "无法识别为年度报告" in out["findings"][0]["message"]


def test_a_notice_closing_on_te_ci_tong_zhi_too(tmp_path):
    # `特此通知` closing a notice whose first lines name the year's report
    path = tmp_path / "通知2.txt"
    path.write_text(NOTICE.replace("现就做好2021年度政府信息公开工作年度报告编制发布工作通知如下：", "请按以下要求做好2021年度年度报告编制工作：")
                    .replace("某某县人民政府办公室\n2021", "特此通知。\n某某县人民政府办公室\n2021"), encoding="utf-8")
    out = _check(path)
    assert [f["rule"] for f in out["findings"]] == ["F5"], out["findings"]


def test_a_report_citing_the_notice_is_still_a_report(tmp_path):
    # guard: a report that names the notice it follows keeps its tables, body and year
    text = SEED.read_text(encoding="utf-8").split("\n")
    text.insert(1, "按照《某某县人民政府办公室关于做好2021年度政府信息公开工作年度报告编制发布工作的通知》要求，编制本报告。")
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(text), encoding="utf-8")
    r = extract_one(path)
    assert r["format"] == "2021" and r["year"] == 2021 and r["cells"]["requests.received.total"] is not None


def test_a_report_without_its_tables_is_still_a_report(tmp_path):
    # guard: a report whose tables are images, citing the notice: a report (F4: the tables are missing), not refused
    path = tmp_path / "无表.txt"
    path.write_text("某某镇人民政府2021年政府信息公开工作年度报告\n"
                    "本报告根据《关于做好2021年度政府信息公开工作年度报告编制发布工作的通知》要求编制。\n"
                    "一、总体情况\n2021年，我镇主动公开政府信息120条。\n", encoding="utf-8")
    out = _check(path)
    (report,) = out["reports"]
    assert (report["unit"], report["year"]) == ("某某镇人民政府", 2021), report
    assert "F5" not in [f["rule"] for f in out["findings"]] and "F4" in [f["rule"] for f in out["findings"]]
