"""Output piped into a program that stops reading (`xxgk extract … | head`), through the real `xxgk`:
no traceback, no "Exception ignored … BrokenPipeError" on stderr, and the command goes on as if all
was read: `check` still exits with what it found (1 for the seeds' errors) and still writes the
annotated workbook. The reader here closes its end before xxgk writes a byte (xxgk reads the reports
first), so the closed pipe is met every time, not by a race with the pipe's buffer."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


def closed_stdout(*args) -> tuple[int, str]:
    exe = shutil.which("xxgk", path=str(Path(sys.executable).parent)) or "xxgk"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    p = subprocess.Popen([exe, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, env=env)
    p.stdout.close()           # `| head` that has already gone
    err = p.stderr.read().decode("utf-8", "replace")
    return p.wait(timeout=300), err


def quiet(err: str) -> bool:
    return not any(w in err for w in ("BrokenPipe", "Exception ignored", "Traceback", "程序内部出错"))


@pytest.mark.parametrize("args", [("extract", SEEDS), ("extract", SEEDS, "--format", "table"), ("rules",),
                                  ("rules", "--format", "json"), ("template", "-o", "{tmp}/模板.xlsx"),
                                  ("import", SEEDS, "-o", "{tmp}/汇总.xlsx")])
def test_commands_that_succeed_exit_0_quietly(args, tmp_path):
    # (rules --format json, template and import exited 1 through typer's own EPIPE handling)
    code, err = closed_stdout(*(str(a).format(tmp=tmp_path) for a in args))
    assert code == 0, err
    assert quiet(err), err


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_check_keeps_its_exit_code(fmt):
    code, err = closed_stdout("check", SEEDS, "--format", fmt)
    assert code == 1, err          # the seeds hold errors: what a full read would have exited with
    assert quiet(err), err


def test_check_still_writes_the_annotated_workbook(tmp_path):
    out = tmp_path / "标注.xlsx"
    code, err = closed_stdout("check", SEEDS, "--annotate", out)
    assert code == 1, err
    assert quiet(err), err
    assert f"已写出标注工作簿：{out}" in err
    assert "校验结果" in openpyxl.load_workbook(out, read_only=True).sheetnames
