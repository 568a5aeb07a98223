"""A folder of reports that also holds the notes people keep beside them (README.md, SOURCES.md: a list
of the reports, quoting their rows and figures) — `xxgk check FOLDER` / `xxgk import`: each such file is
named once as no report, never turned into a report of F3/F4 findings for tables it never had."""
from __future__ import annotations

import json
import shutil

from checker import exitcodes
from tests.hostile import SEEDS, xxgk

# real patterns: the project's README (a row label run together with its figures; a table of
# measurements whose rows happen to share words with the template) and a corpus SOURCES.md line
# (tests/fixtures/corpus/w15: a source quoting the report's sentence with its figures)
README = """# 各单位年报

连成一串的行（`一、本年新收政府信息公开申请数量640020470` 即 64|0|0|2|0|4|70）按表内勾稽关系拆开。

| 注入的错误 | 注入 | 查出 | 定位 | 建议 |
|---|---|---|---|---|
| 上年结转对不上 carryover | 32 | 32 | 32 (100 %) | 32 |
| 二、上年结转政府信息公开申请数量 | 4 | 4 | 4 (100 %) | 4 |
| 三（七）总计 | 16 | 16 | 16 (100 %) | 16 |
"""
SOURCES = """# Sources

| file | body | year | notes | url |
|---|---|---|---|---|
| `hb_shiyan_zjj_2022.txt` | 十堰市住房和城乡建设局 | 2022 | 地级市 住建局, no title line: `办理政府信息公开申请7件,其中自然人6件,法人及其他组织1件,予以公开或部分公开1件,本机关不掌握4件,已通过网站对外公开1件,不予公开1件` (1+4+1+1 = 7) | http://example.gov.cn/a.shtml |
| `b.txt` | 某区人民政府 | 2021 | 一、本年新收政府信息公开申请数量 12；三（一）予以公开 5；三（二）部分公开 2；三（三）不予公开 1 | http://example.gov.cn/b.shtml |
"""


def _folder(tmp_path):
    folder = tmp_path / "报告"
    shutil.copytree(SEEDS, folder)
    (folder / "README.md").write_text(README, encoding="utf-8")
    (folder / "SOURCES.md").write_text(SOURCES, encoding="utf-8")
    return folder


def test_notes_beside_the_reports_are_named_as_no_report_and_never_checked(tmp_path):
    folder = _folder(tmp_path)
    alone = json.loads(xxgk("check", SEEDS, "--format", "json").out)["findings"]
    run = xxgk("check", folder, "--format", "json")
    out = json.loads(run.out)
    notes = [f for f in out["findings"] if f["source"].endswith(("README.md", "SOURCES.md"))]
    # one F5 each, nothing else: no F3 for a quoted row, no F4 for tables a note never had
    assert sorted((f["rule"], f["source"].rsplit("/", 1)[-1]) for f in notes) == [("F5", "README.md"), ("F5", "SOURCES.md")]
    assert all("无法识别为年度报告" in f["message"] for f in notes)
    assert len(out["findings"]) - len(notes) == len(alone)      # the reports' findings are the same
    assert run.err.count("无法识别为年度报告") == 2
    assert run.code == exitcodes.INPUT        # never an all-clear: two inputs were not checked
    summary = xxgk("check", folder, "--summary")
    assert "共检查 5 份报告" in summary.out and "无法识别为年度报告的输入 2 个" in summary.out
    assert "未识别单位" not in summary.out


def test_import_names_the_notes_and_writes_no_sheet_of_findings_for_them(tmp_path):
    run = xxgk("import", _folder(tmp_path), "-o", tmp_path / "汇总.xlsx")
    assert "无法识别为年度报告：" in run.err and "README.md" in run.err and "SOURCES.md" in run.err
    assert "（其中 2 份无法识别为年度报告）" in run.out


def test_a_blank_template_sent_back_is_still_a_report(tmp_path):
    """The three tables printed with no figure, no unit, no year (a unit returns the template unfilled):
    its tables are there, so it is no "not a report" — it is checked and its blanks are said."""
    from bench.officialdoc import TEMPLATE_2021
    blank = tmp_path / "空白.docx"
    shutil.copy(TEMPLATE_2021, blank)
    run = xxgk("check", blank, "--format", "json")
    rules = {f["rule"] for f in json.loads(run.out)["findings"]}
    assert "F5" not in rules and "无法识别为年度报告" not in run.err
    assert "F1" in rules and run.code == exitcodes.FINDINGS
