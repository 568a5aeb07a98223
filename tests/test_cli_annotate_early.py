"""`xxgk check … --annotate NAME` with a NAME the annotated copy cannot have is refused before the
check reads anything (exit 4, nothing on stdout), through the real `xxgk`: before, the whole check ran
and printed its findings, and only then was the name refused (minutes, for a district's folder). What
the copy must be called depends on what is checked: a folder or documents give a new collection
workbook (.xlsx); one workbook gives a copy of itself (its own extension)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile import xxgk

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def seeds_book(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("book") / "汇总.xlsx"
    assert xxgk("import", SEEDS, "-o", book).code == 0
    return book


@pytest.mark.parametrize("name, said", [
    ("标注.xls", "标注输出必须是 .xlsx 或 .xlsm 文件"),
    ("标注.csv", "标注输出必须是 .xlsx 或 .xlsm 文件"),
    ("标注.xlsm", "汇总工作簿应保存为 .xlsx"),        # a folder's collection workbook has no macros
])
def test_folder_refused_before_reading(tmp_path, name, said):
    run = xxgk("check", SEEDS, "--annotate", tmp_path / name)
    assert run.code == 4, run.text
    assert said in run.err
    assert run.out == ""              # the check did not run: no findings printed
    assert not (tmp_path / name).exists()


def test_workbook_copy_keeps_its_extension(tmp_path, seeds_book):
    run = xxgk("check", seeds_book, "--annotate", tmp_path / "标注.xlsm")
    assert run.code == 4, run.text
    assert "标注副本的扩展名应与输入相同（.xlsx）" in run.err
    assert run.out == ""


def test_engine_excel_without_excel_refused_first(tmp_path, seeds_book):
    run = xxgk("check", seeds_book, "--annotate", tmp_path / "标注.xlsx", "--engine", "excel")
    assert run.code == 4, run.text
    assert "--engine excel 需要装有 Excel" in run.err
    assert run.out == ""


def test_good_names_still_annotate(tmp_path, seeds_book):
    for given, out in ((SEEDS, tmp_path / "a.xlsx"), (seeds_book, tmp_path / "b.xlsx")):
        run = xxgk("check", given, "--annotate", out)
        assert run.code == 1, run.text     # the seeds' errors
        assert f"已写出标注工作簿：{out}" in run.err
        assert out.exists()
