"""The grid's fast paths give what the general path gives: every text fixture (seeds, real corpus
pages, rule fixtures) and constructed rows at the fast paths' edges are read with the fast paths on
and off, and the reports must be the same in every cell, place and finding."""
from __future__ import annotations

import json
from pathlib import Path

from itertools import count, repeat

import numpy as np
import pytest

from checker.readers import grid, read_path, text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md"))

HEAD = "某市某局 2022 年政府信息公开工作年度报告\n\n"
ACTIVE = HEAD + "主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
EDGES = {
    "plain": ACTIVE + "规章\t1\t0\t3\n行政规范性文件\t2\t0\t9\n",
    "trailing tab": ACTIVE + "规章\t1\t0\t3\t\n行政规范性文件\t2\t0\t9\t\n",
    "blank cell": ACTIVE + "规章\t1\t\t3\n行政规范性文件\t2\t0\t9\n",
    "space in cell": ACTIVE + "规章\t1\t 0\t3\n行政规范性文件\t2\t0 \t9\n",
    "full-width digits": ACTIVE + "规章\t１\t0\t3\n行政规范性文件\t2\t0\t9\n",
    "too few": ACTIVE + "规章\t1\t3\n行政规范性文件\t2\t0\t9\n",
    "too many": ACTIVE + "规章\t1\t0\t3\t4\n行政规范性文件\t2\t0\t9\n",
    "run together": ACTIVE + "规章\t103\n行政规范性文件\t2\t0\t9\n",
    "bars": HEAD + "主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
            "| 规章 | 1 | 0 | 3 |\n| 行政规范性文件 | 2 |  | 9 |\n",
    "layout": HEAD + "主动公开政府信息情况\n信息内容    本年制发件数    本年废止件数    现行有效件数\n"
              "规章            1              0              3\n行政规范性文件  2                             9\n",
    "decimals": ACTIVE + "规章\t1.0\t0\t3\n行政规范性文件\t2\t0\t9\n",
    # the first value past a tab row's first four texts (`grid._tab_head` gives way to the whole row)
    "late label": ACTIVE + "\t\t\t\t规章\t1\t0\t3\n\t\t\t行政规范性文件\t2\t0\t9\n",
    # tab rows of border characters only, and of values only
    "junk rows": ACTIVE + "-\t-\t-\t-\n规章\t1\t0\t3\n\t--\t|\t_\n行政规范性文件\t2\t0\t9\n\t\t\t\n",
    # at the edges of a block (`grid._Reader._block`): a row printed twice (its second match is
    # another row or none), rows out of order, a label with a filling note, a row of another
    # table's label inside a table, prose and titles between rows, one row short of a column
    "row twice": ACTIVE + "规章\t1\t0\t3\n规章\t4\t0\t5\n行政规范性文件\t2\t0\t9\n",
    "out of order": ACTIVE + "行政规范性文件\t2\t0\t9\n规章\t1\t0\t3\n",
    "noted label": ACTIVE + "规章（设区的市、自治州人民政府应提供相关数据）\t1\t0\t3\n行政规范性文件\t2\t0\t9\n",
    "prose between": ACTIVE + "规章\t1\t0\t3\n以上为本年度数据。\n行政规范性文件\t2\t0\t9\n",
    "requests block": HEAD + "收到和处理政府信息公开申请情况\n\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
                      "一、本年新收政府信息公开申请数量\t1\t1\t0\t0\t0\t0\t2\n"
                      "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\n"
                      "三、本年度办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n"
                      "\t（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n"
                      "\t（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n"
                      "\t\t3.其他\t0\t0\t0\t0\t0\t0\t0\n"
                      "规章\t1\t0\t3\n"
                      "（七）总计\t1\t0\t0\t0\t0\t0\t1\n"
                      "主动公开政府信息情况\n规章\t1\t0\t3\n"
                      "四、结转下年度继续办理\t0\t1\t0\t0\t0\t0\t1\n",
}


def _reports(path: Path) -> list[str]:
    result = read_path(path)
    out = [json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True) for f in result.failures]
    for r in result.reports:
        out.append(json.dumps(r.to_json(), ensure_ascii=False, sort_keys=True, default=str))
        out.append(repr((np.asarray(r.values).tobytes(), np.asarray(r.present).tobytes(), np.asarray(r.loc).tobytes())))
    return out


class _Cells(list):
    """The general path's tab row: a plain list of GridCells (`text.tab_row` replaced; a list, so
    `text._header_columns` treats it as the general path's rows were treated)."""
    def __init__(self, texts, n):
        super().__init__(map(grid.GridCell, texts, repeat(n), count(1)))


def _general(m) -> None:
    """Every fast path off: tab rows read as lists of GridCells, no plain-row shortcut."""
    m.setattr(text, "tab_row", _Cells)
    m.setattr(grid._Reader, "_plain_digits", lambda self, tid, row, vals: False)
    m.setattr(grid._Reader, "_plain_tab", lambda self, tid, row, ncols, tab: False)
    _no_block(m)


def _no_block(m) -> None:
    """The walk takes every row itself: no run of tab rows read as a block (`_Reader._block`)."""
    m.setattr(grid._Reader, "_block", lambda self, lines, i: i)


def _both(path: Path, monkeypatch) -> tuple[list[str], list[str]]:
    fast = _reports(path)
    with monkeypatch.context() as m:
        _general(m)
        general = _reports(path)
    with monkeypatch.context() as m:
        # lazy tab rows, but every row leaves the plain path: values built from the texts
        m.setattr(grid._Reader, "_plain_tab", lambda self, tid, row, ncols, tab: False)
        _no_block(m)
        assert _reports(path) == general
    with monkeypatch.context() as m:
        # every fast path but the block: each plain tab row walked and read by `_plain_tab`
        _no_block(m)
        assert _reports(path) == general
    with monkeypatch.context() as m:
        # tab rows kept as `TabRow`s and split by `table_lines`, not split by `rows_of` (`grid.tab_row`)
        m.setattr(text, "tab_row", grid.TabRow)
        assert _reports(path) == general
    return fast, general


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_same_on_both_paths(path, monkeypatch):
    fast, general = _both(path, monkeypatch)
    assert fast == general


@pytest.mark.parametrize("name", sorted(EDGES))
def test_edge_rows_same_on_both_paths(name, tmp_path, monkeypatch):
    path = tmp_path / "edge.txt"
    path.write_text(EDGES[name], encoding="utf-8")
    fast, general = _both(path, monkeypatch)
    assert fast == general
    assert any('"active.regulations.issued"' in s for s in fast)   # the table was read at all


def _spy(monkeypatch, name: str) -> list[bool]:
    taken: list[bool] = []
    original = getattr(grid._Reader, name)

    def spy(self, *args):
        hit = original(self, *args)
        taken.append(hit)
        return hit
    monkeypatch.setattr(grid._Reader, name, spy)
    return taken


def test_fast_path_is_taken_for_plain_rows(tmp_path, monkeypatch):
    """The fast paths are not dead code: plain tab rows are read as one block (`_block`), or,
    walked one by one, from their texts (`_plain_tab`); a plain `|` row through `_plain_digits`;
    and a tab row's cells are never built."""
    tab, bars = _spy(monkeypatch, "_plain_tab"), _spy(monkeypatch, "_plain_digits")
    built: list = []
    path = tmp_path / "plain.txt"
    path.write_text(EDGES["plain"], encoding="utf-8")
    blocks: list[tuple[int, int]] = []
    block = grid._Reader._block
    with monkeypatch.context() as m:
        m.setattr(grid._Line, "cells", property(lambda self: built.append(self) or []))
        m.setattr(grid._Reader, "_block", lambda self, lines, i: blocks.append((i, block(self, lines, i))) or blocks[-1][1])
        read_path(path)
    assert blocks == [(blocks[0][0], blocks[0][0] + 2)] and not tab and not bars and not built   # both rows, one block
    with monkeypatch.context() as m:
        m.setattr(grid._Line, "cells", property(lambda self: built.append(self) or []))
        _no_block(m)
        read_path(path)
    assert tab == [True, True] and not bars and not built
    path.write_text(ACTIVE.split("信息内容")[0] + "|规章|1|0|3|\n|行政规范性文件|2|0|9|\n", encoding="utf-8")
    read_path(path)
    assert bars and all(bars)


def test_text_renditions_same_on_both_paths(tmp_path, monkeypatch):
    """The renditions `bench.renditions` reads (tab, one cell a line, `|` tables with the group
    column and with labels moved away, web pages, crawler text) of a generated district over two
    template years, with blank and large cells: the same bytes with the fast paths on and off."""
    from bench import renditions as R
    writers = {"-tab.txt": R.tab_text, "-lines.txt": R.cell_lines, ".md": R.markdown,
               "-displaced.md": lambda r: R.markdown(r, True), ".html": R.html_page, "-crawler.txt": R.crawler_text}
    read = files = 0
    for n, r in enumerate(R.reports(3, 7)):
        for suffix, write in writers.items():
            path = tmp_path / f"r{n}{suffix}"
            path.write_text(write(r), encoding="utf-8")
            fast, general = _both(path, monkeypatch)
            assert fast == general, path.name
            files += 1
            read += any('"active.regulations.' in s for s in fast)
    assert files >= 24 and read >= 0.9 * files   # the tables were read at all


def test_tab_row_is_the_split_row():
    """`rows_of` keeps a tab row as its `_Line` (`grid.tab_row`): as a printed row it holds the cells a
    `TabRow` holds, and `table_lines` takes it as the line `_split_tab` makes of that `TabRow`; a row
    `_split` drops stays a `TabRow`."""
    rows = text.rows_of(EDGES["junk rows"].splitlines() + ["\t\t", "长句\t" + "很长" * 40])
    tabs = [r for r in rows if isinstance(r, (grid._Line, grid.TabRow))]
    kinds = [type(r) for r in tabs]
    assert kinds.count(grid._Line) == 6 and kinds.count(grid.TabRow) == 2    # the border-character rows
    for r in tabs:
        old = grid.TabRow(list(r.texts if type(r) is grid.TabRow else r._texts), r.row)
        assert (type(r) is grid._Line) == (grid._split_tab(old) is not None)
        assert list(r) == list(old) and len(r) == len(old) and r[0] == old[0]
        line, split = grid.table_lines([r]), grid.table_lines([grid.TabRow(list(old.texts), old.row)])
        assert [(x.normed, x.label, x.last, x.has_values, x.ncells, x.nvalues, x.row, x.tab, x.cells) for x in line] \
            == [(x.normed, x.label, x.last, x.has_values, x.ncells, x.nvalues, x.row, x.tab, x.cells) for x in split]


@pytest.mark.parametrize("texts", [
    ["规章", "1", "0", "3"], ["", "（一）予以公开", "1", "0"], ["三、本年度办理结果", "（一）予以公开", "1"],
    ["规章", "无", "1", "2"], ["", "", "", "规章", "1"], ["规章", "", "12", "3"], ["", "12", "3"], ["1", "2"],
    ["规章", "1.5", "2"], ["规章", "１", "2"], ["自然人", "商业企业", "0"], ["-", "0", "1"], [" ", "7"]])
def test_tab_head_key_is_the_head(texts):
    """`_split_texts` asks `_tab_head` by the head up to its first plain-digit value (as "0"): the
    same answer as the whole head, and the same split as the general `_split` of the row's cells."""
    full = grid._tab_head.__wrapped__(tuple(texts[:grid._HEAD]))
    ln = grid._split_texts(list(texts), 5)
    general = grid._split(list(map(grid.GridCell, texts, repeat(5), count(1))))
    assert (ln is None) == (general is None)
    if ln is not None:
        assert (ln.normed, ln.label, ln.last, ln.has_values, ln.nvalues) == \
            (tuple(general.normed), general.label, general.last, general.has_values, general.nvalues)
        if full is not None:
            assert (ln.normed, ln.label, ln.last) == full[1:]


def _split_plain(cells):
    """`grid._split` of a row of GridCells as it reads a row of several cells."""
    texts = tuple(c.text for c in cells)
    if len(cells) == 1 and len(texts[0]) > grid.PROSE_LEN:
        return None
    split = grid._label_split(texts)
    if split is None:
        return None
    end, normed, label, last, has_values = split
    label_cells = [c for c, t in zip(cells[: end + 1], texts) if t.strip()]
    return grid._Line(cells, label_cells, cells[end + 1:], normed, label, last, has_values)


def test_one_cell_split_is_the_plain_one():
    """A line of one cell (prose, headings, titles) is split by `_split`'s own short branch: the same
    line as the steps for several cells, on every line of the text fixtures and edge cells."""
    lines = {line for p in TEXTS for line in p.read_text(encoding="utf-8", errors="replace").splitlines()}
    lines |= {"", " ", "\u3000", "-", "|", "---", "规章", "（七）总计", "12", "无", "x" * 72, "x" * 73, "主动公开政府信息情况"}
    kinds = set()
    for n, t in enumerate(sorted(lines)):
        got, want = grid._split([grid.GridCell(t, n, 1)]), _split_plain([grid.GridCell(t, n, 1)])
        kinds.add(None if got is None else (bool(got.label_cells), bool(got.values)))
        assert (got is None) == (want is None), t
        if got is not None:
            assert [getattr(got, k) for k in ("normed", "label", "last", "has_values", "ncells", "nvalues", "row",
                                              "part", "tab", "label_cells", "values", "cells")] == \
                [getattr(want, k) for k in ("normed", "label", "last", "has_values", "ncells", "nvalues", "row",
                                            "part", "tab", "label_cells", "values", "cells")], t
            assert got.values is not got.cells
    assert {None, (True, False), (False, True)} <= kinds
