"""`xxgk check` through the CLI: the seeds (issue 3's Done-when), output formats, exit codes,
--select/--ignore, --units with an unmatched name, and a generated district with known errors."""
import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.generate import district, write_texts, write_units
from checker.cli import app
from checker.render.check_output import safe_cell, write_csv, write_json
from checker.exitcodes import OUTPUT

runner = CliRunner()


@pytest.fixture(scope="module")
def seeds_json():
    SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
    res = runner.invoke(app, ["check", str(SEEDS), "--format", "json"])
    return res, json.loads(res.stdout)


def _by_seed(doc, prefix):
    return [f for f in doc["findings"] if (f["source"] or "").rsplit("/", 1)[-1].startswith(prefix)]


def test_seeds_find_what_issue_3_asks_and_no_other_error(seeds_json):
    res, doc = seeds_json
    assert res.exit_code == 1
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert {f["rule"] for f in _by_seed(doc, "000") if f["severity"] == "error"} == {"M1", "F3"}
    m1 = [f for f in _by_seed(doc, "000") if f["rule"] == "M1"]
    assert len(m1) == 1 and m1[0]["year"] == 2020 and "2019" in m1[0]["message"]
    f1_001 = [f for f in _by_seed(doc, "001") if f["rule"] == "F1"]
    assert f1_001 and all(c["cell"].startswith("appeals.count.review.") for f in f1_001 for c in f["cells"])
    assert {f["rule"] for f in _by_seed(doc, "003") if f["severity"] == "error"} == {"F1"}
    assert [f["rule"] for f in _by_seed(doc, "004") if f["severity"] == "error"] == ["M2"]
    assert "北仑区" in _by_seed(doc, "004")[0]["message"]
    assert not [f for f in errors if f["rule"].startswith(("R", "P", "L"))]   # the sums that hold pass
    assert {r["unit"] for r in doc["reports"]} >= {"南岗区城管局", "哈尔滨文化园区管理处"}


def test_json_findings_have_the_spec_shape(seeds_json):
    _, doc = seeds_json
    for f in doc["findings"]:
        assert {"rule", "severity", "unit", "year", "cells", "suspect", "expected", "actual", "suggestion",
                "message"} <= set(f)
        assert f["severity"] in ("error", "warning", "info")
        assert all(set(c) == {"unit", "year", "cell"} for c in f["cells"])


def test_json_is_one_report_or_finding_a_line_with_the_content_of_indented_json(seeds_json):
    # the C encoder writes each line (indent=2 would use json's slow pure-Python one): the same
    # document as the indented JSON, a program reads it unchanged, a person finds one item a line
    res, doc = seeds_json
    lines = res.stdout.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    for key in ("reports", "findings"):
        start = lines.index(f'  "{key}": [')
        items = [json.loads(ln.strip().rstrip(",")) for ln in lines[start + 1:start + 1 + len(doc[key])]]
        assert items == doc[key] and lines[start + 1 + len(doc[key])].strip() in ("]", "],")
    buf = io.StringIO()
    write_json(doc, buf)
    assert json.loads(buf.getvalue()) == json.loads(json.dumps(doc, ensure_ascii=False, indent=2)) == doc
    assert res.stdout == buf.getvalue()


def test_table_output_is_grouped_by_report_in_chinese():
    SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
    res = runner.invoke(app, ["check", str(SEEDS / "003_15d564b43078fcdc.txt")])
    assert res.exit_code == 1
    assert "南岗区城管局 2021 年度报告" in res.stdout and "错误" in res.stdout and "共检查 1 份报告" in res.stdout


def test_csv_is_safe_to_open_in_excel(tmp_path):
    SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
    res = runner.invoke(app, ["check", str(SEEDS), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(res.stdout)))
    assert rows[0][:4] == ["单位", "年度", "规则", "严重程度"] and len(rows) > 5
    assert safe_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert [safe_cell(s) for s in ("+1", "-2", "@SUM(A1)", "\tx", "\rx", "正常", 3)] == \
        ["'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "正常", "3"]
    from checker.model import Finding
    out = io.StringIO()
    write_csv([Finding("R1", "error", "=cmd|' /C calc'!A0", 2021, "-1+1")], out)
    row = list(csv.reader(io.StringIO(out.getvalue())))[1]
    assert row[0].startswith("'=") and not any(c.startswith(("=", "+", "-", "@")) for c in row)


def test_select_ignore_and_exit_codes(tmp_path):
    SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
    s003 = str(SEEDS / "003_15d564b43078fcdc.txt")
    res = runner.invoke(app, ["check", s003, "--ignore", "F", "--format", "json"])
    assert res.exit_code == 0 and not [f for f in json.loads(res.stdout)["findings"] if f["severity"] == "error"]
    res = runner.invoke(app, ["check", s003, "--select", "F1,R", "--format", "json"])
    assert {f["rule"] for f in json.loads(res.stdout)["findings"]} == {"F1"} and res.exit_code == 1
    res = runner.invoke(app, ["check", str(tmp_path / "missing.txt"), "--format", "json"])
    assert res.exit_code == 2 and json.loads(res.stdout)["findings"][0]["rule"] == "F5"
    bad = tmp_path / "units.csv"
    bad.write_text("名称\n甲\n", encoding="utf-8")
    res = runner.invoke(app, ["check", s003, "--units", str(bad)])
    assert res.exit_code == 2 and "上级单位" in res.output


def test_generated_district_with_units_file(tmp_path):
    d = district(6, (2020, 2021), seed=11)
    r = d.report(d.units[2], 2021)
    r.set("requests.received.natural_person", r.get("requests.received.natural_person") + 10)
    write_texts(d, tmp_path / "txt")
    units = write_units(d, tmp_path / "units.csv")
    with open(units, "a", encoding="utf-8") as fh:
        fh.write("道里区不存在局,道里区人民政府\n")
    res = runner.invoke(app, ["check", str(tmp_path / "txt"), "--units", str(units), "--format", "json"])
    doc = json.loads(res.stdout)
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert res.exit_code == 1
    # one root cause, even though R1, R3, R9 (and R10 against the prose) all see it
    table = [f for f in errors if f["rule"] != "R10"]
    assert len(table) == 1 and table[0]["suspect"]["cell"] == "requests.received.natural_person"
    assert table[0]["suggestion"] == r.get("requests.received.natural_person") - 10
    u1 = [f for f in doc["findings"] if f["rule"] == "U1"]
    assert len(u1) == 1 and u1[0]["severity"] == "warning" and "道里区不存在局" in u1[0]["message"]
    clean = district(4, (2021,), seed=12)
    write_texts(clean, tmp_path / "clean")
    res = runner.invoke(app, ["check", str(tmp_path / "clean"), "--units", str(write_units(clean, tmp_path / "u2.csv"))])
    assert res.exit_code == 0, res.stdout


def test_check_has_help():
    res = runner.invoke(app, ["check", "--help"])
    assert res.exit_code == 0 and "退出码" in res.stdout and "--units" in res.stdout


def test_annotate_writes_a_marked_copy(tmp_path):
    from openpyxl import load_workbook
    from bench.generate import write_workbook
    d = district(4, (2021,), seed=13)
    r = d.report(d.units[1], 2021)
    r.set("requests.granted.natural_person", r.get("requests.granted.natural_person") + 12)
    book = write_workbook(d, tmp_path / "c.xlsx")
    out = tmp_path / "out.xlsx"
    res = runner.invoke(app, ["check", str(book), "--annotate", str(out), "--engine", "openpyxl", "--format", "json"])
    assert res.exit_code == 1 and out.exists()
    assert "校验结果" in load_workbook(out).sheetnames
    res = runner.invoke(app, ["check", str(book), "--annotate", str(out), "--engine", "openpyxl"])
    assert res.exit_code == OUTPUT                # an existing output is kept without --force (4, was 2)


def test_table_names_the_row_of_a_blank_row_finding():
    SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
    out = CliRunner().invoke(app, ["check", str(SEEDS / "003_15d564b43078fcdc.txt"), "--format", "table"])
    assert out.exit_code == 1
    assert "3.要求提供公开出版物（7 格）" in out.output


def test_table_shows_report_text_as_written_and_the_problem_first(tmp_path):
    """A file or unit name with `[x]` in it is not rich markup (it vanished from the table before),
    and the 说明 column leads with the problem, the file and line after it without the folders."""
    seed = Path(__file__).resolve().parent / "fixtures" / "seeds" / "000_1cda018db4f6af73.txt"
    bad = tmp_path / "[x]报告.txt"
    bad.write_bytes(seed.read_bytes())
    res = runner.invoke(app, ["check", str(bad)], env={"COLUMNS": "200"})
    out = res.stdout
    assert "[x]报告.txt" in out
    f3 = next(line for line in out.splitlines() if "F3" in line)
    explanation = f3.rsplit("│", 2)[-2].strip()
    assert explanation.startswith("「") and str(tmp_path) not in out
