"""A Word table's number merged down over two rows (vMerge): python-docx gives the top cell again in each row the
merge spans, so the same number was read in both rows (规章 5, 行政规范性文件 5, where the page prints one 5 over both).
Which row's number it is (or both rows' together) the table does not say: both rows are unread, each named by an
F3 on the merge; never the number twice, nor a number and a blank. An empty merged box is blanks (F1), and merged
labels (the real files' group and header cells, repeated in each row) read as before. On the real 君山 2021 Word
table (tests/fixtures/corpus/renditions-real-2), through the real CLI."""
from __future__ import annotations

from bench.real_renditions import FOLDER
from cli_read import extract_one

WORD = FOLDER.parent / "renditions-real-2" / "derived" / "pingtan_jsp_2021.docx"
KEYS = ("issued", "repealed", "in_force")


def _word(tmp_path, top: str) -> dict:
    """规章 `top` | 2 | 7 over 行政规范性文件 (empty) | 1 | 9, the first value cells of the two rows merged."""
    import docx
    d = docx.Document(str(WORD))
    t = d.tables[0]
    assert [t.rows[2].cells[0].text, t.rows[3].cells[0].text] == ["规章", "行政规范性文件"]
    for r, values in ((2, (top, "2", "7")), (3, ("", "1", "9"))):
        for cell, v in zip(t.rows[r].cells[1:], values):
            cell.text = v
    t.rows[2].cells[1].merge(t.rows[3].cells[1]).text = top
    d.save(str(tmp_path / "word.docx"))
    return extract_one(tmp_path / "word.docx")


def _row(r: dict, row: str) -> list:
    return [r["cells"].get(f"active.{row}.{k}") for k in KEYS]


def test_a_number_merged_down_over_two_rows_is_read_in_neither(tmp_path):
    r = _word(tmp_path, "5")
    assert _row(r, "regulations") == [None] * 3        # was 5 | 2 | 7
    assert _row(r, "normative_docs") == [None] * 3     # was 5 | 1 | 9: the one 5 read twice
    f3 = {f["message"].split("：", 1)[0]: f["message"] for f in r["findings"] if f["rule"] == "F3"}
    assert set(f3) == {"word.docx 第1个表格第3行第2列", "word.docx 第1个表格第4行第2列"}, f3
    assert "“5”所在的合并单元格上下跨了 2 行" in f3["word.docx 第1个表格第3行第2列"]
    assert "与第3行的单元格合并" in f3["word.docx 第1个表格第4行第2列"]
    assert not [f for f in r["findings"] if f["rule"] == "F1" and ("规章" in f["message"] or "规范性" in f["message"])]


def test_an_empty_box_merged_down_is_two_blanks(tmp_path):
    # guard: nothing in the box to misplace: each row's cell is blank (F1), the rest read
    r = _word(tmp_path, "")
    assert _row(r, "regulations") == [None, 2, 7]
    assert _row(r, "normative_docs") == [None, 1, 9]
    assert not [f for f in r["findings"] if f["rule"] == "F3"]
    assert len([f for f in r["findings"] if f["rule"] == "F1" and "本年制发件数" in f["message"]]) == 2


def test_the_real_table_with_its_merged_labels_reads_as_before(tmp_path):
    # guard: the real table merges its header and group cells down (58 vMerge), never a number
    r = extract_one(WORD)
    assert _row(r, "regulations") == [0, 0, 0] and _row(r, "normative_docs") == [0, 0, 11]
    assert not [f for f in r["findings"] if f["rule"] == "F3"]
