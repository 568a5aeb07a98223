"""One unit's report for one year given twice in one run — the reviewer saved the earlier collection
workbook into the reports folder, or a unit sent its report in two formats: `xxgk import` writes one
sheet for two copies whose figures agree and says which file it kept and why; copies whose figures
differ are both kept and said (only a person can tell which is right). `xxgk check FOLDER` says the
pairs once on stderr, beside the U2 findings."""
from __future__ import annotations

import shutil

import openpyxl

from checker import exitcodes
from tests.hostile import SEEDS, assert_clean, xxgk

SEED = "001_89021225479577a3.txt"
CHANGED = "003_15d564b43078fcdc.txt"


def _folder(tmp_path):
    folder = tmp_path / "报告"
    shutil.copytree(SEEDS, folder)
    return folder


def _sheets(book) -> list[str]:
    return [n for n in openpyxl.load_workbook(book, read_only=True).sheetnames if n != "单位清单" and not n.startswith("_xxgk")]


def test_an_earlier_collection_in_the_folder_is_not_imported_twice(tmp_path):
    folder = _folder(tmp_path)
    assert_clean(first := xxgk("import", folder, "-o", folder / "汇总.xlsx"))
    assert first.code == exitcodes.OK
    run = xxgk("import", folder, "-o", tmp_path / "新汇总.xlsx")
    assert_clean(run)
    assert run.code == exitcodes.OK
    assert len(_sheets(tmp_path / "新汇总.xlsx")) == 5             # not 10
    assert "已写出" in run.out and "5 份报告；重复的 5 份未导入" in run.out
    line = [s for s in run.err.splitlines() if "重复出现" in s]
    assert len(line) == 1                                           # one line for the whole collection
    assert "数字一致、未导入的 5 份：" in line[0] and "汇总.xlsx 中的 5 份" in line[0]
    assert "原始文件优先于汇总工作簿中的副本" in line[0] and "保留的是 " in line[0]
    # checking the folder as it is: said once on stderr, what to do included
    check = xxgk("check", folder, "--summary")
    said = [s for s in check.err.splitlines() if "重复出现" in s]
    assert len(said) == 1 and "汇总.xlsx 中的 5 份与其他文件" in said[0] and "请移走重复的文件" in said[0]


def test_a_copy_in_another_format_is_kept_once_and_named(tmp_path):
    folder = _folder(tmp_path)
    shutil.copy(folder / SEED, folder / "同一份报告.md")
    run = xxgk("import", folder, "-o", tmp_path / "汇总.xlsx")
    assert_clean(run)
    assert len(_sheets(tmp_path / "汇总.xlsx")) == 5
    line = [s for s in run.err.splitlines() if s.startswith("重复的报告：")]
    assert len(line) == 1 and "数字一致，只导入了" in line[0]
    assert SEED in line[0] and "同一份报告.md" in line[0]


def test_copies_whose_figures_differ_are_both_imported_and_said(tmp_path):
    folder = _folder(tmp_path)
    text = (folder / CHANGED).read_text(encoding="utf-8")
    # a unit's corrected version beside the first: 表三's 本年新收 3 → 4 (自然人 and 总计)
    line = "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\t"
    assert line in text
    (folder / "更正版.txt").write_text(text.replace(line, line.replace("3", "4")), encoding="utf-8")
    run = xxgk("import", folder, "-o", tmp_path / "汇总.xlsx")
    assert_clean(run)
    assert len(_sheets(tmp_path / "汇总.xlsx")) == 6       # both: only a person can tell which is right
    said = [s for s in run.err.splitlines() if s.startswith("重复的报告：")]
    assert len(said) == 1 and "数字不一致，两份都已导入" in said[0] and "更正版.txt" in said[0]
    assert "未导入" not in run.out


def test_distinct_reports_are_never_called_twins(tmp_path):
    run = xxgk("import", _folder(tmp_path), "-o", tmp_path / "汇总.xlsx")
    assert_clean(run)
    assert "重复" not in run.text
    assert "重复出现" not in xxgk("check", SEEDS).err


def test_the_renditions_of_one_real_report_are_imported_once(tmp_path):
    """A real report in six renditions (docx, pdf, xlsx, page text, pdftotext, layout text: the
    renditions-real-2 fixture): the figures agree wherever each was read (pdftotext reads fewer),
    so one sheet, and the line says which file was kept."""
    derived = SEEDS.parent / "corpus" / "renditions-real-2" / "derived"
    folder = tmp_path / "平潭"
    folder.mkdir()
    for f in derived.glob("pingtan_jsp_2021.*"):
        shutil.copy(f, folder / f.name)
    run = xxgk("import", folder, "-o", tmp_path / "汇总.xlsx")
    assert_clean(run)
    assert len(list(folder.iterdir())) == 6 and len(_sheets(tmp_path / "汇总.xlsx")) == 1
    assert "1 份报告；重复的 5 份未导入" in run.out
    said = [s for s in run.err.splitlines() if "重复出现" in s]
    assert len(said) == 1 and "数字一致、未导入的 5 份" in said[0] and "保留的是 pingtan_jsp_2021.copy.txt" in said[0]
