"""Ctrl+C during a check, through the real `xxgk`: exit 130 (README's table) and one Chinese line on
stderr saying the run did not finish, where it used to end silently (typer's KeyboardInterrupt → 130)
and a script or a person could take the empty output for an all-clear. The signal is sent once the
first PDF is read (the progress line says so), so the run is inside the reading, whatever the load."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pdfplumber")
PDFS = sorted((Path(__file__).resolve().parent / "fixtures" / "corpus").glob("renditions-real*/derived/*.pdf"))


def test_ctrl_c_is_said_and_exits_130(tmp_path):
    for p in PDFS:
        shutil.copy(p, tmp_path / p.name)
    exe = shutil.which("xxgk", path=str(Path(sys.executable).parent)) or "xxgk"
    p = subprocess.Popen([exe, "check", str(tmp_path), "--summary"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))   # as a terminal has it
    first = p.stderr.readline().decode("utf-8")
    assert first.startswith("读取报告：1/"), first
    p.send_signal(signal.SIGINT)
    rest = p.stderr.read().decode("utf-8")
    assert p.wait(timeout=120) == 130
    assert "已中断（Ctrl+C），没有做完，这不表示没有问题。" in rest
    assert "Traceback" not in rest and "Aborted" not in rest
