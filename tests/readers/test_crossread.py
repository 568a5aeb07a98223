"""A run-together row one report leaves open, decided by the other reports of the same check
(checker/crossread.py), through the real CLI: the one split making the other year's equality hold
is taken with an F3 提示 naming the rule and the report; none or several fitting, or the rule not
selected, or the pair known to disagree elsewhere: the F3 error stays. `xxgk extract` reads each
file on its own and keeps the F3."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker.check import check_paths

from test_flattened import _APPEALS, _REQ_2021, _REQ_HEAD

UNIT = "某某区某某局"


def _page(year: int, normative: str, regulations: str = "000") -> str:
    """A crawler's one-line page of a 2021-format report whose 表二 rows print `regulations` and
    `normative` (a run of digits, or cells separated by spaces)."""
    head = (f"标题: {UNIT}{year}年度政府信息公开工作年度报告\n发布时间: {year + 1}-01-19 15:19\n"
            "==================== 正文 ====================\n"
            f"{UNIT}{year}年度政府信息公开工作年度报告 一、总体情况 {year}年，我局认真做好政府信息公开工作。"
            "二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 ")
    active = (f"规章{regulations}行政规范性文件{normative}第二十条第（五）项信息内容本年处理决定数量行政许可0"
              "第二十条第（六）项信息内容本年处理决定数量行政处罚0行政强制0第二十条第（八）项信息内容"
              "本年收费金额（单位：万元）行政事业性收费0 ")
    body = "".join(label + run for label, run in _REQ_2021)
    return (head + active + _REQ_HEAD + body + _APPEALS + "0 0 0 0 0 1 0 0 0 1 0 0 0 0 0"
            + f" 五、存在的主要问题及改进情况。 {UNIT} {year + 1}年1月19日")


def _folder(tmp_path: Path, *pages: tuple[int, str, str]) -> Path:
    for year, normative, regulations in pages:
        (tmp_path / f"{year}.txt").write_text(_page(year, normative, regulations), encoding="utf-8")
    return tmp_path


def _cli(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "checker.cli", *args, "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


def _f3(doc: dict, year: int) -> list[dict]:
    return [f for f in doc["findings"] if f["rule"] == "F3" and f["year"] == year]


def test_the_previous_years_stock_decides_the_split_and_the_finding_says_so(tmp_path):
    # 2022 prints 34089: 34|0|89, 3|40|89, 340|8|9 … ; 2021's 现行有效 55 is read (printed with
    # spaces). R8: 89 = 55 + 34 − 0 holds for 34|0|89 alone
    folder = _folder(tmp_path, (2021, "5 0 55", "000"), (2022, "34089", "000"))
    doc = _cli("check", str(folder))
    [info] = _f3(doc, 2022)
    assert info["severity"] == "info" and info["expected"] == "34|0|89" and info["actual"] == "34089"
    assert "R8" in info["message"] and "2021.txt" in info["message"] and "已按此读取" in info["message"]
    assert {c["cell"] for c in info["cells"]} == {f"active.normative_docs.{c}" for c in ("issued", "repealed", "in_force")}
    assert not [f for f in doc["findings"] if f["rule"] == "R8"]
    # the cells are read as what the reviewer's workbook and the rules see
    [r2022] = [r for r in check_paths([folder]).reports if r.year == 2022]
    assert [r2022.get(f"active.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [34, 0, 89]


def test_extract_reads_each_file_on_its_own_and_keeps_the_f3(tmp_path):
    folder = _folder(tmp_path, (2021, "5 0 55", "000"), (2022, "34089", "000"))
    [r2022] = [r for r in _cli("extract", str(folder))["reports"] if r["year"] == 2022]
    assert "active.normative_docs.in_force" not in {k for k, v in r2022["cells"].items() if v is not None}
    assert [f["severity"] for f in r2022["findings"] if f["rule"] == "F3"] == ["error"]


def test_no_split_fitting_leaves_the_row_unread(tmp_path):
    # 现行有效 60 last year: 89 = 60 + 34 − 0 fails, and so does every other split
    doc = _cli("check", str(_folder(tmp_path, (2021, "5 0 60", "000"), (2022, "34089", "000"))))
    assert [f["severity"] for f in _f3(doc, 2022)] == ["error"]


def test_several_splits_fitting_leave_the_row_unread(tmp_path):
    # 2022 prints 1110 and last year's stock is 10: 1|1|10 (10 + 1 − 1) and 1|11|0 (10 + 1 − 11)
    # both make R8 hold, so neither is taken
    doc = _cli("check", str(_folder(tmp_path, (2021, "0 0 10", "000"), (2022, "1110", "000"))))
    assert [f["severity"] for f in _f3(doc, 2022)] == ["error"]


def test_rule_not_selected_is_no_evidence(tmp_path):
    folder = _folder(tmp_path, (2021, "5 0 55", "000"), (2022, "34089", "000"))
    doc = _cli("check", str(folder), "--ignore", "R8")
    assert [f["severity"] for f in _f3(doc, 2022)] == ["error"]


def test_a_pair_of_years_that_disagrees_elsewhere_is_no_evidence(tmp_path):
    # 规章 breaks R8 between the two years (5 in force, then 0 with nothing repealed): the pair's
    # agreement on 行政规范性文件 could be a coincidence, so it decides nothing
    folder = _folder(tmp_path, (2021, "5 0 55", "0 0 5"), (2022, "34089", "0 0 0"))
    doc = _cli("check", str(folder))
    assert [f["severity"] for f in _f3(doc, 2022)] == ["error"]
