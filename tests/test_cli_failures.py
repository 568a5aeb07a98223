"""Inputs that fail, said where a person looks (stderr), through the real `xxgk`: a run that read
nothing names the failed files and why (a missing path, a .doc, the reader's own error), not "check
the paths and formats"; a JSON/CSV run whose other files were checked names them too, so its exit
code 2 is explained. A reader's own error is produced in the child by a `sitecustomize` that makes
the text reader raise for one file name (the shape of the F5 a reader bug gives)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
BROKEN = "000_1cda018db4f6af73.txt"      # the seed whose reading fails on purpose
CRASH = '''
import os
if os.environ.get("XXGK_TEST_CRASH"):
    import checker.readers.text as t
    _read = t.read
    def read(path, *a, **k):
        if os.environ["XXGK_TEST_CRASH"] in str(path):
            raise ZeroDivisionError("boom")
        return _read(path, *a, **k)
    t.read = read
'''


@pytest.fixture
def run(tmp_path):
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(CRASH, encoding="utf-8")
    exe = shutil.which("xxgk", path=str(Path(sys.executable).parent)) or "xxgk"

    def xxgk(*args, crash: str | None = None):
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200",
               "PYTHONPATH": os.pathsep.join(filter(None, [str(hook), os.environ.get("PYTHONPATH")]))}
        env.pop("XXGK_TEST_CRASH", None)
        if crash:
            env["XXGK_TEST_CRASH"] = crash
        p = subprocess.run([exe, *map(str, args)], capture_output=True, text=True, cwd=tmp_path, env=env,
                           timeout=300)
        assert "Traceback" not in p.stderr, p.stderr
        return p
    return xxgk


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.mark.parametrize("command", ["check", "extract"])
def test_a_reader_error_alone_is_named_not_called_no_report(run, reports, command):
    p = run(command, f"报告/{BROKEN}", crash=BROKEN)
    assert p.returncode == 2
    said = p.stderr.strip().splitlines()[-1]
    assert said.startswith("没有检查任何报告：1 个输入无法读取（其中 1 个是本程序读取时出错，不是文件的问题）："), p.stderr
    assert BROKEN in said and "ZeroDivisionError" in said and "请把该文件反馈给开发者" in said
    assert "请检查路径和文件格式" not in p.stderr        # the file is no wrong path or format


def test_import_of_a_failed_file_says_nothing_was_written(run, reports):
    p = run("import", f"报告/{BROKEN}", "-o", "汇总.xlsx", crash=BROKEN)
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert lines[0].startswith(f"无法读取：报告/{BROKEN}：读取时出现意外错误（ZeroDivisionError"), p.stderr
    assert lines[-1] == "没有读到任何报告（上面列出的 1 个输入无法读取），未写出 汇总.xlsx。这不表示没有问题。"
    assert not (reports.parent / "汇总.xlsx").exists()


def test_a_missing_path_and_a_doc_are_named_with_their_reasons(run, reports, tmp_path):
    (tmp_path / "旧报告").mkdir()
    (tmp_path / "旧报告" / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0 not ours")
    p = run("check", "没有这个.txt", "旧报告", "--format", "json")
    assert p.returncode == 2
    assert p.stderr.strip() == ("没有检查任何报告：2 个输入无法读取：没有这个.txt：文件或文件夹不存在；"
                                "旧报告/a.doc：不支持的文件类型“.doc”：请在 WPS 或 Office 中另存为 .docx 后再检查。"
                                "这不表示没有问题。")
    assert {f["rule"] for f in json.loads(p.stdout)["findings"]} == {"F5"}


def test_an_empty_folder_keeps_its_message(run, tmp_path):
    (tmp_path / "空").mkdir()
    p = run("check", "空")
    assert p.returncode == 2
    assert "没有检查任何报告：空 中没有可以读取的报告" in p.stderr


@pytest.mark.parametrize("args", [["--format", "json"], ["--format", "csv"], ["-o", "结果.csv"]])
def test_json_or_csv_output_names_the_failed_file_on_stderr(run, reports, args):
    p = run("check", reports, *args, crash=BROKEN)
    assert p.returncode == 2
    line = [x for x in p.stderr.splitlines() if "无法读取" in x]
    assert len(line) == 1 and line[0].startswith("1 个输入无法读取（其中 1 个是本程序读取时出错"), p.stderr
    assert BROKEN in line[0] and line[0].endswith("其余输入照常处理。")
    if args[0] == "--format" and args[1] == "json":
        doc = json.loads(p.stdout)
        assert len(doc["reports"]) == 4 and [f["rule"] for f in doc["findings"] if f["unit"] is None] == ["F5"]


def test_the_table_on_stdout_lists_it_and_stderr_stays_quiet(run, reports):
    p = run("check", reports, crash=BROKEN)
    assert p.returncode == 2
    assert "无法读取" not in p.stderr and "ZeroDivisionError" in p.stdout
    assert "共检查 4 份报告" in p.stdout and "无法读取的输入 1 个" in p.stdout


def test_many_failures_show_three_and_a_count(run, tmp_path):
    names = [f"缺{i}.txt" for i in range(5)]
    p = run("check", *names, "--format", "json")
    assert p.returncode == 2
    said = p.stderr.strip()
    assert said.startswith("没有检查任何报告：5 个输入无法读取：缺0.txt：文件或文件夹不存在；") and "缺2.txt" in said
    assert "缺3.txt" not in said and "等（全部 5 个列在输出的 F5 中）" in said


def test_no_failure_no_line(run, reports):
    p = run("check", reports, "--format", "json")
    assert p.returncode == 1 and p.stderr == ""
