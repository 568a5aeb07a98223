"""A report whose 表二 and 表三 are of two template generations (readers/generations.py), read through
the real CLI: each table is read in its own generation, the report in its data year's; the cells the
two generations share stay in the report, the others are kept in its JSON `departures` and named
by an F4 info; `check` says the departure once (M4, naming the table). Nothing printed is dropped."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker.templates import template
from cli_read import extract_one

FIXTURES = Path(__file__).parents[1] / "fixtures"

ACTIVE_2019 = """二、主动公开政府信息情况

第二十条第（一）项
信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
规章\t1\t1\t5
规范性文件\t4\t4\t30
第二十条第（五）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政许可\t12\t-1\t230
其他对外管理服务事项\t3\t0\t17
第二十条第（六）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政处罚\t8\t2\t45
行政强制\t2\t0\t6
第二十条第（八）项
信息内容\t上一年项目数量\t本年增/减
行政事业性收费\t1\t0
第二十条第（九）项
信息内容\t采购项目数量\t采购总金额
政府集中采购\t3\t125.5
"""

ACTIVE_2021 = """二、主动公开政府信息情况

第二十条第（一）项
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t2
行政规范性文件\t3\t1\t27
第二十条第（五）项
信息内容\t本年处理决定数量
行政许可\t230
第二十条第（六）项
信息内容\t本年处理决定数量
行政处罚\t45
行政强制\t6
第二十条第（八）项
信息内容\t本年收费金额（单位：万元）
行政事业性收费\t1.25
"""

HEAD = ("三、收到和处理政府信息公开申请情况\n\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n"
        "\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n")
VALUES = {"received": "5\t1\t0\t0\t0\t0\t6", "granted": "2\t1\t0\t0\t0\t0\t3", "other": "2\t0\t0\t0\t0\t0\t2",
          "other.no_correction": "1\t0\t0\t0\t0\t0\t1", "other.other": "1\t0\t0\t0\t0\t0\t1",
          "handled_total": "5\t1\t0\t0\t0\t0\t6"}
ZEROS = "\t".join(["0"] * 7)

APPEALS = "\n四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\t\t\t\t\t行政诉讼\n" + \
    "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n" + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + \
    "\n" + "\t".join(["0"] * 15) + "\n"


def requests(fmt: str) -> str:
    """表三 as the template `fmt` prints it, group labels in a column of their own."""
    rows, seen = [], set()
    for row in template(fmt).table("requests").rows:
        lead = row.group if row.group and row.group not in seen else ""
        seen.add(row.group)
        label = f"{lead}\t{row.label}" if row.group else row.label
        rows.append(f"{label}\t{VALUES.get(row.id, ZEROS)}")
    return HEAD + "\n".join(rows) + "\n"


def report(year: int, active: str, requests_table: str) -> str:
    return (f"某市某区财政局{year}年政府信息公开工作年度报告\n\n本报告所列数据统计期限自{year}年1月1日起至{year}年12月31日止。\n\n"
            f"一、总体情况\n\n{year}年，本机关认真贯彻政府信息公开条例。\n\n{active}\n{requests_table}{APPEALS}\n"
            f"五、存在的主要问题及改进情况\n\n公开内容还不够全面。\n\n六、其他需要报告的事项\n\n无。\n\n某市某区财政局\n{year + 1}年1月20日\n")


def _check(path: Path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["findings"]


def _info(r: dict) -> list[str]:
    return [f["message"] for f in r["findings"] if f["rule"] == "F4" and f["severity"] == "info"]


def test_a_2021_report_keeping_the_2019_active_table_reads_each_table_in_its_own_layout(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(report(2021, ACTIVE_2019, requests("2021")), encoding="utf-8")
    r = extract_one(p)
    assert r["format"] == "2021"
    # 表三's three （六） rows, which a 2019 reading dropped, are read
    assert r["cells"]["requests.other.no_correction.total"] == 1 and r["cells"]["requests.other.other.natural_person"] == 1
    assert r["cells"]["requests.other.unpaid_fee.total"] == 0
    # the cells both generations have (处理决定数量) are the report's; no 2019 figure lands in a 2021 column
    assert (r["cells"]["active.licensing.decisions"], r["cells"]["active.penalty.decisions"],
            r["cells"]["active.enforcement.decisions"]) == (230, 45, 6)
    assert not any(c.startswith(("active.regulations.", "active.normative_docs.", "active.fees.")) for c in r["cells"])
    kept = r["departures"]["active"]
    assert kept["format"] == "2019"
    assert kept["cells"] == {
        "active.regulations.made": 1, "active.regulations.published": 1, "active.regulations.total_published": 5,
        "active.normative_docs.made": 4, "active.normative_docs.published": 4, "active.normative_docs.total_published": 30,
        "active.licensing.prev_items": 12, "active.licensing.change": -1,
        "active.other_services.prev_items": 3, "active.other_services.change": 0, "active.other_services.decisions": 17,
        "active.penalty.prev_items": 8, "active.penalty.change": 2, "active.enforcement.prev_items": 2,
        "active.enforcement.change": 0, "active.fees.prev_items": 1, "active.fees.change": 0,
        "active.procurement.items": 3, "active.procurement.amount": 125.5}
    assert kept["locations"]["active.regulations.made"] == "第13行"     # where 规章 is printed
    (note,) = _info(r)
    assert "按 2019 版印出，本报告按 2021 版读取" in note and "规章 1|1|5" in note and "政府集中采购 3|125.5" in note
    assert not [f for f in r["findings"] if f["rule"] in ("F3", "F4") and f["severity"] == "error"]
    m4 = [f for f in _check(p) if f["rule"] == "M4"]
    assert len(m4) == 1 and "表格“主动公开政府信息情况”却是 2019 版" in m4[0]["message"]


def test_a_2020_report_printing_the_2021_requests_table_keeps_its_three_other_rows(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text(report(2020, ACTIVE_2019, requests("2021")), encoding="utf-8")
    r = extract_one(p)
    assert r["format"] == "2019"
    assert r["cells"]["active.regulations.total_published"] == 5 and r["cells"]["active.procurement.amount"] == 125.5
    assert r["cells"]["requests.granted.total"] == 3 and r["cells"]["requests.handled_total.total"] == 6
    assert "requests.other.total" not in r["cells"]     # not printed: the three rows are
    kept = r["departures"]["requests"]
    assert kept["format"] == "2021" and len(kept["cells"]) == 21
    assert kept["cells"]["requests.other.no_correction.total"] == 1 and kept["cells"]["requests.other.other.natural_person"] == 1
    assert kept["cells"]["requests.other.unpaid_fee.total"] == 0
    (note,) = _info(r)
    assert "按 2021 版印出，本报告按 2019 版读取" in note
    assert [f["rule"] for f in _check(p) if f["rule"] == "M4"] == ["M4"]


def test_a_2020_report_printing_the_2021_active_table(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(report(2020, ACTIVE_2021, requests("2019")), encoding="utf-8")
    r = extract_one(p)
    assert r["format"] == "2019"
    assert r["cells"]["requests.other.total"] == 2
    assert r["cells"]["active.licensing.decisions"] == 230
    assert not any(c.startswith(("active.regulations.", "active.fees.", "active.procurement.")) for c in r["cells"])
    kept = r["departures"]["active"]["cells"]
    assert kept["active.regulations.in_force"] == 2 and kept["active.normative_docs.issued"] == 3
    assert kept["active.fees.amount_wan"] == 1.25


def test_a_2021_report_printing_other_handling_as_one_row_keeps_the_group_in_its_json(tmp_path):
    p = tmp_path / "c.txt"
    p.write_text(report(2021, ACTIVE_2021, requests("2019")), encoding="utf-8")
    r = extract_one(p)
    assert r["format"] == "2021"
    assert r["departures"]["requests"]["format"] == "2019"
    assert r["departures"]["requests"]["cells"]["requests.other.total"] == 2
    assert r["departures"]["requests"]["cells"]["requests.other.natural_person"] == 2
    (f4,) = [f for f in r["findings"] if f["rule"] == "F4"]
    assert "按 2019 版印成一行（2|0|0|0|0|0|2）" in f4["message"]
    m4 = [f for f in _check(p) if f["rule"] == "M4"]
    assert len(m4) == 1 and "表格“收到和处理政府信息公开申请情况”却是 2019 版" in m4[0]["message"]


def test_tables_of_one_generation_are_read_as_before(tmp_path):
    for year, active, fmt in ((2021, ACTIVE_2021, "2021"), (2020, ACTIVE_2019, "2019")):
        p = tmp_path / f"{year}.txt"
        p.write_text(report(year, active, requests(fmt)), encoding="utf-8")
        r = extract_one(p)
        assert r["format"] == fmt and "departures" not in r and not _info(r)
        assert not [f for f in _check(p) if f["rule"] == "M4"]


def test_wrapped_2021_other_rows_in_a_layout_text_are_not_read_as_the_2019_row():
    """pdftotext -layout of a Word table whose narrow label column wraps every label into pieces
    (`1.申请` / `人无正` / …): before, the 2019 reading took sub-row 1's figures for （六）其他处理 and
    lost sub-rows 2 and 3 without a word."""
    r = extract_one(FIXTURES / "generations" / "mixed-2020-word-layout.txt")
    assert (r["year"], r["format"]) == (2020, "2019")
    assert not any(c.startswith("requests.other.") for c in r["cells"])
    kept = r["departures"]["requests"]["cells"]
    assert [kept[f"requests.other.other.{c}"] for c in ("natural_person", "commercial", "total")] == [1, 0, 1]
    assert kept["requests.other.no_correction.total"] == 0 and kept["requests.other.unpaid_fee.total"] == 0
    assert r["cells"]["requests.handled_total.total"] == 15
    assert r["cells"]["active.procurement.amount"] == 287.66


def test_a_real_crawled_2021_page_with_the_2019_active_table():
    """平潭 社会事业局 2021 (pingtan-chains/shs_2021, SOURCES.md there): 表二 in the 2019 columns,
    表三 in the 2021 rows, crawler-flattened. The 2019 cells the page prints (typed from the page by a6:
    规章 0|0|0, 行政强制 0|0|0, 行政事业性收费 0|0) are kept; 表三's three （六） rows (all 0) are read."""
    r = extract_one(FIXTURES / "corpus" / "pingtan-chains" / "shs_2021.txt")
    assert r["format"] == "2021"
    kept = r["departures"]["active"]["cells"]
    assert [kept[f"active.regulations.{c}"] for c in ("made", "published", "total_published")] == [0, 0, 0]
    assert [kept["active.enforcement.prev_items"], kept["active.enforcement.change"], r["cells"]["active.enforcement.decisions"]] == [0, 0, 0]
    assert [kept["active.fees.prev_items"], kept["active.fees.change"]] == [0, 0]
    assert all(r["cells"][f"requests.other.{row}.{c}"] == 0 for row in ("no_correction", "unpaid_fee", "other")
               for c in ("natural_person", "total"))
