"""A rule that raises is skipped and the others run on (`rules.engine`). Its findings are then
missing, so the run is no all-clear: `xxgk check` used to exit 0 ("成功：没有发现错误") when the only
error-finding rule had crashed; it now exits 6 (程序内部出错, the exit codes table) after its output,
and stderr says which rule and that it is a bug to report. The Excel button / xlwings Lite says so
in a message box instead of "校验完成". The crash is made in the child by a `sitecustomize` that
replaces the rule's kind with one that raises."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import xlwings as xw

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
M2_SEED = next(SEEDS.glob("004_*.txt"))       # a report whose one error is M2
HOOK = '''
import os
if os.environ.get("XXGK_TEST_RULE_CRASH"):
    from checker.rules import engine
    from checker.catalogue import catalogue
    class Boom:
        @staticmethod
        def check(*a, **k):
            raise RuntimeError("rule bug")
    engine.KINDS[catalogue()[os.environ["XXGK_TEST_RULE_CRASH"]].kind] = Boom
'''


def _xxgk(tmp_path, *args, crash: str | None):
    (tmp_path / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))}
    env.pop("XXGK_TEST_RULE_CRASH", None)
    if crash:
        env["XXGK_TEST_RULE_CRASH"] = crash
    exe = shutil.which("xxgk", path=str(Path(sys.executable).parent)) or "xxgk"
    return subprocess.run([exe, *map(str, args)], capture_output=True, text=True, env=env, timeout=300)


def test_a_crashed_rule_exits_6_not_0(tmp_path):
    fine = _xxgk(tmp_path, "check", M2_SEED, "--select", "M2", "--format", "json", crash=None)
    assert fine.returncode == 1 and [f["rule"] for f in json.loads(fine.stdout)["findings"]] == ["M2"]
    p = _xxgk(tmp_path, "check", M2_SEED, "--select", "M2", "--format", "json", crash="M2")
    assert p.returncode == 6, p.stderr
    doc = json.loads(p.stdout)                 # the output is still written, whole
    assert doc["findings"] == [] and doc["stats"]["M2"]["crashed"] == 1
    assert p.stderr.strip().splitlines()[-1] == ("规则 M2 运行出错，已跳过，其结果不在输出中（这不表示没有问题）。"
                                                 "这是 xxgk 的问题，请把上面的出错信息反馈给开发者。")


def test_the_table_still_says_which_rule_failed(tmp_path):
    p = _xxgk(tmp_path, "check", M2_SEED, "--select", "M2", crash="M2")
    assert p.returncode == 6
    assert "运行出错的规则：M2" in p.stdout


@pytest.fixture
def collection(tmp_path):
    from checker.workbook.importer import import_reports
    return import_reports([M2_SEED], tmp_path / "book.xlsx").path


def test_the_excel_button_says_a_rule_failed(collection, monkeypatch):
    from checker.annotate.remote import workbook_json
    from checker.catalogue import catalogue
    from checker.excel import run_check
    from checker.rules import engine

    class Boom:
        @staticmethod
        def check(*a, **k):
            raise RuntimeError("rule bug")
    monkeypatch.setitem(engine.KINDS, catalogue()["M2"].kind, Boom)
    book = xw.Book(json=workbook_json(collection))
    counts = run_check(book)
    assert counts["crashed"] == ["M2"]
    said = [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]
    assert len(said) == 1 and "规则 M2 运行出错、已跳过" in said[0] and "这不表示没有问题" in said[0]
    assert "RuntimeError: rule bug" in said[0]
