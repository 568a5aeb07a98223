"""Output paths: nothing is lost. The output is never an input (whatever the flags), a write that
fails (read-only folder, a folder as the output, a full disk) exits non-zero with a Chinese message
naming the path and keeps the previous output, and no temporary file is left behind."""
from __future__ import annotations

import os
import resource
import shutil
import signal
import zipfile

import openpyxl
import pytest

from hostile import (assert_clean, digest, leftovers, make_collection, permissions_apply, seed_copies,
                     written_formulas, xxgk)


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    return make_collection(tmp_path_factory.mktemp("coll"), 2)


def _copy(collection, tmp_path, name="汇总.xlsx"):
    p = tmp_path / name
    shutil.copy(collection, p)
    return p


@pytest.mark.parametrize("how", ["same", "dotdot", "symlink", "hardlink"])
def test_annotate_never_overwrites_its_input(collection, tmp_path, how):
    src = _copy(collection, tmp_path)
    (tmp_path / "sub").mkdir()
    out = {"same": src, "dotdot": tmp_path / "sub" / ".." / src.name,
           "symlink": tmp_path / "link.xlsx", "hardlink": tmp_path / "hard.xlsx"}[how]
    if how == "symlink":
        out.symlink_to(src)
    if how == "hardlink":
        os.link(src, out)
    before = digest([src])
    run = xxgk("check", src, "--annotate", out, "--force")
    assert_clean(run)
    assert run.code == 4
    assert "输入" in run.err and src.name in run.err, run.err
    assert digest([src]) == before
    assert leftovers(tmp_path) == []


def test_import_never_overwrites_an_input_in_a_folder(collection, tmp_path):
    folder = tmp_path / "reports"
    seed_copies(folder)
    inside = _copy(collection, folder, "上次汇总.xlsx")   # an earlier collection, now among the inputs
    before = digest([folder])
    run = xxgk("import", folder, "-o", inside, "--force")
    assert_clean(run)
    assert run.code == 4
    assert "输入" in run.err and "上次汇总.xlsx" in run.err, run.err
    assert digest([folder]) == before
    units = tmp_path / "units.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["单位", "上级单位"])
    wb.save(units)
    run = xxgk("import", folder / "000_1cda018db4f6af73.txt", "--units", units, "-o", units, "--force")
    assert_clean(run)
    assert run.code == 4 and "units.xlsx" in run.err, run.err


def test_output_is_a_folder(tmp_path):
    seed_copies(tmp_path / "in")
    (tmp_path / "out.xlsx").mkdir()
    for args in (["import", tmp_path / "in", "-o", tmp_path / "out.xlsx", "--force"],
                 ["check", tmp_path / "in", "--annotate", tmp_path / "out.xlsx", "--force"],
                 ["template", "-o", tmp_path / "out.xlsx", "--force"]):
        run = xxgk(*args)
        assert_clean(run)
        assert run.code == 4, run.text
        assert "out.xlsx" in run.err and "文件夹" in run.err, run.err
    assert (tmp_path / "out.xlsx").is_dir() and not any((tmp_path / "out.xlsx").iterdir())


@pytest.mark.skipif(not permissions_apply(), reason="file permissions cannot be made to apply here")
def test_output_in_a_read_only_folder(tmp_path):
    """The folder is readable, not writable (run without root's bypass of file permissions)."""
    seed_copies(tmp_path / "in")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    for args in (["import", tmp_path / "in", "-o", locked / "out.xlsx"],
                 ["check", tmp_path / "in", "--annotate", locked / "out.xlsx"],
                 ["template", "-o", locked / "t.xlsx"]):
        run = xxgk(*args, unprivileged=True)
        assert_clean(run)
        assert run.code == 4, run.text
        assert "locked" in run.err and ("权限" in run.err or "无法写" in run.err), run.err
    assert list(locked.iterdir()) == []


@pytest.mark.parametrize("command", ["import", "annotate"])
def test_disk_full_keeps_the_previous_output(collection, tmp_path, command):
    """RLIMIT_FSIZE makes every write past 8 kB fail, as a full disk does: the run exits
    non-zero with a message and the earlier output is still there, whole."""
    seed_copies(tmp_path / "in")
    out = tmp_path / "out.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "上一次的结果"
    wb.save(out)
    before = digest([out])
    # a write past the limit then fails (EFBIG) as on a full disk; the ignored signal is inherited
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        if command == "import":
            run = xxgk("import", tmp_path / "in", "-o", out, "--force",
                       limits={resource.RLIMIT_FSIZE: 8_000})
        else:
            run = xxgk("check", collection, "--annotate", out, "--force",
                       limits={resource.RLIMIT_FSIZE: 8_000})
    finally:
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    assert_clean(run)
    assert run.code == 4
    assert "out.xlsx" in run.err and ("空间" in run.err or "无法写" in run.err), run.err
    assert digest([out]) == before
    assert leftovers(tmp_path) == []


def test_a_damaged_temporary_file_is_never_renamed(tmp_path, monkeypatch):
    """A save that 'succeeds' but leaves a broken file (a failing network drive) is caught before the
    rename: an error, and the previous output kept."""
    from checker.workbook import save as save_mod
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"previous")

    class Broken:
        def save(self, path):
            with open(path, "wb") as f:
                f.write(b"PK\x03\x04 truncated")
    with pytest.raises(save_mod.OutputError) as e:
        save_mod.save_atomic(Broken(), out, force=True)
    assert "out.xlsx" in e.value.message
    assert out.read_bytes() == b"previous"
    assert leftovers(tmp_path) == []


def test_stale_temporary_files_are_cleaned(tmp_path):
    seed_copies(tmp_path / "in")
    stale = tmp_path / ".xxgk-abc123.xlsx"
    stale.write_bytes(b"left by a killed run")
    os.utime(stale, (0, 0))
    fresh = tmp_path / ".xxgk-fresh.xlsx"       # may belong to a run going on right now
    fresh.write_bytes(b"being written")
    run = xxgk("import", tmp_path / "in", "-o", tmp_path / "out.xlsx")
    assert_clean(run)
    assert run.code == 0
    assert not stale.exists() and fresh.exists()
    assert zipfile.ZipFile(tmp_path / "out.xlsx").testzip() is None
    assert written_formulas(tmp_path / "out.xlsx") == []


@pytest.mark.parametrize("name", [b"r\xff\xfe.txt", "第一行\n第二行.txt".encode(), "a\rb\tc.txt".encode()])
def test_odd_file_names(tmp_path, name):
    """A name that is not UTF-8 (a copy from an old GBK disk) or holds a newline is read and named."""
    src = tmp_path / "in"
    # two different reports (a second copy of the same one would now be imported once, as a duplicate)
    other = seed_copies(src, 2)[1]
    odd = os.path.join(os.fsencode(src), name)
    os.rename(other, odd.decode("utf-8", "surrogateescape"))
    before = digest([src])
    run = xxgk("import", src, "-o", tmp_path / "out.xlsx")
    assert_clean(run)
    assert run.code == 0, run.text
    assert len(openpyxl.load_workbook(tmp_path / "out.xlsx")["单位清单"]["A"]) == 3
    run = xxgk("check", os.fsencode(odd), "--format", "csv")
    assert_clean(run)
    assert run.code in (0, 1), run.text
    run = xxgk("check", src, "--annotate", tmp_path / "ann.xlsx")
    assert_clean(run)
    assert run.code in (0, 1), run.text
    assert digest([src]) == before
