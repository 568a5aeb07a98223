"""A file that does not hold the whole report (checker/readers/cutoff.py), checked through the real CLI:
- the file ends inside a table (a copy or download broken off, a PDF missing its last pages): the
  reviewer is told the table breaks off after its last printed row and the file may be incomplete,
  not "没有找到 N 行…请核对表格是否为标准版式";
- a PDF whose table is wider than the page (the real 上海 page printed to PDF, columns past the right
  edge not in the file): the rows printing no number on that page are unread, not F1 "为空".
Guards: a table lacking its last rows while the file goes on keeps "没有找到"; a PDF within its page
keeps its F1."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cli_read import extract_one  # noqa: E402
from docfill import fill_2021, soffice, to_pdf  # noqa: E402
from official import values_for  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIXTURES / "seeds" / "003_15d564b43078fcdc.txt"     # 2021, tab rows
CLIPPED = FIXTURES / "corpus" / "renditions-real" / "derived" / "sh_szfbgt_2019.pdf"


def check(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


def _f4(data: dict) -> list[str]:
    return [f["message"] for f in data["findings"] if f["rule"] == "F4"]


def _cut_after(text: str, label: str, keep: str = "") -> str:
    """The text up to and including the line of `label` (then `keep`): a copy broken off there."""
    lines = text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith(label))
    return "\n".join(lines[: at + 1] + ([keep] if keep else []))


def test_a_text_broken_off_inside_the_requests_table_says_so(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "半截.txt"
    path.write_text(_cut_after(text, "\t(四) 无法提供\t1. 本机关不掌握"), encoding="utf-8")
    data, cells = check(path), extract_one(path)["cells"]
    f4 = _f4(data)
    broke = [m for m in f4 if "中断" in m]
    assert len(broke) == 1, f4
    assert "“三（四）无法提供1.本机关不掌握相关政府信息”一行处中断，文件到此结束" in broke[0]
    assert "三（四）无法提供2.没有现成信息需要另行制作" in broke[0] and "文件可能不完整" in broke[0]
    assert "半截.txt 第" in broke[0]          # where the table breaks off
    assert not [m for m in f4 if "请核对表格是否为标准版式" in m]
    # the table that would follow is not "missing" from a report: the file ended before it
    assert any("缺少标准表格“政府信息公开行政复议、行政诉讼情况”：文件在表格“收到和处理政府信息公开申请情况”中途结束" in m
               for m in f4)
    # the cells of the rows not in the file are unread, never read as blank (no F1 for them)
    assert cells.get("requests.unavailable.needs_creation.total") is None
    assert not [f for f in data["findings"] if f["rule"] == "F1" and "没有现成信息" in f["message"]]
    # what was printed before the break is read as before
    assert cells["requests.unavailable.not_held.total"] == 1
    assert cells["requests.received.total"] == 3


def test_a_text_ending_on_a_row_label_without_its_numbers_breaks_off_before_that_row(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "半截.txt"
    path.write_text(_cut_after(text, "\t(四) 无法提供\t1. 本机关不掌握", keep="\t\t2. 没有现成信息"), encoding="utf-8")
    broke = [m for m in _f4(check(path)) if "中断" in m]
    assert len(broke) == 1 and "“三（四）无法提供1.本机关不掌握相关政府信息”一行处中断" in broke[0], broke


@pytest.mark.parametrize(("seed", "section", "keep"), [
    ("003_15d564b43078fcdc.txt", "第二十条第（五）项", 1),    # 2021: the section heading only
    ("003_15d564b43078fcdc.txt", "第二十条第（五）项", 2),    # and its 信息内容 header line
    ("000_1cda018db4f6af73.txt", "第二十条第（五）项", 2),    # 2019
    ("000_1cda018db4f6af73.txt", "第二十条第（一）项", 4)])   # 2019: its first sub-table (a 2-line header), the next heading
def test_a_text_broken_off_after_a_section_heading_of_the_active_table_says_so(tmp_path, seed, section, keep):
    # 表一 is printed as sub-tables, each under its own heading (第二十条第（五）项) and header (信息内容…):
    # a copy broken off just after one still ends inside the table, not "没有找到…请核对表格是否为标准版式"
    lines = (FIXTURES / "seeds" / seed).read_text(encoding="utf-8").split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith(section))
    if section.endswith("（一）项"):   # keep the table's first row, cut inside the next one's sub-table
        at += 3
    path = tmp_path / "半截.txt"
    path.write_text("\n".join(lines[: at + keep]), encoding="utf-8")
    f4 = _f4(check(path))
    broke = [m for m in f4 if "中断" in m]
    assert len(broke) == 1 and "表格“主动公开政府信息情况”在" in broke[0] and "文件可能不完整" in broke[0], f4
    assert not [m for m in f4 if "请核对表格是否为标准版式" in m]


def test_a_section_heading_in_a_file_that_goes_on_is_no_cut(tmp_path):
    # guard: 表一 lacking its rows after 第二十条第（五）项's header, the report's text going on: "没有找到"
    lines = SEED.read_text(encoding="utf-8").split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("第二十条第（五）项"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("三、行政机关收到和处理"))
    path = tmp_path / "少行.txt"
    path.write_text("\n".join(lines[: at + 2] + ["", "表格之后的正文。"] + lines[end:]), encoding="utf-8")
    f4 = _f4(check(path))
    assert not [m for m in f4 if "中断" in m or "中途结束" in m], f4
    assert any("没有找到" in m and "行政许可" in m for m in f4), f4


def test_a_table_lacking_its_last_rows_in_a_file_that_goes_on_is_not_called_broken_off(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("四、结转下年度继续办理"))
    path = tmp_path / "少一行.txt"
    path.write_text("\n".join(lines[:at] + lines[at + 1:]), encoding="utf-8")
    f4 = _f4(check(path))
    assert any("没有找到 1 行：四、结转下年度继续办理" in m for m in f4), f4
    assert not [m for m in f4 if "中断" in m or "中途结束" in m]


def test_the_complete_seed_has_no_cut_off_finding():
    assert not [m for m in _f4(check(SEED)) if "中断" in m or "页面右边缘" in m]


def test_a_pdf_whose_table_is_wider_than_the_page_leaves_the_rows_it_cuts_unread_not_blank():
    # the real 上海 2019 page printed to PDF: 表三's 法律服务机构/其他/总计 lie past the right edge
    data, cells = check(CLIPPED), extract_one(CLIPPED)["cells"]
    f1_p5 = [f for f in data["findings"] if f["rule"] == "F1" and "第5页" in f["message"]]
    assert not f1_p5
    [edge] = [f for f in data["findings"] if f["rule"] == "F4" and "页面右边缘" in f["message"]]
    assert edge["message"].startswith("sh_szfbgt_2019.pdf 第5页：")
    assert "三（三）不予公开2.其他法律行政法规禁止公开" in edge["message"] and "不按空白计" in edge["message"]
    named = {c["cell"] for c in edge["cells"]}
    assert len(named) == 8 * 7 and "requests.denied.prohibited.total" in named
    assert all(cells.get(c) is None for c in named)


def _word_cut(src: Path, out: Path, after_row: str, keep_rest: bool) -> Path:
    """The Word file with the table holding `after_row` ending at that row; what follows the table
    removed too, or (`keep_rest`) only the other tables, the paragraphs after it kept."""
    import docx
    doc = docx.Document(str(src))
    table = next(t for t in doc.tables if after_row in "".join(c.text for r in t.rows for c in r.cells))
    rows = list(table.rows)
    at = next(i for i, r in enumerate(rows) if any(after_row in c.text for c in r.cells))
    for r in rows[at + 1:]:
        r._tr.getparent().remove(r._tr)
    body = table._tbl.getparent()
    for el in list(body)[list(body).index(table._tbl) + 1:]:
        if not el.tag.endswith("sectPr") and (not keep_rest or el.tag.endswith("tbl")):
            body.remove(el)
    doc.save(str(out))
    return out


def test_a_word_file_broken_off_says_so_and_one_whose_text_goes_on_does_not(tmp_path):
    # the Word reader numbers paragraphs and tables apart: the file's order decides what comes after
    whole = fill_2021(values_for("2021"), tmp_path / "whole.docx", title="某市某区财政局2021年政府信息公开工作年度报告")
    assert not [m for m in _f4(check(whole)) if "中断" in m]
    cut = _word_cut(whole, tmp_path / "半截.docx", "本机关不掌握相关政府信息", keep_rest=False)
    broke = [m for m in _f4(check(cut)) if "中断" in m]
    assert len(broke) == 1 and "“三（四）无法提供1.本机关不掌握相关政府信息”一行处中断" in broke[0], broke
    assert "半截.docx 第" in broke[0]
    # the same table short of its last rows, 表四 gone, the headings and prose after it kept: the
    # file goes on, so the rows are "not found" as before
    short = _word_cut(whole, tmp_path / "少行.docx", "本机关不掌握相关政府信息", keep_rest=True)
    f4 = _f4(check(short))
    assert not [m for m in f4 if "中断" in m or "中途结束" in m], f4
    assert any("没有找到" in m and "三（四）无法提供2.没有现成信息需要另行制作" in m for m in f4)


@pytest.mark.skipif(soffice() is None, reason="需要 LibreOffice（make system 安装）把 .docx 转成 PDF")
def test_a_pdf_that_ends_inside_the_requests_table_says_so_and_one_within_its_page_keeps_its_f1(tmp_path):
    vals = values_for("2021")
    vals["requests.granted.research"] = None        # a blank the file does hold: F1 stays
    whole = to_pdf(fill_2021(vals, tmp_path / "whole.docx", title="某市某区财政局2021年政府信息公开工作年度报告"), tmp_path)
    data = check(whole)
    assert not [m for m in _f4(data) if "中断" in m or "页面右边缘" in m]
    assert any(f["rule"] == "F1" and "予以公开·科研机构" in f["message"] for f in data["findings"])
    # the same document broken off after （四）无法提供 1.: the rest of the table and all after it gone
    _word_cut(tmp_path / "whole.docx", tmp_path / "半截.docx", "本机关不掌握相关政府信息", keep_rest=False)
    data = check(to_pdf(tmp_path / "半截.docx", tmp_path))
    broke = [m for m in _f4(data) if "中断" in m]
    assert len(broke) == 1 and "“三（四）无法提供1.本机关不掌握相关政府信息”一行处中断" in broke[0], _f4(data)
    assert "半截.pdf 第" in broke[0] and "页第" in broke[0]
    assert not [m for m in _f4(data) if "请核对表格是否为标准版式" in m]
