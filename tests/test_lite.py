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
