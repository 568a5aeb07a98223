"""The xlwings Lite script from the source tree (the installed wheel's run is in
test_install_wheel.py): xlwings' own `custom_scripts_call` on the seeds' collection workbook as an
Office.js payload, the cap on notes, and what Pyodide lacks (processes) is never needed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.annotate.remote import workbook_json
from checker.check import check_paths
from checker.workbook.importer import import_reports

ROOT = Path(__file__).resolve().parent.parent
LITE_MAIN = ROOT / "workbooks" / "lite" / "main.py"


@pytest.fixture(scope="module")
def seeds_book(tmp_path_factory) -> Path:
    return import_reports([ROOT / "tests" / "fixtures" / "seeds"], tmp_path_factory.mktemp("lite") / "seeds.xlsx").path


# What xlwings Lite does (XLWINGS_ON_SERVER=true before xlwings is imported, which makes
# @xw.script register the script): import main.py, list its scripts, and on a click call
# custom_scripts_call(module, name, typehint_to_value={xw.Book: book}) on the client's payload.
# Pyodide can import multiprocessing but not run it: here `_multiprocessing` is missing altogether.
LITE_CALL = """
import asyncio, importlib.util, json, sys
import xlwings as xw
from xlwings.server import custom_scripts_call, custom_scripts_meta
exec(sys.argv[3])
spec = importlib.util.spec_from_file_location("main", sys.argv[1])
main = importlib.util.module_from_spec(spec)
spec.loader.exec_module(main)
book = xw.Book(json=json.load(open(sys.argv[2], encoding="utf-8")))
asyncio.run(custom_scripts_call(main, "xxgk_check", typehint_to_value={xw.Book: book}))
print(json.dumps({"meta": custom_scripts_meta(main), "actions": book.json()["actions"]}))
"""


def _lite(book: Path, tmp: Path, before: str = "") -> dict:
    (tmp / "_multiprocessing.py").write_text('raise ImportError("no processes here (Pyodide)")')
    payload = tmp / "payload.json"
    payload.write_text(json.dumps(workbook_json(book), ensure_ascii=False), encoding="utf-8")
    env = os.environ | {"PYTHONPATH": str(tmp), "XLWINGS_ON_SERVER": "true",
                        "XLWINGS_LICENSE_KEY": "noncommercial"}
    done = subprocess.run([sys.executable, "-c", LITE_CALL, str(LITE_MAIN), str(payload), before],
                          env=env, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _results_table(actions: list[dict]) -> list[list]:
    return next(a["values"] for a in actions if a["func"] == "setValues" and a["values"][0][0] == "序号")


def test_lite_lists_the_script_by_its_chinese_name_and_flags_without_processes(seeds_book, tmp_path):
    run = _lite(seeds_book, tmp_path)
    assert [(m["function_name"], m.get("name")) for m in run["meta"]] == [("xxgk_check", "运行校验")]
    expected = check_paths([seeds_book])
    assert len(_results_table(run["actions"])) == 1 + len(expected.findings) > 1
    assert sum(a["func"] == "addNote" for a in run["actions"]) > 2


def test_notes_are_capped_and_the_results_sheet_says_so(seeds_book, tmp_path):
    run = _lite(seeds_book, tmp_path, "import checker.annotate.xlwings_backend as xb; xb.MAX_NOTES = 2")
    actions = run["actions"]
    expected = check_paths([seeds_book])
    assert sum(a["func"] == "addNote" for a in actions) == 2
    assert len(_results_table(actions)) == 1 + len(expected.findings) > 2   # every finding still listed
    said = [str(a["values"]) for a in actions if a["func"] == "setValues"]
    assert any("批注只写入前 2 条" in s for s in said)


def test_every_checker_package_is_declared_for_the_wheel():
    """pyproject.toml names the packages (schemas/ is mapped in, so discovery is off): a new
    subpackage missing from the list would be left out of the wheel."""
    tomllib = pytest.importorskip("tomllib")     # Python 3.11+
    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "checker").rglob("__init__.py")}
    assert found - declared == set(), "在 pyproject.toml 的 [tool.setuptools] packages 中加入这些包"
    assert {"checker.schemas", "checker.schemas.rules", "checker.schemas.templates"} <= declared


def test_a_workbook_without_report_sheets_is_no_all_clear(tmp_path):
    """The button clicked in xxgk-checker.xlsm itself (no report sheet copied in yet) used to write
    "待处理 0 条" sheets and a "校验完成" status: an all-clear for a check of nothing. Now nothing is
    written and a message box says why and what to do."""
    run = _lite(ROOT / "workbooks" / "xxgk-checker.xlsm", tmp_path)
    actions = run["actions"]
    assert not [a for a in actions if a["func"] != "alert"], actions       # no sheet, no flag
    (alert,) = actions
    assert alert["args"][0].startswith("xxgk：这个工作簿里没有找到可以校验的报告工作表，没有做任何核对（这不表示没有问题）")
    assert "xxgk import" in alert["args"][0]


def test_an_earlier_results_sheet_without_its_reports_now_says_nothing_was_checked(seeds_book, tmp_path):
    """The reports deleted or moved, an earlier run's 校验结果 left: it would go on listing findings
    of sheets that are gone. It is replaced by one line that says nothing was checked."""
    import openpyxl

    from checker.annotate.plan import RESULT_HEADER
    from checker.excel import NOTHING_TO_CHECK
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    old = wb.create_sheet("校验结果")
    old.append(RESULT_HEADER)
    old.append([1, "待处理", "错误", "某局", 2021, "R1"])
    wb.save(tmp_path / "left.xlsx")
    actions = _lite(tmp_path / "left.xlsx", tmp_path)["actions"]
    assert [a["args"][0] for a in actions if a["func"] == "alert"] == [NOTHING_TO_CHECK]
    assert any(a["func"] == "setValues" and a["values"] == [[NOTHING_TO_CHECK]] for a in actions), actions
    assert not any(a["func"] in ("addNote", "setRangeColor") for a in actions)


def _collection_with(tmp: Path, extra_units: list[list]) -> Path:
    """The seeds and a notice imported (`xxgk import` writes a sheet for the notice), then rows added
    to the `单位清单` sheet as a reviewer adds them in Excel."""
    import shutil

    import openpyxl
    src = tmp / "in"
    src.mkdir()
    for seed in sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt")):
        shutil.copy(seed, src / seed.name)
    (src / "通知.txt").write_text("关于报送年度报告的通知\n各单位：请于1月31日前报送。\n", encoding="utf-8")
    book = import_reports([src], tmp / "汇总.xlsx").path
    wb = openpyxl.load_workbook(book)
    for row in extra_units:
        wb["单位清单"].append(row)
    wb.save(book)
    return book


def _file_findings(book: Path) -> tuple[list[tuple], str]:
    done = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(book), "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    sev = {"error": "错误", "warning": "警告", "info": "提示"}
    return sorted((f["rule"], f["unit"] or "", f["year"] or "", sev[f["severity"]])
                  for f in json.loads(done.stdout)["findings"]), done.stderr


def test_the_live_workbook_reports_what_the_file_path_reports(tmp_path):
    """One workbook, two ways (README: `xxgk check 汇总.xlsx`, or the button): the same findings.
    The file path ignored the workbook's own `单位清单` sheet (a unit added there without a report
    gave U1 live and nothing on the command line), and a notice's sheet was an F5 only live."""
    book = _collection_with(tmp_path, [["某某局", "哈尔滨市城市管理局"]])
    on_disk, _ = _file_findings(book)
    live = sorted((r[5], r[3] or "", r[4] or "", r[2]) for r in _results_table(_lite(book, tmp_path)["actions"])[1:])
    assert live == on_disk
    assert ("U1", "某某局", "", "警告") in on_disk
    assert [f for f in on_disk if f[0] == "F5"] == [("F5", "", "", "错误")]


def test_a_units_sheet_that_contradicts_itself_is_said_on_both_paths(tmp_path):
    """The live path dropped such a list without a word (no hierarchy: R9 and U1 silently unchecked)."""
    from checker.collection import UNITS_SHEET_UNUSED
    book = _collection_with(tmp_path, [["某某局", "甲"], ["某某局", "乙"]])
    on_disk, err = _file_findings(book)
    assert UNITS_SHEET_UNUSED in err and "“某某局”的上级单位前后不一致" in err
    run = _lite(book, tmp_path)
    said = [a["args"][0] for a in run["actions"] if a["func"] == "alert"]
    assert len(said) == 1 and UNITS_SHEET_UNUSED in said[0] and "“某某局”的上级单位前后不一致" in said[0]
    live = sorted((r[5], r[3] or "", r[4] or "", r[2]) for r in _results_table(run["actions"])[1:])
    assert live == on_disk and not [f for f in on_disk if f[0] == "U1"]
