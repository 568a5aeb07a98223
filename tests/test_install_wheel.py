"""Install it as users do: the wheel built from a copy of the repository (`pip wheel .`), installed
(not editable) into a fresh venv in a temporary folder, and run from another folder: first the
core alone (`pip install xxgk-checker`: the command line, and what Excel needs: xlwings Lite,
xlwings Server, the desktop button), then with the `cli` extra that older instructions name (still
accepted, now empty).

One venv for the module (a real `pip install` of the core takes one to two minutes here). The
checks that need the core alone run in the fixture before the extra is added; the tests assert on
what they recorded."""
from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from checker.annotate import state as st
from checker.annotate.remote import workbook_json
from checker.catalogue import catalogue
from checker.check import check_paths
from checker.workbook.importer import import_reports

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
LITE = ROOT / "workbooks" / "lite"
VBA = ROOT / "workbooks" / "vba" / "xxgk.bas"

# What xlwings Lite does when the script is run: import main.py, then
# custom_scripts_call(module, name, typehint_to_value={xw.Book: book}) on the client's payload.
LITE_CALL = r"""
import asyncio, importlib.util, json, sys
import xlwings as xw
from xlwings.server import custom_scripts_call
spec = importlib.util.spec_from_file_location("main", sys.argv[1])
main = importlib.util.module_from_spec(spec)
spec.loader.exec_module(main)
import checker
book = xw.Book(json=json.load(open(sys.argv[2], encoding="utf-8")))
asyncio.run(custom_scripts_call(main, "xxgk_check", typehint_to_value={xw.Book: book}))
json.dump({"actions": book.json()["actions"], "checker": checker.__file__},
          open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
"""

# The desktop button's macro runs RunPython "<code>", in which xw.Book.caller() is the open
# workbook; here caller() gives the remote engine's Book of the same workbook.
BUTTON_CALL = r"""
import json, sys
import xlwings as xw
book = xw.Book(json=json.load(open(sys.argv[1], encoding="utf-8")))
xw.Book.caller = staticmethod(lambda: book)
exec(sys.argv[2])
json.dump({"actions": book.json()["actions"]}, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
"""


# Every installed distribution: name, what it requires (no extras), and whether its wheel is pure
# (Root-Is-Purelib and a py3-none-any tag): micropip installs pure wheels from PyPI; the others
# must be packages Pyodide builds itself.
DISTS = r"""
import json, re
from importlib.metadata import distributions
out = {}
for d in distributions():
    wheel = d.read_text("WHEEL") or ""
    tags = re.findall(r"^Tag: (.+)$", wheel, re.M)
    pure = "Root-Is-Purelib: true" in wheel and all(t.endswith("-none-any") for t in tags)
    reqs = [re.split(r"[ ;<>=!~\[(]", r)[0] for r in d.requires or [] if "extra ==" not in r]
    out[d.metadata["Name"].lower().replace("_", "-")] = {"pure": pure, "requires": [x.lower().replace("_", "-") for x in reqs]}
print(json.dumps(out))
"""


def _run(args, cwd, env=None, check=True):
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8")
    if check and done.returncode != 0:
        raise AssertionError(f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def _copy_repository(dest: Path) -> None:
    """The files a fresh clone has (tracked, plus new files not ignored), nothing built."""
    listed = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT,
                            capture_output=True)
    if listed.returncode != 0:       # not a git checkout: the tree without build output
        shutil.copytree(ROOT, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns(
            ".venv", "out", "build", "dist", "*.egg-info", "__pycache__", ".git"))
        return
    for rel in filter(None, listed.stdout.decode("utf-8").split("\0")):
        if (ROOT / rel).is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, dest / rel)


def _payload(book: Path, dest: Path, notes: bool) -> Path:
    """The workbook as the Office.js client sends it; a host without ExcelApi 1.18 sends no notes."""
    payload = workbook_json(book)
    if not notes:
        for sheet in payload["sheets"]:
            sheet.pop("notes", None)
            sheet["notes_supported"] = False
    dest.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("install")
    src, dist, env_dir, cwd = tmp / "src", tmp / "dist", tmp / "venv", tmp / "elsewhere"
    src.mkdir()
    cwd.mkdir()
    _copy_repository(src)
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", ".", "-w", dist], cwd=src)
    wheel = next(dist.glob("xxgk_checker-*.whl"))
    venv.create(env_dir, with_pip=True, clear=True)
    bin_ = env_dir / ("Scripts" if os.name == "nt" else "bin")
    py, xxgk = bin_ / "python", bin_ / "xxgk"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["XLWINGS_LICENSE_KEY"] = "noncommercial"

    # the seeds' collection workbook (what a reviewer checks in Excel), made by the source tree
    book = import_reports([SEEDS], tmp / "seeds.xlsx").path
    rec: dict = {"book": book}

    # 1. the core alone (no extras), as xlwings Lite and the desktop button use it
    _run([py, "-m", "pip", "install", "-q", wheel], cwd=cwd, env=env)
    rec["rules_core"] = _run([xxgk, "rules", "--format", "json"], cwd=cwd, env=env, check=False)
    rec["check_core"] = _run([xxgk, "check", SEEDS, "--format", "json"], cwd=cwd, env=env, check=False)
    # the Excel entry points must not load the command line (xlwings Lite imports them in the browser)
    rec["excel_imports"] = _run([py, "-c", "import json, sys, checker.excel, checker.check; "
                                 "print(json.dumps([m for m in ('typer', 'rich', 'click') if m in sys.modules]))"],
                                cwd=cwd, env=env)
    rec["dists"] = _run([py, "-c", DISTS], cwd=cwd, env=env)
    # a broken installation (typer removed by hand): the command says how to repair it
    rec["typer_missing"] = _run([py, "-c", "import sys; sys.modules['typer'] = None; "
                                 "from checker.entry import main; main()", "rules"], cwd=cwd, env=env, check=False)
    for suffix, content in ((".pdf", b"%PDF-1.4\n"), (".docx", b"PK"), (".html", "<p>x</p>".encode())):
        (cwd / f"report{suffix}").write_bytes(content)
    rec["readers_without_extras"] = _run(
        [py, "-c", "import json, sys; from checker.check import check_paths; "
                   "r = check_paths(sys.argv[1:]); print(json.dumps([f.message for f in r.findings]))",
         cwd / "report.pdf", cwd / "report.docx", cwd / "report.html"], cwd=cwd, env=env)
    # the same through the command, with a real report beside them: that one is checked, the exit
    # code is 3 (the fix is an install) and stderr says what to install
    shutil.copy(next(SEEDS.glob("001_*.txt")), cwd / "seed.txt")
    rec["cli_without_extras"] = _run([xxgk, "check", "report.pdf", "report.docx", "seed.txt", "--format", "json"],
                                     cwd=cwd, env=env, check=False)
    lite_env = env | {"XLWINGS_ON_SERVER": "true"}
    for notes in (True, False):
        out = tmp / f"lite-{notes}.json"
        rec[f"lite-{notes}"] = out
        _run([py, "-c", LITE_CALL, LITE / "main.py", _payload(book, tmp / f"payload-{notes}.json", notes),
              out], cwd=cwd, env=lite_env)
    macro = re.search(r'RunPython\s+"([^"]+)"', VBA.read_text(encoding="utf-8")).group(1)
    rec["macro"] = macro
    rec["button"] = tmp / "button.json"
    _run([py, "-c", BUTTON_CALL, tmp / "payload-True.json", macro, rec["button"]], cwd=cwd, env=env)

    # 2. with the command line, as README's CLI users install it
    rec["cli_extra"] = _run([py, "-m", "pip", "install", f"{wheel}[cli]"], cwd=cwd, env=env)
    rec |= {"tmp": tmp, "src": src, "wheel": wheel, "py": py, "xxgk": xxgk, "env": env, "cwd": cwd}
    return rec


def _actions(out: Path, func: str) -> list[dict]:
    return [a for a in json.loads(out.read_text(encoding="utf-8"))["actions"] if a["func"] == func]


def _source_xxgk(*args) -> subprocess.CompletedProcess:
    """The same command from the source tree (the editable install `make test` uses)."""
    return _run([Path(sys.executable).parent / "xxgk", *args], cwd=ROOT, check=False)


def test_the_wheel_carries_the_templates_and_rules(installed):
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    shipped = {n.split("/", 2)[2] for n in names if n.startswith("checker/schemas/") and n.endswith(".yaml")}
    in_repo = {str(p.relative_to(ROOT / "schemas")) for p in (ROOT / "schemas").rglob("*.yaml")}
    assert shipped == in_repo and len(in_repo) >= 10
    assert not any(n.startswith(("tests/", "schemas/", "bench/")) for n in names)


def test_an_sdist_builds_the_same_wheel(installed):
    """sdist -> wheel (what pip does with a source release) ships the same files as `pip wheel .`."""
    py, tmp = installed["py"], installed["tmp"]
    _run([py, "-m", "pip", "install", "-q", "setuptools>=77"], cwd=tmp, env=installed["env"])
    _run([py, "-c", "import sys; from setuptools import build_meta; build_meta.build_sdist(sys.argv[1])",
          tmp / "sdist"], cwd=installed["src"], env=installed["env"])
    sdist = next((tmp / "sdist").glob("xxgk_checker-*.tar.gz"))
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", sdist, "-w", tmp / "from-sdist"], cwd=tmp)
    again = next((tmp / "from-sdist").glob("xxgk_checker-*.whl"))

    def files(whl):
        return {n for n in zipfile.ZipFile(whl).namelist() if not n.endswith("RECORD")}
    assert files(again) == files(installed["wheel"])
    assert sum(n.startswith("checker/schemas/") and n.endswith(".yaml") for n in files(again)) >= 10


def test_installed_rules_lists_every_rule(installed):
    done = _run([installed["xxgk"], "rules", "--format", "json"], cwd=installed["cwd"], env=installed["env"])
    listed = {r["id"] for r in json.loads(done.stdout)}
    assert listed == set(catalogue()) and len(listed) >= 20


def test_installed_check_on_the_seeds_gives_the_source_trees_findings(installed):
    for target in (SEEDS, installed["book"]):           # the text reports, and make demo's workbook
        done = _run([installed["xxgk"], "check", target, "--format", "json"], cwd=installed["cwd"],
                    env=installed["env"], check=False)
        assert done.returncode == 1, done.stderr          # findings, no crash
        source = _source_xxgk("check", target, "--format", "json")
        assert source.returncode == 1
        findings = json.loads(done.stdout)
        assert findings == json.loads(source.stdout)
        assert len(findings["findings"] if isinstance(findings, dict) else findings) > 0


def test_a_plain_install_runs_the_command(installed):
    """`pip install xxgk-checker` (no extra): `xxgk rules` and `xxgk check` work, with the same
    findings as the source tree (before, they exited 3 asking for the `cli` extra)."""
    rules = installed["rules_core"]
    assert rules.returncode == 0, rules.stderr
    assert {r["id"] for r in json.loads(rules.stdout)} == set(catalogue())
    done = installed["check_core"]
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout) == json.loads(_source_xxgk("check", SEEDS, "--format", "json").stdout)


def test_the_cli_extra_is_still_accepted(installed):
    done = installed["cli_extra"]
    assert "does not provide the extra" not in done.stdout + done.stderr


def test_the_excel_entry_points_do_not_load_the_command_line(installed):
    assert json.loads(installed["excel_imports"].stdout) == []


def test_what_the_command_line_adds_is_pure_wheels(installed):
    """What typer and rich pull in beyond the rest of the core installs as pure wheels: micropip
    installs those in xlwings Lite (Pyodide) from PyPI, so the core's requirements.txt still
    installs there. (Binary packages they share with the core, e.g. pydantic-core through pandera,
    are the core's already: Pyodide builds them.)"""
    dists = json.loads(installed["dists"].stdout)

    def closure(roots):
        seen, todo = set(), list(roots)
        while todo:
            name = todo.pop()
            if name in dists and name not in seen:
                seen.add(name)
                todo.extend(dists[name]["requires"])
        return seen
    core = [r for r in dists["xxgk-checker"]["requires"] if r not in ("typer", "rich")]
    added = closure(["typer", "rich"]) - closure(core)
    assert {"typer", "rich"} <= added
    assert {n for n in added if not dists[n]["pure"]} == set(), {n: dists[n] for n in added}


def test_a_broken_install_says_how_to_repair_it(installed):
    done = installed["typer_missing"]
    assert done.returncode == 3
    assert "缺少模块 typer" in done.stderr and "pip install --force-reinstall xxgk-checker" in done.stderr
    assert "Traceback" not in done.stderr


def test_without_reader_extras_each_file_names_its_extra(installed):
    messages = json.loads(installed["readers_without_extras"].stdout)
    for name, extra in (("report.pdf", "pdf"), ("report.docx", "docx"), ("report.html", "html")):
        hit = [m for m in messages if name in m]
        assert hit and f'pip install "xxgk-checker[{extra}]"' in hit[0], messages


def test_without_reader_extras_the_command_exits_3_and_checks_the_rest(installed):
    done = installed["cli_without_extras"]
    assert done.returncode == 3, done.stderr
    assert [r["source"] for r in json.loads(done.stdout)["reports"]] == ["seed.txt"]
    said = done.stderr.strip().splitlines()
    assert len(said) == 1 and said[0].startswith("2 个输入无法读取：report.pdf：") and said[0].endswith("其余输入照常处理。")
    assert 'pip install "xxgk-checker[pdf]"' in said[0] and 'pip install "xxgk-checker[docx]"' in said[0]


def test_lite_script_from_the_wheel_flags_the_seeds_collection(installed):
    out = installed["lite-True"]
    assert "/venv/" in json.loads(out.read_text(encoding="utf-8"))["checker"]   # the wheel, not the tree
    expected = check_paths([installed["book"]])
    assert [a["args"][1] for a in _actions(out, "addSheet")] == [st.RESULTS_SHEET, "概览", st.STATE_SHEET]   # 概览: issue 14
    table = next(a["values"] for a in _actions(out, "setValues") if a["values"][0][0] == "序号")
    assert len(table) == 1 + len(expected.findings) > 1
    assert len(_actions(out, "addNote")) > 0
    assert any(a["args"][0] in ("#FF7C80", "#FFD966") for a in _actions(out, "setRangeColor"))


def test_lite_without_notes_still_flags_and_fills_the_results_sheet(installed):
    out = installed["lite-False"]
    expected = check_paths([installed["book"]])
    assert not _actions(out, "addNote")
    assert any(a["args"][0] == "#FF7C80" for a in _actions(out, "setRangeColor"))   # suspects red
    table = next(a["values"] for a in _actions(out, "setValues") if a["values"][0][0] == "序号")
    assert len(table) == 1 + len(expected.findings) > 1
    said = [a["values"] for a in _actions(out, "setValues")]
    assert any("批注未写入" in str(v) and "ExcelApi 1.18" in str(v) for v in said)


def test_desktop_button_macro_runs_the_wheels_entry(installed):
    assert installed["macro"] == "import checker.excel; checker.excel.run_check()"
    out = installed["button"]
    assert [a["args"][1] for a in _actions(out, "addSheet")] == [st.RESULTS_SHEET, "概览", st.STATE_SHEET]   # 概览: issue 14
    assert len(_actions(out, "addNote")) > 0


def test_installed_check_accounts_for_every_input_in_its_csv(installed, tmp_path):
    """The evaluator's run from the installed wheel: `-o 结果.csv` over reports, a notice, an empty file
    and a broken workbook (the install has the command line, not the PDF extra); every input is a
    checked report or an F5 row saying why (the notice was on stderr alone)."""
    import csv
    import io
    folder = tmp_path / "报告"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, folder / seed.name)
    (folder / "通知.txt").write_text("关于报送年度报告的通知\n各单位：请于1月31日前报送。\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.xlsx").write_bytes(b"hello")
    out = tmp_path / "结果.csv"
    done = _run([installed["xxgk"], "check", folder, "-o", out], cwd=installed["cwd"], env=installed["env"],
                check=False)
    assert done.returncode == 2, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {Path(r["来源"]).name for r in rows if r["规则"] == "F5"} == {"通知.txt", "empty.txt", "broken.xlsx"}
    assert {Path(r["来源"]).name for r in rows if r["规则"] != "F5"} == {p.name for p in sorted(SEEDS.glob("*.txt"))[:2]}


def test_installed_import_keeps_the_unreadable_inputs_in_the_collection(installed, tmp_path):
    """The reviewer's round from the installed wheel: `xxgk import` of a folder with a broken workbook
    lists it on the collection's `未导入` sheet, and `xxgk check` of that collection says it again (F5,
    exit 2): the collection never reads as whole once stderr is gone."""
    from openpyxl import load_workbook
    folder = tmp_path / "报告"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, folder / seed.name)
    (folder / "broken.xlsx").write_bytes(b"hello")
    book = tmp_path / "汇总.xlsx"
    run = functools.partial(_run, cwd=installed["cwd"], env=installed["env"], check=False)
    made = run([installed["xxgk"], "import", folder, "-o", book])
    assert made.returncode == 2 and "列在工作表“未导入”中" in made.stdout, made.stderr
    listed = list(load_workbook(book)["未导入"].iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in listed] == ["broken.xlsx"]
    checked = run([installed["xxgk"], "check", book, "--format", "json"])
    assert checked.returncode == 2, checked.stderr
    f5 = [f["message"] for f in json.loads(checked.stdout)["findings"] if f["rule"] == "F5"]
    assert len(f5) == 1 and "汇总时无法读取“broken.xlsx”" in f5[0] and "工作表“未导入”第3行" in f5[0]


def test_installed_second_round_with_the_collection_and_notes_in_the_folder(installed, tmp_path):
    """The reviewer's second round from the installed wheel: last round's 汇总.xlsx was saved into the
    reports folder, beside a README.md of notes. `xxgk import` writes each report once and says which
    copies it left out; the notes are named as no report, never a sheet of findings."""
    from openpyxl import load_workbook
    folder = tmp_path / "报告"
    shutil.copytree(SEEDS, folder)
    run = functools.partial(_run, cwd=installed["cwd"], env=installed["env"], check=False)
    assert run([installed["xxgk"], "import", folder, "-o", folder / "汇总.xlsx"]).returncode == 0
    (folder / "README.md").write_text("# 说明\n\n| 行 | 数 |\n|---|---|\n| 二、上年结转政府信息公开申请数量 | 4 | 4 | 4 |\n",
                                      encoding="utf-8")
    book = tmp_path / "第二轮.xlsx"
    made = run([installed["xxgk"], "import", folder, "-o", book])
    assert "6 份报告（其中 1 份无法识别为年度报告）；重复的 5 份未导入" in made.stdout, made.stdout + made.stderr
    assert made.returncode == 2            # an input that is no report: never an all-clear
    assert "数字一致、未导入的 5 份：" in made.stderr and "无法识别为年度报告：" in made.stderr
    sheets = [n for n in load_workbook(book, read_only=True).sheetnames if n != "单位清单" and not n.startswith("_")]
    assert len(sheets) == 6       # the 5 reports once, and the README as a sheet that says it is no report
