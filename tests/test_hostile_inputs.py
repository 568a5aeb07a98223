"""Inputs that are not reports: no wrong all-clear. A run that checked nothing exits 2 and says so;
what cannot be read (a folder without permission, a symlink loop, a pipe, /dev/zero, a .doc) is
reported by name, never as "不存在", never blocks, and the other inputs are still checked."""
from __future__ import annotations

import json
import os

import pytest

from hostile import assert_clean, digest, permissions_apply, seed_copies, xxgk


def _nothing_checked(run, name):
    assert_clean(run)
    assert run.code == 2, run.text
    assert "没有检查任何报告" in run.err and name in run.err, run.err


@pytest.mark.parametrize("command", ["check", "extract", "import"])
def test_empty_folder_is_no_all_clear(tmp_path, command):
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    args = [command, empty] + (["-o", tmp_path / "out.xlsx"] if command == "import" else [])
    _nothing_checked(xxgk(*args), "空文件夹")
    assert not (tmp_path / "out.xlsx").exists()      # no empty collection written


def test_folder_of_unsupported_documents(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    for name in ("a.doc", "b.wps", "c.ofd", "d.et", "e.jpg"):
        (folder / name).write_bytes(b"\xd0\xcf\x11\xe0 not ours")
    run = xxgk("check", folder, "--format", "json")
    _nothing_checked(run, "报告")
    msgs = {f["where"].rsplit("/", 1)[-1]: f["message"] for f in json.loads(run.out)["findings"] if f["rule"] == "F5"}
    assert set(msgs) == {"a.doc", "b.wps", "c.ofd", "d.et"}      # a picture is no report: not listed
    assert ".docx" in msgs["a.doc"] and ".docx" in msgs["b.wps"] and ".pdf" in msgs["c.ofd"] and ".xlsx" in msgs["d.et"]


def test_whitespace_only_file(tmp_path):
    p = tmp_path / "空白.txt"
    p.write_text(" \n\t\n　\n", encoding="utf-8")
    run = xxgk("check", p)
    _nothing_checked(run, "空白.txt")
    assert "空白.txt" in run.out and "空文件" in run.out


def test_symlink_loop_pipe_and_device(tmp_path):
    folder = tmp_path / "in"
    seeds = seed_copies(folder)
    (folder / "loop").symlink_to(folder / "loop")          # a loop inside the folder
    (folder / "up").symlink_to(folder)                      # a link back up: not followed
    os.mkfifo(folder / "pipe.txt")                          # a FIFO named like a report
    loop = tmp_path / "self.txt"
    loop.symlink_to(loop)
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    run = xxgk("check", folder, loop, fifo, "/dev/zero", "--format", "json", timeout=120)
    assert_clean(run)
    assert run.code == 2, run.text
    doc = json.loads(run.out)
    assert len(doc["reports"]) == len(seeds)                # the folder is still read, once
    f5 = {f["where"]: f["message"] for f in doc["findings"] if f["rule"] == "F5"}
    assert "循环" in f5[str(loop)]
    assert "管道" in f5[str(fifo)] and "不存在" not in f5[str(fifo)]
    assert "设备" in f5["/dev/zero"]


@pytest.mark.skipif(not permissions_apply(), reason="file permissions cannot be made to apply here")
def test_unreadable_file_and_folder_are_reported(tmp_path):
    folder = tmp_path / "in"
    seeds = seed_copies(folder, 3)
    locked = folder / "锁定"
    locked.mkdir()
    seed_copies(locked, 1)
    os.chmod(locked, 0)
    os.chmod(seeds[0], 0)
    try:
        run = xxgk("check", folder, "--format", "json", unprivileged=True)
    finally:
        os.chmod(locked, 0o755)
    assert_clean(run)
    assert run.code == 2, run.text
    doc = json.loads(run.out)
    assert len(doc["reports"]) == 2                          # the two readable ones are checked
    f5 = {f["where"]: f["message"] for f in doc["findings"] if f["rule"] == "F5"}
    assert "权限" in f5[str(seeds[0])]
    assert "权限" in f5[str(locked)] and "没有检查" in f5[str(locked)]


def test_a_good_report_among_bad_inputs_is_checked_and_inputs_untouched(tmp_path):
    folder = tmp_path / "in"
    seed_copies(folder, 1)
    (folder / "x.doc").write_bytes(b"old word")
    (folder / "blank.txt").write_bytes(b"")
    before = digest([folder])
    run = xxgk("import", folder, "-o", tmp_path / "汇总.xlsx")
    assert_clean(run)
    assert run.code == 2 and "x.doc" in run.err and "blank.txt" in run.err, run.text
    assert "1 份报告" in run.out
    assert digest([folder]) == before


def test_units_file_that_is_a_pipe_or_a_bomb(tmp_path):
    from bombs import Repeat, write_zip
    seed_copies(tmp_path / "in", 1)
    fifo = tmp_path / "units.csv"
    os.mkfifo(fifo)
    bomb = write_zip(tmp_path / "units.xlsx", {"xl/sharedStrings.xml": Repeat(b"<sst><si><t>", b"U" * (1 << 20), 1024,
                                                                                b"</t></si></sst>")})
    for units, words in ((fifo, "不是普通文件"), (bomb, "压缩炸弹")):
        run = xxgk("check", tmp_path / "in", "--units", units, timeout=120)
        assert_clean(run)
        assert run.code == 2 and units.name in run.err and words in run.err, run.text
