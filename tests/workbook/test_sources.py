"""The workbooks we send back name each report's file below the folder given on the command line,
never by this machine's absolute path (user name, folders): 单位清单's 来源, each sheet's 来源, the
hidden `_xxgk_facts` records, and the messages of the flagged copy. Through the real CLI
(subprocess), the written workbook unzipped and every part searched."""
from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from openpyxl import load_workbook

XXGK = [str(Path(sys.executable).parent / "xxgk")]     # the installed command, as users run it


def _xxgk(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*XXGK, *args], capture_output=True, text=True, timeout=300)


def _text_of_every_part(book: Path) -> str:
    """All parts of the .xlsx as text, XML character references undone (Chinese is written `&#25253;`)."""
    with zipfile.ZipFile(book) as z:
        return "\n".join(html.unescape(z.read(n).decode("utf-8", "replace")) for n in z.namelist())


def _received(tmp_path: Path, seeds: dict) -> Path:
    """/…/收到的年报 holding three seeds, one of them in a sub-folder 乡镇."""
    root = tmp_path / "收到的年报"
    (root / "乡镇").mkdir(parents=True)
    for key, where in (("000", root / "乡镇"), ("001", root), ("003", root)):
        shutil.copy(seeds[key], where / seeds[key].name)
    return root.resolve()


def test_import_writes_no_absolute_path_and_reads_back(tmp_path, seeds):
    root = _received(tmp_path, seeds)
    out = tmp_path / "out" / "汇总.xlsx"
    out.parent.mkdir()
    run = _xxgk("import", str(root), "-o", str(out))
    assert run.returncode == 0, run.stderr
    text = _text_of_every_part(out)
    assert str(tmp_path.resolve()) not in text and str(root) not in text
    assert "收到的年报" not in text                          # the folder given is the root, not named

    wb = load_workbook(out)
    index = [[c.value for c in row] for row in wb["单位清单"].iter_rows(min_row=2)]
    assert sorted(r[4] for r in index) == sorted(["乡镇/" + seeds["000"].name, seeds["001"].name, seeds["003"].name])
    for row in index:                                       # each sheet's 来源 as the index says
        assert row[4] in [c.value for c in wb[row[5]]["B"][:10]]

    # read back: the restored reading findings name the file as written, the checks are unchanged
    back = json.loads(_xxgk("check", str(out), "--format", "json").stdout)
    direct = json.loads(_xxgk("check", str(root), "--format", "json").stdout)
    assert len(back["findings"]) == len(direct["findings"])
    restored = {f["source"] for f in back["findings"] if f["source"] and not f["source"].endswith(".xlsx")}
    assert restored and restored <= {r[4] for r in index}
    assert [f["rule"] for f in back["findings"]] == [f["rule"] for f in direct["findings"]]


def test_two_folders_with_the_same_file_names_stay_apart(tmp_path, seeds):
    """Two folders given, each holding the same file: each source keeps a name of its own, and the
    flagged copy's message about the twice-sent report names both without the machine's folders."""
    folders = [tmp_path / "甲", tmp_path / "乙"]
    for folder in folders:
        folder.mkdir()
        shutil.copy(seeds["001"], folder / seeds["001"].name)
    # 乙's copy differs in one figure: two identical copies would be imported once (collection/twins.py)
    second = folders[1] / seeds["001"].name
    row = "二、上年结转政府信息公开申 请数量\t\t0\t"
    text = second.read_text(encoding="utf-8")
    assert row in text
    second.write_text(text.replace(row, "二、上年结转政府信息公开申 请数量\t\t1\t", 1), encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    run = _xxgk("import", *[str(f.resolve()) for f in folders], "-o", str(out))
    assert run.returncode == 0, run.stderr
    names = sorted(c.value for c in load_workbook(out)["单位清单"]["E"][1:])
    assert names == sorted(f"{f.name}/{seeds['001'].name}" for f in folders)
    assert str(tmp_path.resolve()) not in _text_of_every_part(out)

    flagged = tmp_path / "标注.xlsx"
    run = _xxgk("check", *[str(f.resolve()) for f in folders], "--annotate", str(flagged))
    assert run.returncode in (0, 1), run.stderr
    assert str(tmp_path.resolve()) not in _text_of_every_part(flagged)
    messages = [str(r[7]) for r in load_workbook(flagged)["校验结果"].iter_rows(min_row=2, values_only=True)]
    twice = next(m for m in messages if "出现了两份" in m)
    assert all(f"{f.name}/{seeds['001'].name}" in twice for f in folders)
