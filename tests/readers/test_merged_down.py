"""A number merged down over two rows, in a Word table (vMerge), a sheet (F34:J35) or a web page (rowspan):
- Word: python-docx gives the top cell again in each row the merge spans, so the same number was read in both rows
  (规章 5, 行政规范性文件 5, where the page prints one 5 over both);
- a sheet: the place under the top-left is covered, so the lower row read a blank there (a false F1 "为空" on F35);
- a web page: the top row read the number as its own, the lower row was short (F3).
Which row's number it is (or both rows' together) the table does not say: both rows are unread, each named by an
F3 on the merge; never the number twice, nor a number and a blank. An empty merged box is blanks (F1), and merged
labels (the real files' group and header cells) read as before. A web page's number spanning two header columns
(colspan) where its row is short: unread, the F3 naming the columns it covers, as a sheet's merged cell does. On the
real 君山 2021 Word table and the real 上海 workbook and page (tests/fixtures/corpus/renditions-real-2, renditions-real),
through the real CLI."""
from __future__ import annotations

from bench.real_renditions import FOLDER
from cli_read import extract_one

WORD = FOLDER.parent / "renditions-real-2" / "derived" / "pingtan_jsp_2021.docx"
SHEET = FOLDER / "derived" / "sh_szfbgt_2019.xlsx"
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


def _sheet(tmp_path, top) -> dict:
    """行政许可 `top` | 2 | 7 (row 34) over 其他对外管理服务事项 (empty) | 3 | 9, F34:J35 merged (each value's own box
    K:T and U:Y, as the real sheet merges them)."""
    import openpyxl
    wb = openpyxl.load_workbook(SHEET)
    ws = wb.active
    assert [ws["A34"].value, ws["A35"].value] == ["行政许可", "其他对外管理服务事项"]
    for m in [m for m in ws.merged_cells.ranges if m.min_row in (34, 35) and m.min_col > 1]:
        ws.unmerge_cells(str(m))
    for r, (a, b, c) in ((34, (top, 2, 7)), (35, (None, 3, 9))):
        ws[f"F{r}"], ws[f"K{r}"], ws[f"U{r}"] = a, b, c
        ws.merge_cells(f"K{r}:T{r}")
        ws.merge_cells(f"U{r}:Y{r}")
    ws.merge_cells("F34:J35")
    wb.save(tmp_path / "sheet.xlsx")
    return extract_one(tmp_path / "sheet.xlsx")


SHEET_KEYS = ("prev_items", "change", "decisions")


def test_a_number_merged_down_in_a_sheet_is_read_in_neither_row(tmp_path):
    r = _sheet(tmp_path, 5)
    rows = [[r["cells"].get(f"active.{row}.{k}") for k in SHEET_KEYS] for row in ("licensing", "other_services")]
    assert rows == [[None] * 3, [None] * 3]            # was 5 | 2 | 7 and blank | 3 | 9 (a false F1 on F35)
    f3 = {f["message"].split("：", 1)[0]: f["message"] for f in r["findings"] if f["rule"] == "F3"}
    assert set(f3) == {"sheet.xlsx Sheet1!F34", "sheet.xlsx Sheet1!F35"}, f3
    assert "与第34行的单元格合并" in f3["sheet.xlsx Sheet1!F35"]
    assert not [f for f in r["findings"] if f["rule"] == "F1" and "F35" in f["message"]]


def test_an_empty_box_merged_down_in_a_sheet_is_two_blanks(tmp_path):
    r = _sheet(tmp_path, None)
    rows = [[r["cells"].get(f"active.{row}.{k}") for k in SHEET_KEYS] for row in ("licensing", "other_services")]
    assert rows == [[None, 2, 7], [None, 3, 9]]
    assert not [f for f in r["findings"] if f["rule"] == "F3"]


PAGE = FOLDER.parent / "renditions-real" / "sh_szfbgt_2019.html"
_TD = '<td nowrap="nowrap" style="width:{w}px;"><p{a}>{t}</p></td>'
REGULATIONS = ('<tr>' + _TD.format(w=219, a="", t="规章") + _TD.format(w=149, a=' align="center"', t="13")
               + '<td colspan="2" nowrap="nowrap" style="width:101px;"><p align="center">13</p></td>'
               + _TD.format(w=89, a=' align="center"', t="524") + '</tr>')
NORMATIVE = ('<tr>' + _TD.format(w=219, a="", t="规范性文件") + _TD.format(w=149, a=' align="center"', t="60")
             + '<td colspan="2" nowrap="nowrap" style="width:101px;"><p align="center">60</p></td>'
             + _TD.format(w=89, a=' align="center"', t="368") + '</tr>')


def _page(tmp_path, regulations: str, normative: str = NORMATIVE) -> dict:
    """The real 上海 page (表二's header: 信息内容 | 本年新制作数量 | 本年新公开数量 colspan=2 | 对外公开总数量) with
    规章's and 规范性文件's rows replaced."""
    text = PAGE.read_text(encoding="utf-8")
    assert REGULATIONS in text and NORMATIVE in text
    path = tmp_path / "page.html"
    path.write_text(text.replace(REGULATIONS, regulations).replace(NORMATIVE, normative), encoding="utf-8")
    return extract_one(path)


PAGE_KEYS = ("made", "published", "total_published")


def _page_row(r: dict, row: str) -> list:
    return [r["cells"].get(f"active.{row}.{k}") for k in PAGE_KEYS]


def test_a_web_page_number_spanning_two_rows_is_read_in_neither(tmp_path):
    r = _page(tmp_path, '<tr><td>规章</td><td rowspan="2">5</td><td colspan="2">2</td><td>524</td></tr>',
              '<tr><td>规范性文件</td><td colspan="2">1</td><td>368</td></tr>')
    assert _page_row(r, "regulations") == [None] * 3        # was 5 | 2 | 524
    assert _page_row(r, "normative_docs") == [None] * 3
    f3 = [f["message"] for f in r["findings"] if f["rule"] == "F3"]
    assert len(f3) == 2 and "“5”所在的合并单元格上下跨了 2 行" in f3[0] and "与第3行的单元格合并" in f3[1], f3


def test_a_web_page_number_spanning_two_header_columns_names_them(tmp_path):
    # 5 colspan=3 under 本年新制作数量 (column 2) and 本年新公开数量 (3–4), then 524: a row of 2 numbers for 3 columns
    r = _page(tmp_path, '<tr><td>规章</td><td colspan="3">5</td><td>524</td></tr>')
    assert _page_row(r, "regulations") == [None] * 3
    assert _page_row(r, "normative_docs") == [60, 60, 368]
    (f3,) = [f["message"] for f in r["findings"] if f["rule"] == "F3"]
    assert "「规章」一行有 2 个数值，模板有 3 列（“5”所在的合并单元格跨过了“本年新制作数量”、“本年新公开数量” 2 列的表头）" in f3
    assert not [f for f in r["findings"] if f["rule"] == "F1" and "规章" in f["message"]]


def test_the_real_page_whose_spans_fit_its_columns_reads_as_before():
    # guard: the real page spans values (colspan=2) where its header does, or one column off with a number in
    # each column (表二 (五)): every row is one number a column, read in order
    r = extract_one(PAGE)
    assert _page_row(r, "regulations") == [13, 13, 524] and _page_row(r, "normative_docs") == [60, 60, 368]
    assert [r["cells"][f"active.licensing.{k}"] for k in SHEET_KEYS] == [0, 0, 0]
    assert not [f for f in r["findings"] if f["rule"] == "F3"]
