"""pdfcolumns on constructed lines: which column a number of a table printed without ruling lines
stands in, from the header's names and the numbers' positions — placed only for sure."""
from __future__ import annotations

from checker.readers import labels as L
from checker.readers.pdfcolumns import Line, Word, place

# The requests header of the official template as LibreOffice prints it without rules: the names
# wrapped in narrow cells, 总计 on a line of its own (x in points; 34 pt a column).
HEADER = [
    [("自然", 309, 329), ("商业", 343, 363), ("科研", 377, 397), ("社会", 412, 432), ("法律", 446, 466)],
    [("于第三项加第四项之和）", 60, 170), ("总计", 514, 534)],
    [("人", 314, 324), ("公益", 412, 432), ("服务", 446, 466), ("其他", 480, 500)],
    [("企业", 343, 363), ("机构", 377, 397), ("组织", 412, 432), ("机构", 446, 466)],
]


def _line(top: float, words: list[tuple[str, float, float]], page: int = 0, loose: set[int] | None = None) -> Line:
    texts = [w for w, _, _ in words]
    last_label = max((i for i, t in enumerate(texts) if L.is_label(t)), default=-1)
    numbers = [i for i, t in enumerate(texts) if i > last_label and t.isdigit()]
    return Line(page, top, top + 10, 10.5, 595.0, [Word(*w) for w in words], numbers, loose or set())


def _placed(rows: list[list[tuple[str, float, float]]], tops: list[float] | None = None, **kw) -> list[Line]:
    lines = [_line(230 + 8 * i, ws) for i, ws in enumerate(HEADER)]
    tops = tops or [290 + 17 * i for i in range(len(rows))]
    body = [_line(t, ws) for t, ws in zip(tops, rows)]
    place(lines + body, lambda text: False, **kw)
    return body


def test_wrapped_header_names_place_a_row_of_two_numbers():
    [ln] = _placed([[("（一）予以公开", 95, 165), ("20", 304, 318), ("20", 510, 523)]])
    assert ln.ncols == 7 and ln.slots == {1: 0, 2: 6}


def test_a_middle_column_and_a_number_left_of_the_first_name():
    [ln] = _placed([[("2.重复申请", 141, 190), ("3", 441, 448), ("3", 510, 517)]])
    assert ln.slots == {1: 4, 2: 6}


def test_a_number_spanning_two_columns_is_not_placed():
    [ln] = _placed([[("2.重复申请", 141, 190), ("123456", 350, 390)]])
    assert ln.slots == {}


def test_no_header_no_placement():
    body = [_line(290, [("（一）予以公开", 95, 165), ("20", 304, 318), ("20", 510, 523)])]
    place(body, lambda text: False)
    assert body[0].slots == {}


def test_a_line_of_numbers_only_joins_the_labelled_line_it_stands_by():
    """(二) prints its 总计 on the label's first line and 自然人 8 points lower: one row."""
    label, bare = _placed([[("（二）部分公开（区分处理的，只计这一情", 95, 285), ("2", 510, 517)], [("2", 304, 311)]],
                          tops=[325.1, 332.9])
    assert bare.merged_into is label and label.slots == {1: 6} and bare.slots == {0: 0}


def test_a_line_of_numbers_between_two_labelled_lines_is_left_unplaced():
    a, bare, b = _placed([[("1.属于国家秘密", 141, 210), ("4", 510, 517)], [("4", 304, 311)],
                          [("2.其他法律行政法规禁止公开", 141, 270), ("5", 510, 517)]], tops=[400, 404.5, 409])
    assert bare.merged_into is None and not (a.slots or bare.slots or b.slots)


def test_a_number_whose_position_says_nothing_takes_the_one_column_left_by_order():
    lines = [_line(230 + 8 * i, ws) for i, ws in enumerate(HEADER)]
    ln = _line(290, [("行政机关不再处理其政府信息公开", 141, 299), ("1", 300, 307), ("0", 339, 345), ("0", 373, 380)],
               loose={1})
    two = _line(320, [("3.其他", 141, 170), ("1", 300, 307), ("0", 373, 380)], loose={1})
    place(lines + [ln, two], lambda text: False)
    assert ln.slots == {1: 0, 2: 1, 3: 2}
    assert two.slots == {}      # 自然人 or 商业企业: two columns left for it


def test_layout_text_places_only_at_the_header_names_on_their_page():
    """pdftotext's character cells: a number within one character of its column's name, on the
    header's page; not on another page. A number farther off (`3` at 26, left of 自然 at 29) is
    placed only by the names that bound it (`_between_names`): it starts before 自然 ends, so it is
    not in 商业企业 or after; it is 自然人's. (Before that rule it was left unplaced.)"""
    head = [[("自然", 29, 31), ("商业", 37, 39), ("科研", 42, 44), ("社会", 47, 49), ("法律", 52, 54)],
            [("总计", 62, 64)],
            [("人", 33, 34), ("公益", 47, 49), ("服务", 52, 54), ("其他", 57, 59)],
            [("企业", 37, 39), ("机构", 42, 44), ("组织", 47, 49), ("机构", 52, 54)]]
    lines = [Line(1, 36 + i, 36 + i, 1.0, 0.0, [Word(*w) for w in ws], []) for i, ws in enumerate(head)]
    ok = Line(1, 41, 41, 1.0, 0.0, [Word("（一）予以公开", 4, 11), Word("20", 29, 31), Word("20", 62, 64)], [1, 2])
    off = Line(1, 42, 42, 1.0, 0.0, [Word("2.重复申请", 10, 16), Word("3", 26, 27), Word("3", 62, 63)], [1, 2])
    other_page = Line(2, 1, 1, 1.0, 0.0, [Word("（七）总计", 5, 10), Word("38", 29, 31), Word("38", 62, 64)], [1, 2])
    place(lines + [ok, off, other_page], lambda text: False, tolerance=1)
    assert ok.slots == {1: 0, 2: 6}
    assert off.slots == {1: 0, 2: 6} and other_page.slots == {}


def test_pdftotext_rows_take_the_header_columns_a_pulled_number_by_order():
    """Real `pdftotext -layout` lines of the official template without rules (zeros partly left
    empty): 重复申请's numbers stand under their names (社会公益组织 empty); 补正后…'s 自然人 was pulled
    onto its label (`…仍不明确0`) and is placed by order, before 商业企业's."""
    from checker.readers.text import rows_of
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "                                自然      商业   科研    社会   法律",
        "于第三项加第四项之和）                                                       总计",
        "                                    人              公益   服务   其他",
        "                                        企业   机构    组织   机构",
        "三、本 法提供      3.补正后申请内容仍不明确0             0    0     0    0    0    0",
        "理结果      2.重复申请           1             0    0          0    0    1",
        "\f",
        "理结果      2.重复申请           1             0    0          0    0    1",
    ]
    rows = rows_of(lines, [0] * 8 + [1])
    unclear, duplicate, next_page = rows[-3], rows[-2], rows[-1]
    assert [c.text for c in unclear][-8:-7] == ["3.补正后申请内容仍不明确"]
    assert [(c.text, c.column) for c in unclear if c.column] == [("0", (i, 7)) for i in range(7)]
    assert [c.column[0] for c in duplicate if c.column] == [0, 1, 2, 4, 5, 6]
    assert not any(c.column for c in next_page)    # another page: its own scale, no header there


# The requests header of the official template as `pdftotext -layout` sets it (real lines, ruled print)
OFFICIAL_LAYOUT_HEAD = [
        "三、收到和处理政府信息公开申请情况",
        "                            自然      商业   科研    社会   法律",
        "于第三项加第四项之和）                                                   总计",
        "                                人              公益   服务   其他",
        "                                    企业   机构    组织   机构",
]


def test_a_page_the_table_goes_on_to_takes_its_columns_from_where_its_numbers_stand():
    """Real `pdftotext -layout` lines (official template, zeros partly left empty): the table goes
    on to the next page with neither its header nor a full row, at another scale (9 characters a
    column there, 5 to 8 on the header's page, not by one factor). Each row leaves one cell empty,
    a different one: the page's numbers stand at 7 places, one a column, so each is placed. With
    one of the rows only (6 places for 7 columns) nothing says which column is empty: none placed."""
    from checker.readers.text import rows_of
    head = [
        *OFFICIAL_LAYOUT_HEAD,
        "一、本年新收政府信息公开申请数量            6       0    0     0    0    0    6",
    ]
    rest = [
        "              3.其他                       0       0        0        0                 0        0",
        "     （七）总计                               7       0                 0        0        0        7",
        "四、结转下年度继续办理                              0       0        0        0                 0        0",
    ]
    rows = rows_of(head + rest, [0] * len(head) + [1] * len(rest))
    other, total, forward = rows[-3:]
    assert [c.column[0] for c in other if c.column] == [0, 1, 2, 3, 5, 6]
    assert [c.column[0] for c in total if c.column] == [0, 1, 3, 4, 5, 6]
    assert [c.column[0] for c in forward if c.column] == [0, 1, 2, 3, 5, 6]
    alone = rows_of(head + rest[2:], [0] * len(head) + [1])
    assert not any(c.column for c in alone[-1])


def test_narrow_columns_names_and_numbers_one_space_apart():
    """Real `pdftotext -layout` lines of 表四 printed from a Word table: 15 narrow columns, each name
    set one character a line, names and numbers one space apart (`结  结 其  尚 总`, `0  1 1  1 3`).
    Each piece of a name is a piece of its own; a number pdftotext set one space after a number of
    column c, at the start of column c+1, is column c+1's (pdftotext only pushes words right). The
    empty 未经复议直接起诉·结果维持 is left out, every other number is placed."""
    from checker.readers.text import rows_of
    lines = ["四、政府信息公开行政复议、行政诉讼情况",
             '结  结 其  尚 总       结   结   其   尚   总   结   结   其   尚   总',
             '果  果 他  未 计       果   果   他   未   计   果   果   他   未   计',
             '维  纠 结  审         维   纠   结   审       维   纠   结   审',
             '持  正 果  结         持   正   果   结       持   正   果   结',
             '0  1 1  1 3           0   0   0   0   0   0   0   0   0',
             ]
    rows = rows_of(lines, [0] * len(lines))
    assert [c.column for c in rows[-1]] == [(i, 15) for i in range(15) if i != 5]


def test_a_number_set_right_after_its_label_lies_between_the_names_that_bound_it():
    """Real `pdftotext -layout` lines (official template, zeros partly left empty): pdftotext set
    确认或重新出具's first number one space after its label, at 27, left of 自然 (28): its position is
    not its column's, and by order it could be 自然人 or 商业企业 (商业企业 is empty). pdftotext gives
    each piece of text the first cell right of every piece wholly left of it, so a name ending (plus
    a space) after 27 is not wholly left of the number: 自然 (28–30) bounds it to 自然人 or before,
    and a number always lies in some column: 自然人. Its other numbers stand under their names."""
    from checker.readers.text import rows_of
    lines = [
        *OFFICIAL_LAYOUT_HEAD,
        "二、上年结转政府信息公开申请数量            1       0    0     0    0    0    1",
        "          5.要求行政机关确认或重新出具已 0             0     0    0    0",
        "          获取信息",
    ]
    rows = rows_of(lines, [0] * len(lines))
    confirm = next(r for r in rows if r[0].text.startswith("5.要求"))
    assert [c.column[0] for c in confirm if c.column] == [0, 2, 3, 4, 5]


# Table 二's first section as LibreOffice prints the official template without rules (bench.renditions
# seed 21 no. 45 and seed 11 no. 35, read with pdfplumber): names centred in wide cells, values set left.
ACTIVE_HEADER = [[("信息内容", 95.2, 135.2), ("本年制发件数", 206.9, 266.9), ("本年废止件数", 328.7, 388.7),
                  ("现行有效件数", 450.4, 510.4)]]


def _active(rows: list[list[tuple[str, float, float]]]) -> list[Line]:
    lines = [_line(316, ws) for ws in ACTIVE_HEADER]
    body = [_line(333 + 17 * i, ws) for i, ws in enumerate(rows)]
    place(lines + body, lambda text: False)
    return body


def test_a_number_two_cells_could_hold_takes_the_one_the_row_order_leaves():
    # `规章 0 0 _`: the second 0 (300.6) lies left of 本年废止件数 and right of 本年制发件数, in the
    # cell of either; the first 0 (178.9) can only be 本年制发件数's, so the second is 本年废止件数's
    a, b = _active([[("规章", 105.2, 125.2), ("0", 178.9, 185.6), ("0", 300.6, 307.3)],
                    [("行政规范性文件", 80.2, 150.2), ("1", 178.9, 185.6), ("0", 300.6, 307.3)]])
    assert a.slots == {1: 0, 2: 1} and b.slots == {1: 0, 2: 1}


def test_a_number_two_cells_could_hold_after_the_row_order_is_not_placed():
    # `规章 0 _ 0`: the second 0 (422.4) lies between 本年废止件数 and 现行有效件数; the first 0 in
    # 本年制发件数 leaves both: not placed (F3), never guessed
    a, b = _active([[("规章", 105.2, 125.2), ("0", 178.9, 185.6), ("0", 422.4, 429.1)],
                    [("行政规范性文件", 80.2, 150.2), ("1", 178.9, 185.6), ("2", 422.4, 429.1)]])
    assert a.slots == {} and b.slots == {}
