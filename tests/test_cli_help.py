"""The command line as a reviewer who reads no English meets it (issue 14), through the real `xxgk`
executable: Chinese help at 80 columns, Chinese usage errors, --version, the exit-code table,
--select/--ignore checked against the catalogue, --summary, inputs that are not reports, severities
from the catalogue, CSV cell labels and progress on stderr for long work."""
import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import district, write_texts
from checker import exitcodes
from checker.catalogue import catalogue

XXGK = Path(sys.executable).parent / "xxgk"
SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
# what click and typer print when left untranslated
ENGLISH = ["Usage", "Options", "Arguments", "Commands", "Show this message", "[required]", "default:",
           "<list[Path]>", "<bool>", "<path>", "list[", "Error", "Try '", "Missing", "Invalid value",
           "No such", "Did you mean"]


def xxgk(*args, cwd=None, columns=80):
    env = dict(os.environ, COLUMNS=str(columns), TERMINAL_WIDTH=str(columns))
    return subprocess.run([str(XXGK), *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=300)


def _no_english(text: str) -> None:
    found = [w for w in ENGLISH if w in text]
    assert not found, f"untranslated {found} in:\n{text}"


@pytest.mark.parametrize("command", [[], ["check"], ["extract"], ["import"], ["rules"], ["template"]])
def test_help_is_chinese_and_whole_at_80_columns(command):
    res = xxgk(*command, "--help")
    assert res.returncode == exitcodes.OK, res.stderr
    _no_english(res.stdout)
    assert "用法：xxgk" in res.stdout and "退出码" in res.stdout
    assert "…" not in res.stdout                    # no help text cut off at 80 columns
    # every exit code of the one table, with its meaning
    for code, text in exitcodes.TABLE:
        assert re.search(rf"\b{code}\s+{re.escape(text)}", res.stdout.replace("│", " ").replace("\n", " ")) or \
            text[:8] in res.stdout


def test_help_lists_every_suffix_the_readers_read():
    from checker.readers import READERS
    text = xxgk("check", "--help", columns=200).stdout
    assert all(suffix in text for suffix in READERS if suffix != ".text")


def test_version():
    from importlib.metadata import version
    res = xxgk("--version")
    assert res.returncode == exitcodes.OK and res.stdout.strip() == f"xxgk-checker {version('xxgk-checker')}"


@pytest.mark.parametrize("args, chinese", [
    (["chek"], "没有这个命令：chek。您是不是要用 check？"),
    (["check"], "缺少参数：文件或文件夹"),
    (["check", SEEDS, "--format", "xml"], "“xml”不是可选值（可选：table、json、csv）"),
    (["check", SEEDS, "--bogus"], "没有这个选项：--bogus"),
    (["check", SEEDS, "--format"], "--format 后面需要给出一个值"),
    (["template"], "缺少选项：--output"),
    (["check", SEEDS, "--select", "R99"], "未知的规则：R99"),
    (["check", SEEDS, "--ignore", "X1,R1"], "未知的规则：X1"),
])
def test_usage_errors_are_chinese_with_their_exit_code(args, chinese):
    res = xxgk(*args)
    assert res.returncode == exitcodes.USAGE, (res.returncode, res.stderr)
    err = re.sub(r"[│╭╮╰╯─]", " ", res.stderr)
    assert chinese in re.sub(r"\s*\n\s*", "", err), res.stderr
    _no_english(res.stderr)


def test_select_accepts_spaces_and_commas_and_runs_only_those_rules():
    res = xxgk("check", SEEDS, "--select", "M1 F3", "--format", "json")
    rules = {f["rule"] for f in json.loads(res.stdout)["findings"]}
    assert rules == {"M1", "F3"} and res.returncode == exitcodes.FINDINGS


def test_a_text_that_is_not_a_report_is_never_an_all_clear(tmp_path):
    (tmp_path / "hello.txt").write_text("hello world\n", encoding="utf-8")
    (tmp_path / "纪要.txt").write_text("会议纪要\n今天讨论了下周的工作安排。\n", encoding="utf-8")
    res = xxgk("check", tmp_path)
    assert res.returncode == exitcodes.INPUT
    assert "无法识别为年度报告：" in res.stderr and "hello.txt" in res.stderr and "纪要.txt" in res.stderr
    assert "共检查 0 份报告" in res.stdout and "无法识别为年度报告的输入 2 个" in res.stdout


def test_a_report_without_tables_gets_the_severity_the_catalogue_lists(tmp_path):
    """`xxgk rules` and `check` agree: F4 is what the catalogue says, and a report whose tables
    could not be found is not an all-clear."""
    text = SEEDS.joinpath("003_15d564b43078fcdc.txt").read_text(encoding="utf-8")
    prose = "\n".join(line for line in text.splitlines() if not re.search(r"\d\s+\d", line))
    (tmp_path / "无表格.txt").write_text(prose, encoding="utf-8")
    res = xxgk("check", tmp_path, "--format", "json")
    f4 = [f for f in json.loads(res.stdout)["findings"] if f["rule"] == "F4"]
    rules = {r["id"]: r for r in json.loads(xxgk("rules", "--format", "json").stdout)}
    assert f4 and all(f["severity"] == rules["F4"]["severity"] == "error" for f in f4)
    assert res.returncode == exitcodes.FINDINGS


def test_every_finding_has_a_severity_its_rule_lists(tmp_path):
    res = xxgk("check", SEEDS, "--format", "json")
    for f in json.loads(res.stdout)["findings"]:
        assert f["severity"] in catalogue()[f["rule"]].severities, f


def _district_with_errors(tmp_path, n=25):
    d = district(n, (2021,), seed=7)
    for i, cell in ((1, "requests.granted.natural_person"), (3, "requests.received.total"),
                    (3, "active.regulations.issued")):
        r = d.report(d.units[i], 2021)
        r.set(cell, (r.get(cell) or 0) + 5)
    write_texts(d, tmp_path / "in")
    return d


def test_summary_is_one_line_per_report_most_problems_first(tmp_path):
    d = _district_with_errors(tmp_path, n=6)
    res = xxgk("check", tmp_path / "in", "--summary")
    lines = res.stdout.strip().splitlines()
    reports = [line for line in lines if "年度：" in line]
    assert len(reports) == 6 + 1              # the units and the district itself
    errors = [int(m[1]) if (m := re.search(r"错误 (\d+) 条", line)) else 0 for line in reports]
    assert errors == sorted(errors, reverse=True) and errors[0] >= 1      # most problems first
    assert {line.split(" ")[0] for line in reports[:2]} == {d.units[1], d.units[3]}
    assert reports[-1].endswith("没有发现问题")
    assert lines[-1].startswith("共检查 7 份报告：错误")
    assert res.returncode == exitcodes.FINDINGS


def test_table_output_ends_with_the_units_and_rules_that_have_most_problems(tmp_path):
    d = _district_with_errors(tmp_path, n=6)
    out = xxgk("check", tmp_path / "in", columns=200).stdout
    top = next(line for line in out.splitlines() if line.startswith("问题最多的报告："))
    assert d.units[1] in top and d.units[3] in top and d.units[0] not in top
    assert "出现最多的规则：R3 总计列等于各类申请人之和（2 条）" in out


def test_csv_names_table_row_and_column_and_keeps_the_id(tmp_path):
    _district_with_errors(tmp_path, n=6)
    rows = list(csv.DictReader(io.StringIO(xxgk("check", tmp_path / "in", "--format", "csv").stdout)))
    row = next(r for r in rows if r["单元格编号"] == "requests.received.total")
    assert row["表格"] == "收到和处理政府信息公开申请情况" or "申请" in row["表格"]
    assert "本年新收" in row["行"] and row["栏目"] == "总计"
    assert not any(r["表格"].count(".") for r in rows)       # labels, never ids, in the label columns


def test_long_work_reports_progress_on_stderr(tmp_path):
    _district_with_errors(tmp_path, n=24)
    out = tmp_path / "flagged.xlsx"
    res = xxgk("check", tmp_path / "in", "--annotate", out, "--summary")
    assert res.returncode == exitcodes.FINDINGS and out.exists()
    assert "读取报告：1/25" in res.stderr and "读取报告：25/25，正在核对…" in res.stderr
    assert "正在写出标注工作簿…" in res.stderr and "正在写出标注工作簿：完成" in res.stderr
    short = xxgk("check", SEEDS)
    assert "读取报告" not in short.stderr                  # a handful of files: no noise


def test_rules_table_shows_every_rule_whole_at_80_columns():
    """`xxgk rules` on a narrow terminal: each rule's 检查什么 is folded, never cut off with "…"."""
    lines = [line.split("│") for line in xxgk("rules").stdout.splitlines() if line.startswith("│")]
    whats, current = {}, None
    for cells in lines:
        rid = cells[1].strip()
        current = rid or current
        whats[current] = whats.get(current, "") + cells[5].strip()
    for rid, rule in catalogue().items():
        if rule.status != "removed":
            assert whats[rid].replace(" ", "") == rule.doc.get("what", "").replace(" ", ""), rid


def test_import_of_a_text_that_is_not_a_report_says_so(tmp_path):
    (tmp_path / "hello.txt").write_text("hello world\n", encoding="utf-8")
    res = xxgk("import", tmp_path / "hello.txt", "-o", tmp_path / "out.xlsx")
    assert res.returncode == exitcodes.INPUT and "无法识别为年度报告：" in res.stderr
    assert "其中 1 份无法识别为年度报告" in res.stdout


def test_a_single_big_workbook_is_long_work_too(tmp_path, monkeypatch, capsys):
    """One 500-sheet collection workbook is one file: its reading and annotating are announced by
    size, not by the number of files."""
    from checker.render import progress
    book = tmp_path / "汇总.xlsx"
    book.write_bytes(b"x" * 1000)
    monkeypatch.setattr(progress, "BIG_INPUT", 999)
    assert progress.big_input([book]) and not progress.big_input([tmp_path])
    monkeypatch.setattr(progress, "BIG_INPUT", 10_000)
    assert not progress.big_input([book])
    with progress.stage("正在写出标注工作簿", long=True):
        pass
    with progress.stage("不该出现", long=False):
        pass
    err = capsys.readouterr().err
    assert "正在写出标注工作簿…" in err and "正在写出标注工作簿：完成" in err and "不该出现" not in err


def test_a_file_named_with_a_leading_dash_is_told_how_to_pass_it(tmp_path):
    """`xxgk extract -r.txt` (a real file whose name starts with "-") was "没有这个选项：-r": the hint says
    how to give such a file, and the way it names works."""
    (tmp_path / "-r.txt").write_text((SEEDS / "000_1cda018db4f6af73.txt").read_text(encoding="utf-8"), encoding="utf-8")
    res = xxgk("extract", "-r.txt", cwd=tmp_path, columns=200)
    assert res.returncode == exitcodes.USAGE
    assert "“-r.txt”以 - 开头，被当成了选项" in res.stderr and "./-r.txt" in res.stderr
    assert "xxgk extract -- -r.txt" in res.stderr
    assert xxgk("extract", "--", "-r.txt", cwd=tmp_path).returncode == exitcodes.OK
    assert "没有这个选项：-r" in xxgk("extract", "-r.txt", cwd=tmp_path / "..").stderr    # no such file there
