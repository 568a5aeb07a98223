"""Two stored openings of real pages (session 14's a14 folder) that ended inside 表二/表三, each with a false F3:
- 长白镇 2020 (one cell a paragraph) is cut two cells into 三（一）予以公开: the row is where the file breaks off, not a
  row printed short. Its F3 ("2 个数值，模板有 7 列") folds into the cut's F4, which names the row as cut inside and
  keeps its cells unread. A row followed by the next row's label begun was printed short before the cut: F3 stays.
- 柳湖镇 2019 prints its header and `规章` / `0` / `0` / `0` one cell a paragraph, double-spaced, and is cut after that
  row: too short for the whole text to show its double spacing (`text.cell_lines`), so the empty lines were read as
  cells ("3 个数值和 2 个空着的格", unread). Each number one empty line below the one before, the label one below the line
  above, exactly the row's columns: the empty lines are the page's spacing, read as cells no reading fits.
Constructed text in the real patterns, through the real CLI; the real pages are in tests/fixtures/corpus/a14."""
from __future__ import annotations

from pathlib import Path

import pytest

from cli_read import extract_one

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_15d564b43078fcdc.txt"   # 2021, tab rows
GRANTED = [f"requests.granted.{c}" for c in
           ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")]
KEYS = ("made", "published", "total_published")


def _tab_cut(tmp_path: Path, *tail: str) -> dict:
    """The seed up to 三、本年度办理结果, then `tail` (the file ends there)."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("三、本年度办理结果"))
    path = tmp_path / "半截.txt"
    path.write_text("\n".join(lines[:at] + list(tail)), encoding="utf-8")
    return extract_one(path)


def _rules(r: dict, rule: str) -> list[dict]:
    return [f for f in r["findings"] if f["rule"] == rule]


def test_a_file_ending_inside_a_row_says_the_row_is_cut_not_printed_short(tmp_path):
    r = _tab_cut(tmp_path, "三、本年度办理结果\t(一) 予以公开\t1\t0")
    assert not _rules(r, "F3"), _rules(r, "F3")
    cut = [f for f in _rules(r, "F4") if "中断" in f["message"]]
    assert len(cut) == 1, _rules(r, "F4")
    msg = cut[0]["message"]
    assert "“三（一）予以公开”一行中途中断，文件到此结束：这一行只印出 2 个数值（模板有 7 列）" in msg, msg
    assert "其后 22 行" in msg and "文件可能不完整" in msg and "半截.txt 第51行" in msg
    assert all(r["cells"][c] is None for c in GRANTED)     # its two printed numbers are not placed: unread
    assert r["cells"]["requests.received.total"] == 3       # the rows before it as before


def test_a_short_row_before_the_next_rows_label_keeps_its_f3(tmp_path):
    # the next row's label begun after it: the row was printed short, then the file broke off
    r = _tab_cut(tmp_path, "三、本年度办理结果\t(一) 予以公开\t1\t0", "\t(二) 部分公开")
    assert [f["message"] for f in _rules(r, "F3")] == [
        "半截.txt 第51行：「三（一）予以公开」一行有 2 个数值，模板有 7 列，无法确定缺失或多出的是哪一格，该行按空白处理。"]
    assert any("“三（一）予以公开”一行处中断" in f["message"] for f in _rules(r, "F4"))


def _paragraphs(*lines: str) -> str:
    """A page whose paragraphs each became a line, an empty line after each (one cell a paragraph)."""
    return "\n\n".join(lines) + "\n"


HEAD = ("某某县某某镇人民政府2019年政府信息公开工作年度报告",
        "根据《中华人民共和国政府信息公开条例》规定，现发布本报告。报告所列数据的统计期限为2019年1月1日至12月31日。",
        "一、总体情况", "2019年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，全年累计公开政务信息200余条。",
        "二、主动公开政府信息情况", "第二十条第(一)项")
HEADER = ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量")


def test_a_long_paragraph_page_cut_inside_a_row(tmp_path):
    # 长白镇's rendition: the whole page double-spaced (long enough for the text to show it), cut in a row
    req = ("申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    path = tmp_path / "长白.txt"
    path.write_text(_paragraphs(*HEAD, *HEADER, "规章", "0", "0", "0", "规范性文件", "0", "0", "0",
                                "三、收到和处理政府信息公开申请情况", *req,
                                "一、本年新收政府信息公开申请数量", *"1000001", "二、上年结转政府信息公开申请数量", *"0000000",
                                "三、本年度办理结果", "(一)予以公开", "1", "0"), encoding="utf-8")
    r = extract_one(path)
    assert not _rules(r, "F3"), _rules(r, "F3")
    assert any("“三（一）予以公开”一行中途中断" in f["message"] for f in _rules(r, "F4")), _rules(r, "F4")
    assert all(r["cells"][c] is None for c in GRANTED)
    assert r["cells"]["requests.received.natural_person"] == 1 and r["cells"]["requests.received.total"] == 1


@pytest.mark.parametrize("rows", [
    (("规章", "5", "2", "7"), "规"),                              # 柳湖镇: the only row, then the cut
    (("规章", "5", "2", "7"), ("规范性文件", "3", "1", "4"))])     # and a second row set the same way
def test_a_short_double_spaced_page_reads_its_one_cell_a_paragraph_rows(tmp_path, rows):
    lines = [x for row in rows for x in ((row,) if isinstance(row, str) else row)]
    path = tmp_path / "柳湖.txt"
    path.write_text(_paragraphs(*HEAD, *HEADER, *lines), encoding="utf-8")
    r = extract_one(path)
    assert [r["cells"][f"active.regulations.{k}"] for k in KEYS] == [5, 2, 7]
    assert not _rules(r, "F3"), _rules(r, "F3")
    if rows[1] != "规":
        assert [r["cells"][f"active.normative_docs.{k}"] for k in KEYS] == [3, 1, 4]


def test_a_row_set_apart_from_a_single_spaced_header_stays_unread(tmp_path):
    # guard: the header and the label single-spaced, only the numbers spaced: nothing shows the page's spacing
    path = tmp_path / "单倍.txt"
    path.write_text(_paragraphs(*HEAD) + "\n" + "\n".join(HEADER) + "\n规章\n\n5\n\n2\n\n7\n\n规\n", encoding="utf-8")
    r = extract_one(path)
    assert [r["cells"][f"active.regulations.{k}"] for k in KEYS] == [None, None, None]
    assert [f["message"].split("：", 1)[1] for f in _rules(r, "F3")] == [
        "「规章」一行有 3 个数值和 2 个空着的格，模板有 3 列，无法确定缺失或多出的是哪一格，该行按空白处理。"]


def test_one_cell_a_line_without_spacing_keeps_an_empty_line_as_a_blank_cell(tmp_path):
    # guard: single-spaced copy-paste, an empty line is an empty cell (F1), as before
    path = tmp_path / "复制.txt"
    path.write_text("\n".join((*HEAD, *HEADER, "规章", "5", "", "7", "规范性文件", "3", "1", "4")) + "\n", encoding="utf-8")
    r = extract_one(path)
    assert [r["cells"][f"active.regulations.{k}"] for k in KEYS] == [5, None, 7]
    assert [f["rule"] for f in r["findings"] if "「规章" in f["message"]] == ["F1"]


def _seed_to_appeals(tmp_path: Path, *tail: str) -> dict:
    """The seed up to 表四's header lines, then `tail` (the file ends there)."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("结果维持\t结果纠正"))
    path = tmp_path / "表四.txt"
    path.write_text("\n".join(lines[:at + 1] + list(tail)), encoding="utf-8")
    return extract_one(path)


def test_a_file_ending_inside_the_one_row_of_the_last_table_says_it_is_cut(tmp_path):
    # 表四 has one row, so no row after it is missing: its short row was an F3 alone, the cut never said
    r = _seed_to_appeals(tmp_path, "0\t0\t0\t0\t0\t0")
    assert not _rules(r, "F3"), _rules(r, "F3")
    (cut,) = [f["message"] for f in _rules(r, "F4")]
    assert "“行政复议、行政诉讼情况”一行中途中断，文件到此结束：这一行只印出 6 个数值（模板有 15 列），其余的数值不在文件中" in cut, cut
    assert all(v is None for c, v in r["cells"].items() if c.startswith("appeals."))


def test_a_short_last_row_with_the_report_going_on_keeps_its_f3(tmp_path):
    # guard: the prose after it: the row was printed short, the file did not end inside it
    r = _seed_to_appeals(tmp_path, "0\t0\t0\t0\t0\t0", "", "五、政府信息公开工作存在的主要问题及改进情况", "无。")
    assert len(_rules(r, "F3")) == 1 and not any("中断" in f["message"] for f in _rules(r, "F4"))
