"""A folder given where a file is to be written, through the real `xxgk`: exit 4 before any work, and
the file suggested inside it is what that command writes, in its format (`check -o 目录.csv` where
目录.csv is a folder suggested `目录.csv/汇总.xlsx`, a workbook for a CSV; `check -o 结果/` was told
its extension should be .txt)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile import xxgk

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


@pytest.mark.parametrize("folder, extra, suggested", [
    ("目录.csv", (), "结果.csv"),                    # the format by the folder's "extension"
    ("结果", (), "结果.txt"),                        # the default format (table)
    ("结果", ("--format", "json"), "结果.json"),
])
def test_check_output_folder(tmp_path, folder, extra, suggested):
    (tmp_path / folder).mkdir()
    run = xxgk("check", SEEDS, "-o", tmp_path / folder, *extra)
    assert run.code == 4, run.text
    assert f"是一个文件夹，请给出要写出的文件名（如 {tmp_path / folder / suggested}）" in run.err
    assert run.out == ""


def test_each_command_suggests_what_it_writes(tmp_path):
    folder = tmp_path / "结果"
    folder.mkdir()
    book = tmp_path / "汇总.xlsx"
    assert xxgk("import", SEEDS, "-o", book).code == 0
    for args, suggested in ((("import", SEEDS, "-o", folder), "汇总.xlsx"),
                            (("template", "-o", folder), "年报表格.xlsx"),
                            (("check", SEEDS, "--annotate", folder), "标注.xlsx"),
                            (("check", book, "--annotate", folder), "汇总-标注.xlsx")):
        run = xxgk(*args)
        assert run.code == 4, (args, run.text)
        assert f"（如 {folder / suggested}）" in run.err, (args, run.err)
        assert run.out == ""
    assert list(folder.iterdir()) == []
