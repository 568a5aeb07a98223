"""The grid matcher: rows of printed cells in, the three standard tables' cells out.

Every reader (text, workbook, Word, PDF, HTML) turns its input into rows of `GridCell`s, and the
one reader pipeline (`document.to_report`) hands them here (`read_lines`). Tables are found by
their labels, not by position: a title line (or section heading) opens a table, and a row is
matched to the template by its label keys (`labels.py`). Which cell of a row is which column
follows from the count of cells after the label (text loses positions); a row that cannot be
mapped for sure is left blank with an F3 finding, never guessed.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import count, islice, repeat
from operator import attrgetter

from ..findings import make
from ..numbers import parse_number
from ..model import Finding, Report, plain, render_location
from ..templates import Row, format_for_year, template
from . import labels as L
from .cellset import CellWriter
from .columns import Across, ColumnMap
from . import cutoff
from . import layoutrow, shortrow
from .legacy_table import read_legacy
from .presence import finish
from .runtogether import RunTogetherRow, resolve

# 表一's section headings (`第二十条第（五）项`, normalised).
# (or its first characters, where the file ends inside it: 互助县 2020's `第二十条第(八`)
_SECTION = re.compile(r"第二十条(?:第(?:[一二三四五六七八九十]+项?)?)?")
# A lone cell longer than this is prose (the longest row label, 三（六）2., has 40 characters).
PROSE_LEN = 72
# A label fragment that continues a neighbouring row's label is short (`申请`, `结转政府信息公开申请数量`).
FRAGMENT_LEN = 24
# Grids that keep cell positions: their header rows place the columns (see columns.py).
POSITIONAL_STYLES = ("sheet", "docx")
# Grids whose cells may be merged over rows and columns (web pages' rowspan/colspan too).
SPANNING_STYLES = ("sheet", "docx", "html")


@dataclass(slots=True)
class GridCell:
    text: str
    row: int
    col: int
    part: int = 0
    x: int = -1      # horizontal position in a layout text line (pdftotext -layout); -1 unknown
    bounded: bool = False   # printed between two separators (`| 5 |  |`): an empty one is a cell
    page: int = 0    # the page of a layout text line (pdftotext's form feeds): positions compare within one
    glued: bool = False   # a layout number one space after its label: set with it, not at its column
    column: tuple[int, int] | None = None   # (column, of columns) a PDF's true positions place it in (pdfcolumns)
    # where a layout cell's text ends on its own line (x's units), kept when a label is joined; in a sheet
    # or a Word table, the last column a merged cell covers (col's units; -1: not merged)
    end: int = -1
    # a value merged down over rows (a Word table's or a sheet's; first, last printed row), on the box's top
    # cell and on each place below it (those keep no text): which row's number it is, the table does not say
    down: tuple[int, int] | None = None


class TabRow(Sequence[GridCell]):
    """A tab-separated printed row (`text.rows_of`), kept as its texts: nearly every cell of a
    report is one, and most are plain digits the grid reads straight from the text (`_plain_tab`).
    Its GridCells (text, line, column from 1, as a list row would hold) are built only for the cells
    something asks for: the label cells always, the values when a row leaves the common path, and
    the whole row when it is read as a sequence (then `_split` reads those cells)."""
    __slots__ = ("texts", "row", "_cells")

    def __init__(self, texts: list[str], row: int):
        self.texts = texts
        self.row = row
        self._cells: list[GridCell] | None = None

    def cells(self) -> list[GridCell]:
        if self._cells is None:
            self._cells = list(map(GridCell, self.texts, repeat(self.row), count(1)))
        return self._cells

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):  # type: ignore[override]
        return self.cells()[i]

    def __iter__(self) -> Iterator[GridCell]:
        return iter(self.cells())


class _Line(Sequence[GridCell]):
    """One printed row, split into its label cells and the cells after them. A tab row's cells are
    built when first asked for (`label_cells`, `values`, `cells`); until then `tab` holds the value
    texts, line and first column, from which the common row is read (`_Reader._plain_tab`), and
    `normed` (one entry a label cell) says whether there are label cells. A tab row's `_Line` is
    also the printed row itself (`tab_row`): a sequence of its cells, as a `TabRow` is."""
    __slots__ = ("_cells", "_label_cells", "_values", "normed", "label", "last", "has_values",
                 "ncells", "nvalues", "row", "part", "tab", "_texts", "_end")

    def __init__(self, cells: list[GridCell], label_cells: list[GridCell], values: list[GridCell],
                 normed: Sequence[str], label: str, last: str, has_values: bool):
        self._cells: list[GridCell] | None = cells
        self._label_cells: list[GridCell] | None = label_cells
        self._values: list[GridCell] | None = values
        self.normed = normed          # each label cell, normalised (never changed: tab rows share them)
        self.label = label            # normalised, all label cells joined
        self.last = last              # normalised last label cell (the most specific part: `1.属于国家秘密`)
        self.has_values = has_values
        self.ncells = len(cells)
        self.nvalues = len(values)
        self.row = cells[0].row       # the printed line and part of its first cell (`_near`)
        self.part = cells[0].part
        self.tab: tuple[list[str], int, int] | None = None   # value texts, line, first value column
        self._texts: list[str] = []   # a tab row's texts, and the index of its last label cell (`_build`)
        self._end = -1

    def _build(self) -> list[GridCell]:
        """A tab row's GridCells, all at once, so label_cells, values and cells hold the same
        objects: what `TabRow` would have built (text, line, column from 1)."""
        cells = list(map(GridCell, self._texts, repeat(self.row), count(1)))
        end = self._end + 1
        self._label_cells = [c for c in cells[:end] if c.text.strip()]
        self._values = cells[end:]
        self._cells = cells
        return cells

    @property
    def label_cells(self) -> list[GridCell]:
        if self._label_cells is None:
            self._build()
        assert self._label_cells is not None
        return self._label_cells

    @property
    def values(self) -> list[GridCell]:
        if self._values is None:
            self._build()
        assert self._values is not None
        return self._values

    @property
    def cells(self) -> list[GridCell]:
        return self._build() if self._cells is None else self._cells

    # the printed row's cells, as `TabRow` gives them (`text.rows_of` keeps a tab row's `_Line`)
    def __len__(self) -> int:
        return self.ncells

    def __getitem__(self, i):  # type: ignore[override]
        return self.cells[i]

    def __iter__(self) -> Iterator[GridCell]:
        return iter(self.cells)


def _split(cells: Sequence[GridCell]) -> _Line | None:
    if type(cells) is _Line:
        return cells
    if type(cells) is TabRow:
        if cells._cells is None:
            return _split_tab(cells)
        cells = cells._cells    # built already (asked for as a sequence): split those cells
    if not isinstance(cells, list):
        cells = list(cells)
    if len(cells) == 1:     # a line of prose, a heading, a title: the steps below for one cell
        t = cells[0].text
        if len(t) > PROSE_LEN:
            return None
        split = _label_split((t,))
        if split is None:
            return None
        end, normed, label, last, has_values = split
        return _Line(cells, [cells[0]] if end == 0 and t.strip() else [], cells[end + 1:], normed, label, last,
                     has_values)
    if not cells:
        return None   # a sentence of prose: neither a row, a title nor a label fragment
    if len(cells[0].text) > PROSE_LEN and not any(c.text.strip() for c in cells[1:]):
        return None   # the same in a sheet's row, whose other cells are blank (a text pasted into Excel)
    texts = (cells[0].text,) if len(cells) == 1 else tuple(map(_TEXT, cells))
    split = _label_split(texts)
    if split is None:
        return None
    end, normed, label, last, has_values = split
    label_cells = [c for c, t in zip(cells[: end + 1], texts) if t.strip()]
    return _Line(cells, label_cells, cells[end + 1:], normed, label, last, has_values)


@lru_cache(maxsize=1 << 15)
def _label_split(texts: tuple[str, ...]) -> tuple[int, tuple[str, ...], str, str, bool] | None:
    """A printed row's texts split as `_split` splits its cells: the index of its last label cell,
    its label cells normalised, their join, the last one, and whether a value follows; None for a
    row of border characters only. Cached: headings, titles and header rows recur in every report."""
    end = -1
    has_values = False   # the walk stops at the first value: blanks only after the last label
    is_label = L.is_label
    for i, t in enumerate(texts):   # the labels lead; a row usually stops at its second cell
        if is_label(t):
            end = i
        elif t and not t.isspace():
            has_values = True
            break
    if end < 0 and L.is_junk(texts):
        return None
    normed = tuple(L.norm(t) for t in texts[: end + 1] if t.strip())
    return end, normed, "".join(normed), normed[-1] if normed else "", has_values


def tab_row(texts: list[str], row: int) -> _Line | TabRow:
    """The printed row of a tab-separated line (`text.rows_of`), split at once: the `_Line` that
    `table_lines` would make of its `TabRow`, which serves as the row too (one object a row, not
    two); a row `_split` drops (a long sentence, border characters only) stays a `TabRow`."""
    ln = _split_texts(texts, row)
    return TabRow(texts, row) if ln is None else ln


def _split_tab(tr: TabRow) -> _Line | None:
    """`_split` of a tab row from its texts: the same steps on the same texts, with no GridCell
    built (`_Line.cells` builds them, as `TabRow` would, when something asks for them)."""
    return _split_texts(tr.texts, tr.row)


def _split_texts(texts: list[str], row: int) -> _Line | None:
    """`_split_tab` of a tab row's texts and line."""
    n = len(texts)
    if n == 1 and len(texts[0]) > PROSE_LEN:
        return None
    # The cache's key: the head up to its first value of plain ASCII digits, that value as "0" (no
    # label either, `L.is_label`: the loop stops at it alike), so rows of one label share one entry
    # instead of one a combination of their first values (most of them misses).
    if n > 1 and (t := texts[1]).isdigit() and t.isascii():
        key: tuple[str, ...] = (texts[0], "0")
    elif n > 2 and (t := texts[2]).isdigit() and t.isascii():
        key = (texts[0], texts[1], "0")
    else:
        key = tuple(texts[:_HEAD])
    head = _tab_head(key)
    if head is not None:
        end, normed, label, last = head
        has_values = True
        if end < 0 and L.is_junk(texts):
            return None
    else:
        split = _label_split(tuple(texts))    # no value among the first texts: the whole row
        if split is None:
            return None
        end, normed, label, last, has_values = split
    ln = _Line.__new__(_Line)
    ln.normed = normed
    ln.label = label
    ln.last = last
    ln.has_values = has_values
    ln.ncells = n
    ln.nvalues = n - end - 1
    ln.row = row
    ln.part = 0
    ln._texts = texts
    ln._end = end
    ln._cells = ln._values = None
    ln._label_cells = None if normed else []
    ln.tab = (texts[end + 1:], row, end + 2) if ln.nvalues else None
    return ln


# A tab row's first texts: its label cells and first value, nearly always (`_tab_head`).
_HEAD = 4


@lru_cache(maxsize=1 << 14)
def _tab_head(head: tuple[str, ...]) -> tuple[int, tuple[str, ...], str, str] | None:
    """The `_split` loop on a tab row's first texts: when a value stands among them, the row's last
    label cell, its label cells normalised, the label and the last one; None when none does (then
    the rest of the row decides). Cached: the same labels open the rows of every report."""
    is_label = L.is_label
    end = -1
    for i, t in enumerate(head):
        if is_label(t):
            end = i
        elif t and not t.isspace():
            normed = tuple(L.norm(x) for x in head[:end + 1] if x.strip())
            return end, normed, "".join(normed), normed[-1] if normed else ""
    return None


def table_lines(rows: Sequence[Sequence[GridCell]]) -> list[_Line]:
    """The printed rows that can be table rows, each split into label and value cells."""
    # a tab row not yet built into cells (nearly every table row) goes to _split_tab directly
    out: list[_Line] = []
    for r in rows:
        if type(r) is _Line:      # a tab row split already (`tab_row`)
            out.append(r)
            continue
        ln = _split_tab(r) if type(r) is TabRow and r._cells is None else _split(r)
        if ln is not None:
            out.append(ln)
    return out


def detect_format(rows: Sequence[Sequence[GridCell]]) -> str | None:
    """2019 or 2021 from the labels only the one template prints; None when nothing tells."""
    return format_of(table_lines(rows))


# A （六）其他处理 row of values is the 2019 layout, but 2021 reports print it so too (a departure
# the grid keeps, with an F4): it says 2019 only weakly, and the column headers or the data year
# outvote it. The data year outvotes a lone departure row, never a header word.
DEPARTURE_VOTE = 0.5
YEAR_VOTE = 1.0
HEADER_CELL_LEN = 12   # a column header printed alone on its line (`本年新制作数量`)


def format_votes(lines: list[_Line]) -> tuple[float, float]:
    """The evidence of the printed rows for 2019 and for 2021: label fragments only one template
    prints (column headers, the 2021 sub-rows of 其他处理), one a fragment, and the weak vote of a
    其他处理 row of values."""
    a = b = 0.0
    for ln in lines:
        # a header cell on a line of its own (text copied one cell a line) votes too; a longer
        # single-cell line is prose, which may name a column in passing
        if ln.ncells > 1 or (ln.normed and len(ln.normed[0]) <= HEADER_CELL_LEN):
            normed = ln.normed
            if type(normed) is tuple:     # a tab row's, shared by every row of its head (`_tab_head`)
                x, y = _marker_votes(normed)
                a += x
                b += y
            else:
                for n in normed:
                    x, y = L.marker_score(n)
                    a += x
                    b += y
            # (strip_enum only cuts a prefix: a last label without 其他处理 cannot be it)
            if ln.has_values and "其他处理" in ln.last and L.strip_enum(ln.last) == "其他处理":
                a += DEPARTURE_VOTE
    return a, b


@lru_cache(maxsize=1 << 14)
def _marker_votes(normed: tuple[str, ...]) -> tuple[int, int]:
    """`L.marker_score` summed over a row's label cells (whole numbers: the same sums in any order)."""
    a = b = 0
    for n in normed:
        x, y = L.marker_score(n)
        a += x
        b += y
    return a, b


def format_of(lines: list[_Line], year: int | None = None,
              votes: tuple[float, float] | None = None) -> str | None:
    """`detect_format` on rows already split (`table_lines`); `year`, the data year where known,
    adds its template's vote (2019/2020 -> 2019, later 2021). `votes`: `format_votes(lines)`
    when the caller has them already."""
    a, b = format_votes(lines) if votes is None else votes
    by_year = format_for_year(year)
    if by_year == "2019":
        a += YEAR_VOTE
    elif by_year == "2021":
        b += YEAR_VOTE
    return None if a == b else "2019" if a > b else "2021"


def labels_decide(votes: tuple[float, float]) -> str | None:
    """The format the rows' labels (`format_votes`) give whatever the data year says (None: the
    year may tip it)."""
    a, b = votes
    return None if abs(a - b) <= YEAR_VOTE else "2019" if a > b else "2021"


def read_tables(rows: Sequence[Sequence[GridCell]], report: Report, where: str) -> set[str]:
    """The table steps of `document.to_report` for rows alone (no prose): find the three tables in
    `rows`, set every cell of `report` (blank -> None), append F1–F4. Decides `report.format` when
    it is None (the labels, else `report.year`). Returns the ids of the tables found."""
    lines = table_lines(rows)
    if report.format is None:
        fmt = format_of(lines, report.year)
        if fmt is None:
            fmt = format_by_year(lines, report.year, report.facts)
        if fmt is not None:
            report.set_format(fmt)
    found = read_lines(lines, report, where)
    if found or report.year is not None:
        finish(report, where)
    return found


def format_by_year(lines: list[_Line], year: int | None, facts: dict) -> str | None:
    """The format when the labels do not tell: the data year's (2019/2020 -> 2019, later 2021,
    before 2019 legacy). Rows of the 2019/2021 tables with no year to tell, or a pre-2019 one
    (which cannot have these tables), are read as 2021, the likelier: `facts["format_guessed"]`."""
    fmt = format_for_year(year)
    if fmt not in ("2019", "2021") and any_table(lines):
        facts["format_guessed"] = True
        return "2021"
    return fmt


def read_lines(lines: list[_Line], report: Report, where: str) -> set[str]:
    """The tables in `lines` (`table_lines`), read with `report.format`: every cell set (blank ->
    None), F1–F4 appended. Returns the ids of the tables found (none without a format)."""
    if report.format is None:
        report.facts["tables_found"] = []
        return set()
    if report.format == "legacy":
        found = {"legacy"} if read_legacy(lines, report, where) else set()
        report.facts["tables_found"] = sorted(found)
        return found
    ctx = _Reader(report, where)
    ctx.run(lines)
    ctx.note_extra_rows()
    report.facts["tables_found"] = sorted(ctx.found)
    if ctx.pending:
        resolve(report, ctx.pending, where)
    if ctx.shorts:
        shortrow.place(report, ctx.shorts, ctx.cells)
    ctx.missing_rows()
    bare = [tid for tid in L.TABLE_ORDER if tid not in ctx.found
            and len(ctx.labels_only(tid)) * 2 >= max(len(ctx.keys[tid].table.rows), 2 * MIN_BARE_ROWS)]
    if bare:
        report.facts["labels_only"] = bare
    return ctx.found


# A table printed without its numbers (a blank template, or numbers the copy lost) is said so (F4):
# a table not found whose row labels, half of them or more, stand on lines without any number; or a
# table found whose rows not read, at least this many, all have their label on such a line. (Fewer
# or some do not: a column header `总计`/`其他` on a line of its own says nothing of the rows.)
MIN_BARE_ROWS = 3


def any_table(lines: list[_Line]) -> bool:
    """Is there a table row: a label of some template row followed by values? (A section heading
    alone is not a table: prose-only reports keep the headings.)"""
    keys = [tk for fmt in ("2021", "2019") for tk in L.table_keys(fmt).values()]
    return any(ln.has_values and ln.last and not _STATES_A_COUNT.search(ln.last)
               and any(tk.match(ln.last) for tk in keys) for ln in lines)


# the headings of the report's parts after the three tables (normalised: no punctuation)
_PART_AFTER_TABLES = re.compile(r"[五六七]?(?:政府信息公开(?:工作)?)?(?:存在的主要问题|其他需要报告的事项)")
_PART_AFTER_FIRST = frozenset("五六七政存其")   # (a set look-up first: most lines in a table are no heading)
# A "label" stating a count or a year (`2017年全县共受理行政复议4件其中维持具体行政行为` before a bare `1`) is
# a sentence whose figure ends the line, not a row label: no template label holds one.
_STATES_A_COUNT = re.compile(r"\d\s*[件条项个次]|(?:19|20)\d\d年")


@lru_cache(maxsize=64)
def _row_keys(tid: str, keys: L.TableKeys) -> frozenset[tuple[str, str]]:
    """The (table, row id) of each of a table's rows, as `_Reader.done` holds them."""
    return frozenset((tid, row.id) for row in keys.table.rows)


class _Reader:
    """Walks the lines once, keeping the active table region."""

    def __init__(self, report: Report, where: str):
        self.report = report
        self.where = where
        self.keys = L.table_keys(report.format)
        self.region: str | None = None
        self.found: set[str] = set()
        self.done: set[tuple[str, str]] = set()     # (table, row id) already read
        self.pending: list[RunTogetherRow] = []
        self.shorts: list[shortrow.ShortRow] = []   # layout rows short of values, F3 until the equalities place them
        self.fragment: _Line | None = None           # a label-only line that may continue a label
        self.columns = ColumnMap(self.keys) if report.location_style in POSITIONAL_STYLES else None
        self.spans = report.location_style in SPANNING_STYLES      # cells merged over rows (`GridCell.down`)
        # a web page's header columns, only to name them when a spanned value's row cannot be read
        self.heads = ColumnMap(self.keys) if report.location_style == "html" else None
        self.cells = CellWriter(report, where)
        self.lines: list[_Line] = []
        self.at = 0                                  # the index of the line being walked
        self.consumed: set[int] = set()              # lines merged into the row above them
        self.spare: set[int] = set()   # cells past the columns in full tab rows (1: a trailing tab each)
        self.group_row: _Line | None = None          # （六）其他处理 printed as one row (the 2019 layout)
        self.read_order: list[tuple[str, str]] = []  # (table, row id) in the order rows were read
        self.orphans: list[tuple[int, _Line]] = []   # value rows with no label, after read_order[:k]
        self.unplaced: list[_Line] = []              # orphans no place was found for
        self.appeals_head: _Line | None = None       # a sheet's last 表四 header line (`_unkept_appeals_row`)

    # --- walking -----------------------------------------------------------------------------
    def run(self, lines: list[_Line]) -> None:
        self._walk(lines)
        self._unkept_appeals_row()
        self._place_orphans()
        self.cells.flush()

    def _walk(self, lines: list[_Line]) -> None:
        held: _Line | None = None      # a row with values whose label matched nothing (yet)
        self.lines = lines
        block = self.columns is None   # tab rows keep no positions: no column map to consult
        walk = enumerate(lines)
        region_at = -1           # the line of the last table title seen
        for i, ln in walk:
            if block and ln.tab is not None and ln.has_values:
                after = self._block(lines, i)
                if after > i:
                    held = self.fragment = None
                    if after > i + 1:     # the block's other lines, passed over in C
                        next(islice(walk, after - i - 2, None))
                    continue
            if id(ln) in self.consumed:
                continue
            self.at = i
            if not ln.has_values:
                title = L.title_of(ln.label) if ln.label else None
                if title and not (title == "appeals" and self.region == "appeals"):
                    self.region, region_at = title, i
                    for cols in (self.columns, self.heads):
                        if cols is not None:
                            cols.reset(title)
                    held = self.fragment = None
                    continue
                if self.region is not None and ln.label and ln.label[0] in _PART_AFTER_FIRST \
                        and _PART_AFTER_TABLES.match(ln.label) \
                        and not any(x.has_values for x in lines[region_at + 1:i]):
                    # 五、存在的主要问题… / 六、其他需要报告的事项 right after a table's title, nothing printed
                    # between (a page whose tables are images keeps only their headings): the tables are over,
                    # and a `无` under it is no row of that table
                    self.region = None
                    held = self.fragment = None
                    continue
                if held is not None and ln.label and _near(held, ln) and self._try(held, suffix=ln.label):
                    held = None   # the label went on below its values
                    continue
                if held is not None and ln.label and self._around(held, ln):
                    held = None   # a label printed above and below its line of numbers only
                    continue
                start = self._label_start(held) if held is not None and ln.label and _near(held, ln) else ""
                if start and self._try(held, prefix=start, suffix=ln.label):
                    held = None   # the label began above its values' line (a group's name between)
                    continue
                if held is not None and self._spread(held, i):
                    held = None   # a narrow column's label wrapped above and below its line of values
                    continue
                if held is not None and ln.label and self._wraps(held, ln):
                    # a narrow layout column wraps the label over several lines below its values
                    joined = self._joined
                    if self._try(joined):
                        held = None
                    elif self.region == "requests" and L.strip_enum(joined.last) == "其他处理":
                        self.group_row = joined   # （六） / 其他处 / 理 wrapped below the group's values
                    continue
                held = None
                # (each test's own first condition first: most such lines are headings and prose)
                if self.region == "appeals" and not ln.normed and self._blank_appeals_row(ln):
                    continue
                if len(ln.normed) > 1 and self._is_header(ln):
                    if self.columns is not None:
                        self.columns.learn(self.region or "requests", ln.label_cells)
                        if self.region == "appeals":
                            self.appeals_head = ln
                    elif self.heads is not None:
                        self.heads.learn(self.region or "requests", ln.label_cells)
                    self.fragment = None
                    continue
                if ln.nvalues and ln.normed and self._blank_row(ln):
                    self.fragment = None
                    continue
                # a label fragment may continue the next row's label, inside a table only
                if ln.label and self.region is not None and len(ln.label) <= FRAGMENT_LEN:
                    self.fragment = ln
                continue
            fragment = self.fragment if self.fragment is not None and _near(self.fragment, ln) else None
            if self._try(ln) or (fragment is not None and self._try(ln, prefix=fragment.label)) \
                    or (fragment is not None and self._label_above(fragment, ln)) or self._appeals_row(ln):
                held = self.fragment = None
                continue
            if held is not None and _words(ln) is not None and self._spread(held, i):
                held = self.fragment = None   # `）  秘密`: a label's last line, its bracket taken for a value
                continue
            held, self.fragment = ln, None
            self._joined, self._joined_last = ln, ln.cells[0].row
            if self.region == "requests" and ln.normed and L.strip_enum(ln.last) == "其他处理":
                self.group_row = ln       # 2021 prints （六）其他处理 as a group of three rows
            if self.region in ("active", "requests"):
                self.orphans.append((len(self.read_order), ln))

    def _block(self, lines: list[_Line], i: int) -> int:
        """The walk over a run of tab rows that each read as the common row does: its label names a
        template row not read yet (the first `_match` would give), and its values are exactly that
        row's columns of plain digits (`_plain_tab`). Each such row gets what `_try` would give it,
        without the per-row calls; the run ends at the first row that is anything else, which the
        walk then takes as usual. Returns the index after the run (`i`: no row read here)."""
        fmt, region = self.report.format, self.region
        done, consumed, found, order = self.done, self.consumed, self.found, self.read_order
        w = self.cells       # what `CellWriter.digits_at` keeps, kept here without the call a row
        cell_idx, cell_texts, cell_runs = w._digit_idx, w._digit_texts, w._digit_runs
        j, n = i, len(lines)
        added = None
        while j < n:
            ln = lines[j]
            tab = ln.tab
            if tab is None or not ln.has_values or not ln.normed or id(ln) in consumed:
                break
            texts = tab[0]
            for hit in _hits(fmt, region, ln.last, ln.label):
                if hit[1] not in done:
                    break
            else:
                break       # no open row by the label (a note in brackets, a repeated row…): the walk's
            tid, key, ncols, idxs = hit
            if len(texts) != ncols:
                break
            run = "".join(texts)
            if not (all(texts) and run.isdigit() and run.isascii()):
                break
            # what `_read_row` and `_plain_tab` record for the row
            if tid != added:
                found.add(tid)
                added = region = tid
            done.add(key)
            order.append(key)
            cell_idx.extend(idxs)
            cell_texts.extend(texts)
            cell_runs.append((0, tab[1], tab[2], ncols))
            j += 1
        if j > i:
            self.region = region
            self.spare.add(0)
            self.at = j - 1
        return j

    def _around(self, held: _Line, ln: _Line) -> bool:
        """Layout text: a line of numbers only between the first line of a row's label (too long to be
        a fragment, no numbers of its own) and the line its label goes on to (`（二）部分公开（区分处理的，
        只计这一情` / `0 0 0 0 0` / `形，不计其他情形）`): the row is the two label lines' with these
        numbers, when that label names a row."""
        k = next((i for i in range(self.at - 1, max(self.at - 4, 0) - 1, -1) if self.lines[i] is held), 0)
        above = self.lines[k - 1] if k > 0 else None
        if held.normed or above is None or above.has_values or not above.label or not _near(above, held) \
                or not _near(held, ln) or L.title_of(above.label) or not _numbers(held):
            return False
        joined = _split(above.label_cells + held.values)
        return joined is not None and self._try(joined, suffix=ln.label)

    def _label_start(self, held: _Line) -> str:
        """Layout text: the first line of the held row's label, when it stands above the row's line
        of values with only its group's name between (`2.申请人逾期未按收费通知要求缴` / `他处理` /
        `纳费用、行政机关不再处理其政府 0 …`): a line starting with an enumerator, no values, close
        above; the lines between hold no values and start no row."""
        k = next((i for i in range(self.at - 1, max(self.at - 4, 0) - 1, -1) if self.lines[i] is held), None)
        if k is None or not held.label_cells or _enumerated(held):
            return ""
        for j in range(k - 1, max(k - 3, 0) - 1, -1):
            above = self.lines[j]
            if above.has_values or not above.label or above.cells[0].part != held.cells[0].part \
                    or not 0 < held.cells[0].row - above.cells[0].row <= 3 or L.title_of(above.label):
                return ""
            if _enumerated(above):
                return above.label_cells[-1].text.strip()
        return ""

    def _spread(self, held: _Line, i: int) -> bool:
        """Layout text of a table whose label column is narrow and whose cells are centred: a row's
        label wraps over several lines and its line of values stands among them (`理结果 （二）部分公开` /
        `（区分处理的，` / `0 0 0 0 0 0 0` / `只计这一情形，` / `不计其他情形）`), a group's name in the column
        to its left may come between (`2.申请人逾` / `其他` / `通知要求缴` / `处理` / …). The row is the
        one the lines around the held values name: the fewest lines just above and just below it (no
        digits in them) whose text, starting with an enumerator, holds a template row's whole label,
        read in full or in the label's own column. Those lines are then the row's and no other's."""
        lines = self.lines
        k = next((j for j in range(i - 1, max(i - 4, 0) - 1, -1) if lines[j] is held), None)
        if k is None or not _numbers(held) or any(c.x < 0 for c in held.values):
            return False     # layout text only: plain text (no positions) prints values after later labels
        above, nxt = [], held
        for j in range(k - 1, max(k - 1 - SPREAD, -1), -1):
            a = lines[j]
            if id(a) in self.consumed or not _near(a, nxt) or _words(a) is None or L.title_of(a.label):
                break
            above.append(a)
            nxt = a
        above.reverse()
        below, prev = [], held
        for j in range(k + 1, min(k + 1 + SPREAD, len(lines))):
            b = lines[j]
            if not _near(prev, b) or _words(b) is None or L.title_of(b.label):
                break
            below.append(b)
            prev = b
        if not above and not below:
            return False
        for total in range(1, len(above) + len(below) + 1):
            for na in range(max(0, total - len(below)), min(total, len(above)) + 1):
                used = above[len(above) - na:] + [held] + below[: total - na]
                if not _ENUMERATOR.search(_words(used[0]) if used[0] is not held else _label_text(held)):
                    continue
                if self._spread_read(held, used):
                    self.consumed.update(id(x) for x in used)
                    return True
        return False

    def _spread_read(self, held: _Line, used: list[_Line]) -> bool:
        top = used[0].cells[0]
        col = min((c.x for c in (used[0].label_cells or used[0].cells)), default=-1)
        texts = ["".join((_words(x) if x is not held else _label_text(held)) for x in used)]
        if col >= 0:       # the label's own column only: a group's name stands left of it
            texts.append("".join(c.text.strip() for x in used for c in (x.label_cells if x is held else x.cells)
                                 if c.x >= col - 1))
        for text in texts:
            cell = GridCell(text, held.cells[0].row, 0, top.part, col, page=top.page)
            joined = _split([cell, *held.values])
            hit = self._match(joined, "", "") if joined is not None and joined.normed else None
            if hit is not None and L.strip_enum(L.norm(hit[1].label)) in L.norm(text):
                self._read_row(hit[0], hit[1], joined)
                return True
        return False

    _joined: _Line | None = None
    _at_row: dict[tuple[int, int], int] | None = None   # (part, printed row) -> index in `lines`
    _joined_last: int = 0

    def _wraps(self, held: _Line, ln: _Line) -> bool:
        """In layout text, is `ln` (labels only, on the next line) the continuation of the label
        cells of the held row, column by column? Then `self._joined` becomes the row with each label
        cell extended by the text printed under it (`（一）` `予以公` `开` -> `（一）予以公开`)."""
        base = self._joined
        if base is None or ln.cells[0].part != base.cells[0].part \
                or not 0 < ln.cells[0].row - self._joined_last <= 2:
            return False
        if not base.label_cells or any(c.x < 0 for c in base.label_cells):
            return False
        if len(ln.label) > FRAGMENT_LEN:
            return False
        cells = [GridCell(c.text, c.row, c.col, c.part, c.x, page=c.page, end=c.end) for c in base.label_cells]
        for c in ln.label_cells:
            x = max(c.x, 0)       # a line with no run of spaces was not cut: it starts at column 0
            near = min(cells, key=lambda b: abs(b.x - x))
            if abs(near.x - x) > 2:
                return False      # text in a column of its own: not this label
            near.text += c.text.strip()
        joined = _split(cells + base.values)
        if joined is None:
            return False
        self._joined, self._joined_last = joined, ln.cells[0].row
        return True

    def _place_orphans(self) -> None:
        """A row of values whose label was moved elsewhere (a PDF-to-markdown conversion prints the
        bare `| 4 | 0 | … |`) or misprinted: it is the template row between the rows found before
        and after it when exactly one row is missing there and it is the only such row of values
        (a misprinted label must also resemble that row's)."""
        gaps: dict[int, list[_Line]] = {}
        for seq, ln in self.orphans:
            gaps.setdefault(seq, []).append(ln)
        placed: set[int] = set()
        for seq, lns in gaps.items():
            if len(lns) == 1 and seq == 0:
                read = len(self.read_order)
                self._place_first(lns[0])
                if len(self.read_order) > read:
                    placed.add(id(lns[0]))
            if len(lns) != 1 or seq == 0:
                continue
            tid, before = self.read_order[seq - 1]
            after = self.read_order[seq] if seq < len(self.read_order) else None
            rows = self.keys[tid].table.rows
            ids = [r.id for r in rows]
            # the rows printed between the two found around it (or after the last one of the table)
            end = ids.index(after[1]) if after is not None and after[0] == tid else len(ids)
            between = rows[ids.index(before) + 1:end]
            row = between[0] if len(between) == 1 else None
            if row is None or (tid, row.id) in self.done or (len(lns[0].values) < len(row.columns) and not (
                    len(lns[0].values) == 1 and _digits(lns[0].values[0].text))):   # or a run the decoder splits
                continue
            ln = lns[0]
            if not ln.label_cells:
                if len(ln.values) == len(row.columns):
                    self._read_row(tid, row, ln)
                    placed.add(id(ln))
            elif _resembles(ln.last or ln.label, row) or _resembles(_unannotated(ln), row):
                # a misprinted label (`3.危三安全稳定`, characters dropped): its place and what is
                # left of it say which row it is; reported, so a reviewer can see it was matched so
                self._read_row(tid, row, ln)
                self._note_misprint(ln, tid, row)
                placed.add(id(ln))
        self.unplaced = [ln for _, ln in self.orphans if id(ln) not in placed]

    def note_extra_rows(self) -> None:
        """Labelled rows of numbers inside a table that match no row of the template (Hubei's 2019
        table adds `其他主动公开文件`; a mirror prints 規範性檔案 for 规范性文件): not read, and said so,
        not dropped silently. A line whose numbers were read after all (its label found above or
        below it) is not one."""
        if not self.unplaced:
            return
        r = self.report
        used = {(int(p), int(row)) for p, row in r.loc[:, :2]} | {(c.part, c.row) for c in self.pending}
        for ln in self.unplaced:   # (a （六）其他处理 printed as one row is the group departure's F4)
            if ln is not self.group_row and not any((c.part, c.row) in used for c in ln.values):
                self._note_extra(ln)

    def _note_extra(self, ln: _Line) -> None:
        label = "".join(c.text.strip() for c in ln.label_cells)
        filled = [c.text.strip() for c in ln.values if c.text.strip()]
        if not _CJK_RUN.search(label) or not filled \
                or not all(_NUMBER.fullmatch(t) for t in filled) or L.title_of(ln.label):
            return
        short = label if len(label) <= 20 else label[:20] + "……"
        r = self.report
        r.findings.append(make(
            "F4", unit=r.unit, year=r.year, severity="info", source=r.source, where=self.cells.place(ln.label_cells[0]),
            detail=f"表格中有一行“{short}”（{'、'.join(filled)}）与模板的任何一行都对不上，未读取、未核对。"))

    def _place_first(self, ln: _Line) -> None:
        """A row of values before the first row found, its label cell printed empty (a page that
        lost the label: `现行有效件数 |  | 0 | 0 | 0` under the header, then `行政规范性文件`): the
        table's first row when it is the only one missing before the first found and the only label
        left is the column header above it. Noted, as a misprint is."""
        if not self.read_order:
            return
        tid, first = self.read_order[0]
        rows = self.keys[tid].table.rows
        ids = [r.id for r in rows]
        before = rows[:ids.index(first)]
        filled = [c for c in ln.values if c.text.strip()]
        if len(before) != 1 or (tid, before[0].id) in self.done or len(filled) != len(before[0].columns) \
                or not ln.label_cells or self.keys[tid].header_hits(ln.normed) != len(ln.normed) \
                or any(c.text.strip() for c in ln.values[:len(ln.values) - len(filled)]) \
                or not all(_NUMBER.fullmatch(c.text.strip()) for c in filled):
            return
        row = before[0]
        self._read_row(tid, row, _Line(ln.cells, [], filled, [], "", "", True))
        r = self.report
        r.findings.append(make(
            "F4", unit=r.unit, year=r.year, severity="info", source=r.source, where=self.cells.place(filled[0]),
            detail=f"表头之后有一行数值没有行名，按它在表中的位置读作“{_row_label(tid, row)}”。"))

    def _note_misprint(self, ln: _Line, tid: str, row: Row) -> None:
        r = self.report
        printed = "".join(c.text.strip() for c in ln.label_cells)
        r.findings.append(make(
            "F4", unit=r.unit, year=r.year, severity="info", source=r.source,
            where=self.cells.place(ln.label_cells[-1]),
            detail=f"行名“{printed}”与模板不完全一致，按它在表中的位置和相近的文字读作“{_row_label(tid, row)}”。"))

    def _candidates(self) -> tuple[str, ...]:
        return _CANDIDATES[self.region]

    def _match(self, ln: _Line, prefix: str, suffix: str) -> tuple[str, Row] | None:
        if prefix or suffix:
            tries = [prefix + ln.label + suffix]
        else:
            tries = [ln.last, ln.label] if ln.last != ln.label else [ln.label]
        for tid in self._candidates():   # appeals' one row has no printed label: see _appeals_row
            tk = self.keys[tid]
            for label in tries:
                row = tk.match(label) if label else None
                if row is not None and (tid, row.id) not in self.done:
                    return tid, row
        plain = "" if prefix or suffix else _unannotated(ln)
        if plain and plain != ln.last:
            # a label with a filling note (`规章（设区的市…应提供相关数据）`, a province's annotated
            # template): the label before the note, so an exact key (规章) still stands whole
            for tid in self._candidates():
                row = self.keys[tid].match(plain)
                if row is not None and (tid, row.id) not in self.done:
                    return tid, row
        return None

    def _try(self, ln: _Line, prefix: str = "", suffix: str = "") -> bool:
        if not ln.normed or not ln.nvalues:   # normed: one entry a label cell
            return False
        hit = self._match(ln, prefix, suffix)
        if hit is None:
            return False
        self._read_row(hit[0], hit[1], ln)
        return True

    def _label_above(self, above: _Line, ln: _Line) -> bool:
        """A row's whole label on the line above its line of values only (`规章 |` / `0 | 0 | 0 |` /
        `行政规范性文件 |` / …): the values are that row's. Never join them with the label below, which
        is the next row's (a label split above and below its numbers is not a whole label above)."""
        if ln.normed:
            return False
        joined = _split(above.label_cells + ln.values)
        hit = self._match(joined, "", "") if joined is not None else None
        if hit is None or L.strip_enum(joined.label) != L.strip_enum(L.norm(hit[1].label)):
            return False
        self._read_row(hit[0], hit[1], joined)
        return True

    def _is_header(self, ln: _Line) -> bool:
        """A row of column labels (自然人 · 法人或其他组织 · 总计; 信息内容 · 本年新制作数量 ...)."""
        if len(ln.normed) < 2:      # one entry a label cell
            return False
        if type(ln.normed) is tuple:  # a tab row's: the same header rows open every report's tables
            return _header_row(self.report.format, ln.normed)
        return ln.normed[0] == "信息内容" or any(tk.header_hits(ln.normed) >= 2 for tk in self.keys.values())

    def _heading_of(self, tid: str, ln: _Line) -> bool:
        """A line of `tid` printed above rows, no row itself: 表一's section heading (第二十条第（五）项)
        or a line of column headers (信息内容 · 上一年项目数量 …, or a header's second line)."""
        normed = [s for s in ln.normed if s]
        return bool(normed) and (bool(_SECTION.fullmatch(ln.label)) or normed[0] == "信息内容"
                                 or self.keys[tid].header_hits(normed) == len(normed))

    def _blank_row(self, ln: _Line) -> bool:
        """A labelled row whose cells are all blank (`3.要求提供公开出版物⇥⇥⇥⇥⇥⇥⇥`): it must print
        at least as many (empty) cells as the row has columns, else it is a label fragment."""
        if not ln.normed or not ln.nvalues:
            return False
        hit = self._match(ln, "", "")
        if hit is None or (ln.nvalues < len(hit[1].columns) and not self._whole_label_row(ln, hit[1])):
            return False
        if hit[0] not in self.found and self.keys[hit[0]].header_hits([ln.label]):
            return False   # `总计 | |||||||`: a column header cell above the table's first row
        self._read_row(hit[0], hit[1], ln)
        return True

    def _whole_label_row(self, ln: _Line, row: Row) -> bool:
        """Fewer empty cells than columns (one cell a line, where empty lines run together) still make
        a blank row when the line prints the row's whole label and the next line is a row of its own."""
        nxt = self.lines[self.at + 1] if self.at + 1 < len(self.lines) else None
        return nxt is not None and bool(nxt.normed) \
            and L.strip_enum(ln.label) == L.strip_enum(L.norm(row.label))

    def _blank_appeals_row(self, ln: _Line) -> bool:
        """The appeals row printed with every cell empty (an unfilled template)."""
        row = self.keys["appeals"].table.rows[0]
        if self.region != "appeals" or ln.normed or ln.nvalues < len(row.columns) \
                or ("appeals", "count") in self.done:
            return False
        self._read_row("appeals", row, ln)
        return True

    def _unkept_appeals_row(self) -> None:
        """A sheet's 表四 printed with its value row empty (an unfilled template): a spreadsheet keeps no
        empty row, so the table ends at its header. When that header placed every result column and no
        line after it holds a value, the row is read as printed, every cell blank (F1 at the row under
        the header), not as a missing table (F4)."""
        head = self.appeals_head
        if head is None or self.report.location_style != "sheet" or ("appeals", "count") in self.done \
                or len(self.columns.maps["appeals"]) < len(self.columns.appeal_ids) \
                or any(ln.has_values for ln in self.lines[self.lines.index(head) + 1:]):
            return
        cell = GridCell("", head.row + 1, head.cells[0].col, head.part)
        self._read_row("appeals", self.keys["appeals"].table.rows[0], _Line([cell], [], [], (), "", "", False))

    def _appeals_row(self, ln: _Line) -> bool:
        if self.region != "appeals" or ("appeals", "count") in self.done:
            return False
        if ln.normed and self.keys["appeals"].match(ln.label) is None and len(ln.label) > 8:
            return False
        row = self.keys["appeals"].table.rows[0]
        self._read_row("appeals", row, ln)
        return True

    # --- one row -----------------------------------------------------------------------------
    def _read_row(self, tid: str, row: Row, ln: _Line) -> None:
        self.found.add(tid)
        self.region = tid
        self.done.add((tid, row.id))
        self.read_order.append((tid, row.id))
        ncols = len(row.columns)
        if self.spans and any(c.down for c in ln.values):
            self._merged_down(tid, row, ln)
            return
        if self.columns is None:
            if ln.tab is not None:
                if self._plain_tab(tid, row, ncols, ln.tab):
                    return
            elif len(ln.values) == ncols and self._plain_digits(tid, row, ln.values):
                return
        anchor = ln.values[0] if ln.values else ln.cells[0]
        picked = None if self.columns is None else self.columns.pick(
            tid, row, ln.values, lambda col: GridCell("", anchor.row, col, anchor.part))
        ids, idxs, label = _row_meta(tid, row, self.report.format)
        if isinstance(picked, Across):
            self._across(ids, label, ln, picked)
            return
        if picked is None:
            vals = self._wrapped(ln, ncols) or self._gapped(ln, ncols) or _trim(ln.values, ncols)
            picked = self._layout_pick(ln, row, vals, ncols)
        vals = picked if picked is not None else vals
        texts = list(map(_TEXT, vals))
        run = "".join(texts)
        if len(vals) == ncols and all(texts) and run.isdigit() and run.isascii():
            if picked is None and len(ln.values) > ncols:
                self.spare.add(len(ln.values) - ncols)   # a full row with cells to spare (a trailing tab)
            elif picked is None:
                self.spare.add(0)
            self.cells.digits(idxs, vals, texts)   # every cell plain digits: the common row
            return
        filled = [c for c in vals if c.text.strip()]
        if len(filled) == 1 and ncols > 1 and _digits(filled[0].text) and not self._in_place(filled[0], vals, picked, ln, ncols):
            c = filled[0]
            self.pending.append(RunTogetherRow(tid, row.id, c.text.strip(), c.row, c.col, c.part,
                                               alone=c.bounded and len(ln.values) == 1))
            return
        if len(vals) == ncols and (filled or ncols == 1):
            text = self.report.location_style == "text"
            exact = text and len(ln.values) == ncols and self._separated(ln.values, len(filled) == ncols)
            # every value cell drawn (a ruled table's cells, `|` cells) and exactly as many as columns:
            # an empty first cell is a cell of the row, not a label cell or a gap
            drawn = len(ln.values) == ncols and all(c.bounded for c in ln.values)
            # one empty cell at the edge of a row: a blank cell, or a gap of the layout? The
            # separators tell when the table's full rows print exactly one cell a column. (An empty
            # first cell left after trimming empty ones at the end may be a second label column.)
            if picked is None and ncols > 1 and len(filled) == ncols - 1 and (
                    (not vals[0].text.strip() and not exact and not drawn and (text or len(ln.values) >= ncols))
                    or (text and not vals[-1].text.strip() and not exact)):
                self.cells.unknown(ids, anchor, label, len(filled), ncols)
                self._short(tid, row, filled, label)
                return
            blanks = self.cells.put_row(ids, idxs, vals)
            if blanks:
                self.cells.blank(blanks, label)
            return
        if not filled:
            blanks = []
            for i, cid in enumerate(ids):
                c = vals[i] if i < len(vals) else GridCell("", anchor.row, anchor.col + i, anchor.part)
                self.cells.put(cid, c)
                blanks.append((cid, c))
            self.cells.blank(blanks, label)
            return
        self.cells.unknown(ids, anchor, label, len(filled), ncols, len(vals) - len(filled),
                           detail=self._spanned(tid, row, filled))
        self._short(tid, row, filled, label)

    def _across(self, ids: list[str], label: str, ln: _Line, across: Across) -> None:
        """A row whose merged value cell spreads over another header's column (`ColumnMap.pick`):
        unread, one F3 on the merged cell that names the columns it covers."""
        cell = across.cell
        filled = sum(1 for c in ln.values if c.text.strip())
        self.cells.unknown(ids, cell, label, filled, len(ids), detail=_across_detail(cell.text, across.columns))

    def _spanned(self, tid: str, row: Row, filled: list[GridCell]) -> str:
        """A web page's row left unread (F3) whose value is a cell spanning (colspan) two header
        columns or more (`规章 | 5 colspan=2 | 7` under 本年新制作数量 and 本年新公开数量): the columns it covers,
        from the table's header row, as a sheet's merged cell names them (`_across`)."""
        if self.heads is None:
            return ""
        m = self.heads.maps.get(tid) or {}
        for c in filled:
            if c.end > c.col:
                heads = tuple(rc.label for rc in row.columns if c.col <= m.get(rc.id, 0) <= c.end)
                if len(heads) > 1:
                    return _across_detail(c.text, heads)
        return ""

    def _merged_down(self, tid: str, row: Row, ln: _Line) -> None:
        """A row one of whose value cells is merged with the row above or below (a Word table's or a
        sheet's vertical merge, `docx._table_rows`, `workbook._cells`): the number belongs to one of the rows, or to both, and
        the table does not say which. The rows it spans are unread, each with one F3 naming the merge;
        never the same number read in each row, nor a number and a blank."""
        ids, _, label = _row_meta(tid, row, self.report.format)
        cell = next(c for c in ln.values if c.down)
        first, last = cell.down
        top = next((c.text.strip() for c in ln.values if c.down and c.text.strip()), "")
        what = f"“{top}”所在的合并单元格" if top else f"这一行有一格与第{first}行的单元格合并，该合并单元格"
        filled = sum(1 for c in ln.values if c.text.strip())
        self.cells.unknown(list(ids), cell, label, filled, len(ids),
                           detail=f"（{what}上下跨了 {last - first + 1} 行，不能确定是哪一行的数值）")

    def _short(self, tid: str, row: Row, filled: list[GridCell], label: str) -> None:
        """A layout row (each value at a printed position) short of values, just reported F3: kept for
        `shortrow.place`, which reads what the table's equalities settle of it once every row is read."""
        if 0 < len(filled) < len(row.columns) and all(c.x >= 0 and c.text.strip().isdigit() and c.text.isascii() for c in filled):
            self.shorts.append(shortrow.ShortRow(tid, row.id, filled, label, self.report.findings[-1],
                                                 [int(c.text.strip()) for c in filled]))

    def _plain_digits(self, tid: str, row: Row, vals: list[GridCell]) -> bool:
        """The common row, read without the general steps: exactly one cell a column, each plain
        ASCII digits, no positions (tab or `|` text, where no column map applies). For such a row
        `_wrapped` and `_layout_pick` give None and `_trim` keeps every cell, so the general path
        comes to the same `digits` call (tests/test_grid_fastpath.py feeds both the same rows)."""
        texts = list(map(_TEXT, vals))
        run = "".join(texts)
        if not (all(texts) and run.isdigit() and run.isascii()) or max(map(_X, vals)) >= 0:
            return False
        self.spare.add(0)
        self.cells.digits(_row_meta(tid, row, self.report.format)[1], vals, texts)
        return True

    def _plain_tab(self, tid: str, row: Row, ncols: int, tab: tuple[list[str], int, int]) -> bool:
        """`_plain_digits` of a tab row's values from their texts (`TabRow`): no positions there,
        so the same test on the same texts, and the same cells kept for `flush` (line `tab[1]`,
        columns from `tab[2]`, part 0), without building them."""
        texts, line, col = tab
        if len(texts) != ncols:
            return False
        run = "".join(texts)
        if not (all(texts) and run.isdigit() and run.isascii()):
            return False
        self.spare.add(0)
        self.cells.digits_at(_row_meta(tid, row, self.report.format)[1], texts, line, col)
        return True

    def _layout_pick(self, ln: _Line, row: Row, vals: list[GridCell], ncols: int) -> list[GridCell] | None:
        """Layout text, a row short of values: the columns they stand in, by their spacing laid
        against the full rows printed nearest above and below it on the same page (`layoutrow`)."""
        if max(map(_X, vals), default=-1) < 0:
            return None       # no positions (tab, `|` rows: nearly every row read): nothing to lay out
        filled = [c for c in vals if c.text.strip()]
        placed = self._placed(ln, filled, ncols)
        if placed is not None:
            return placed
        if not 2 <= len(filled) < ncols or any(c.x < 0 or not _NUMBER.fullmatch(c.text.strip()) for c in filled):
            return None
        if _glued(ln):
            return None
        above, below = self._full_rows_near(ln, ncols, -1), self._full_rows_near(ln, ncols, 1)
        col_ids = [c.id for c in row.columns]
        numbers = [parse_number(c.text).value for c in filled]
        last = ln.label_cells[-1] if ln.label_cells else None
        label_end = None if last is None or last.x < 0 else last.end if last.end >= 0 else last.x + layoutrow.width(last.text)
        cols = layoutrow.columns([layoutrow.centre(c.x, c.text) for c in filled], above + below,
                                 lambda cols: layoutrow.group_sums_hold(col_ids, dict(zip(cols, numbers))),
                                 label_end, [above[0], below[0]] if above and below else [])
        if cols is None:
            return None
        by_col = dict(zip(cols, filled))
        return [by_col.get(i) or GridCell("", filled[0].row, filled[0].col + i, filled[0].part, -1, True)
                for i in range(ncols)]

    def _placed(self, ln: _Line, filled: list[GridCell], ncols: int) -> list[GridCell] | None:
        """A PDF row whose every number the true positions placed in a column (`pdfcolumns`) of a
        header with this row's column count, with the numbers of the lines below it that are still
        this row's (its label going on below it, or a line of numbers only above such a line).
        Not when a line of numbers below may be this row's or the next one's."""
        if not filled or len(filled) >= ncols or not _in_columns(filled, ncols):
            return None
        filled = list(filled)
        joined = []
        for step in (1, 2):
            nxt = self._at_line(ln, step)
            if nxt is None or not _near(ln, nxt) or id(nxt) in self.consumed \
                    or any(c is f for c in nxt.values for f in filled):
                continue    # (a row joined round its line of numbers, `_around`: that line is in it)
            if nxt.label and (self._match(nxt, "", "") or (nxt.has_values and _enumerated(nxt))):
                break       # the next row, labelled (with or without numbers): what follows is its own
            if not nxt.has_values:
                continue    # (a group's name between, `（六）其`, starts no row)
            if not nxt.label:
                # numbers only: this row's when the line below them still continues its label
                after = self._at_line(ln, step + 1)
                if after is None or not _near(nxt, after) or after.has_values or not after.label \
                        or _enumerated(after) or self._match(after, "", ""):
                    return None
            more = [c for c in nxt.values if c.text.strip()]
            # the row's label goes on below it (`纳费用、行政机关…`) with the rest of its numbers
            # on that line: they are the row's when placed in other columns of the same header
            if not _in_columns(more, ncols) or {c.column for c in more} & {c.column for c in filled}:
                return None
            joined.append(nxt)
            filled += more
        self.consumed.update(map(id, joined))
        by_col = {c.column[0]: c for c in filled if c.column is not None}
        first = filled[0]
        return [by_col.get(i) or GridCell("", first.row, first.col + i, first.part, -1, True) for i in range(ncols)]

    def _at_line(self, ln: _Line, step: int) -> _Line | None:
        if self._at_row is None:
            self._at_row = {(o.cells[0].part, o.cells[0].row): k for k, o in enumerate(self.lines)}
        i = self._at_row.get((ln.cells[0].part, ln.cells[0].row), self.at) + step
        return self.lines[i] if 0 <= i < len(self.lines) else None

    def _full_rows_near(self, ln: _Line, ncols: int, step: int) -> list[list[float]]:
        """The value centres of the (up to two) nearest layout rows above (step -1) or below (+1)
        on the same page that print `ncols` numbers and nothing else after their labels."""
        page, row, part = ln.cells[0].page, ln.cells[0].row, ln.cells[0].part
        if self._at_row is None:
            self._at_row = {(o.cells[0].part, o.cells[0].row): k for k, o in enumerate(self.lines)}
        i = self._at_row.get((part, row), self.at) + step   # a held row is read at a later line (`_wraps`)
        found: list[list[float]] = []
        while 0 <= i < len(self.lines) and len(found) < 2:
            other = self.lines[i]
            first = other.cells[0]
            if first.page != page or first.part != part or abs(first.row - row) > _REF_LINES:
                break
            vals = [c for c in other.values if c.text.strip()]
            if other.has_values and len(vals) == ncols and len(other.label_cells) <= 3 and not _glued(other) \
                    and all(c.x >= 0 and _NUMBER.fullmatch(c.text.strip()) for c in vals):
                found.append([layoutrow.centre(c.x, c.text) for c in vals])
            i += step
        return found

    def _in_place(self, c: GridCell, vals: list[GridCell], picked, ln: _Line, ncols: int) -> bool:
        """Is the one filled cell of a row a value in its own column (a sheet row with only its 总计
        filled), not a whole row run together? A run is printed in the first value cell; a cell
        the header or the separators put in a later column is that column's value."""
        if c is vals[0]:
            # a run is printed in the first cell; but where the row's other cells are cells of
            # their own (a sheet's columns, drawn or `|` cells) a number too short to hold one digit
            # a column (`88` under 上一年项目数量 of three) is that cell's value
            drawn = picked is not None or (len(ln.values) == len(vals) and all(x.bounded for x in ln.values))
            # so are tab cells where the table's full rows print one tab cell a column (a browser's
            # copy of a page: `1.属于国家秘密⇥14⇥⇥⇥⇥⇥⇥` is 14 and six empty cells)
            drawn = drawn or (self.report.location_style == "text" and len(ln.values) == len(vals)
                              and self._separated(ln.values, False))
            return drawn and (sum(ch.isdigit() for ch in c.text) < len(vals) or self._own_lines(ln, vals, ncols))
        if picked is not None:
            return True
        if len(ln.values) == len(vals) and all(x.bounded for x in ln.values):
            return True         # drawn cells (an HTML or Word table): each is a column of its own
        return (self.report.location_style == "text" and len(ln.values) == len(vals)
                and self._separated(ln.values, False))

    def _own_lines(self, ln: _Line, vals: list[GridCell], ncols: int) -> bool:
        """A text row printed one cell a line, each cell the page's own (a paragraph, or ended by its bar),
        its empty ones shown, exactly one a column (互助县 2020: `148` / ` ` / ` ` under 行政许可's three
        columns): the number stands in its own cell, which no run of the row's cells could be."""
        return (self.report.location_style == "text" and len(vals) == len(ln.values) == ncols
                and all(x.bounded for x in vals) and len({x.row for x in vals}) == len(vals))

    def _separated(self, values: list[GridCell], full: bool) -> bool:
        """Do the printed separators say which cell of this row is empty? `|` cells always do
        (`| 5 |  |`). Tab rows do when the table's full rows print exactly one cell a column:
        some texts end every row with a tab, and there an empty last cell is no cell at all."""
        if values and all(c.bounded for c in values):
            return True
        if any(c.x >= 0 for c in values):
            return False        # layout text: positions, not separators
        if full:
            self.spare.add(0)
        return self.spare == {0}

    def _wrapped(self, ln: _Line, ncols: int) -> list[GridCell] | None:
        """A row whose label wraps over lines in layout text can print its numbers on two lines
        (`（二）部分公开…  66` above `24 31 38 45 52 59`, maybe with a label line between). When
        the next such line's numbers stand in
        other columns and complete the row, the two are one row, in the order of their positions."""
        for c in ln.values:
            if c.text.strip():
                if c.x < 0:
                    return None   # positions unknown (tab or `|` text, sheets): never joined below
                break
        mine = [c for c in ln.values if c.text.strip()]
        nxt = next((n for n in self.lines[self.at + 1:self.at + 3] if n.has_values), None)
        if nxt is None or not _near(ln, nxt):
            return None
        more = [c for c in nxt.values if c.text.strip()]
        if len(mine) + len(more) != ncols or any(c.x < 0 for c in mine + more):
            return None
        if len({c.x for c in mine + more}) != ncols or (nxt.label and self._match(nxt, "", "")):
            return None
        self.consumed.add(id(nxt))
        return sorted(mine + more, key=lambda c: c.x)

    def _gapped(self, ln: _Line, ncols: int) -> list[GridCell] | None:
        """One cell a line, double-spaced, where the whole text did not show it (`text.cell_lines`: a
        short or cut stored page, 柳湖镇's `规章` / `` / `0` / `` / `0` / `` / `0` under a header set the
        same way): the row's numbers, exactly its columns, each one empty line below the one before,
        its label one empty line below the line above it. The empty lines are the page's spacing:
        read as empty cells, they would make the row twice as wide as its columns, which no reading
        fits. Returns the numbers, else None."""
        vals = ln.values
        if len(vals) != 2 * ncols or ncols < 2 or not ln.label_cells or vals[0].text.strip() \
                or any(c.x >= 0 or not c.bounded for c in vals):
            return None
        filled, empty = vals[1::2], vals[0::2]
        top = ln.label_cells[-1].row
        if any(c.text.strip() for c in empty) or not all(c.text.strip() for c in filled) \
                or [c.row for c in filled] != list(range(top + 2, top + 2 * ncols + 1, 2)) \
                or [c.row for c in empty] != [c.row for c in filled]:
            return None
        i = self.at - 1 if self.lines and self.lines[self.at] is ln else -1
        above = [c.row for c in self.lines[i].cells if c.text.strip()] if i >= 0 else []
        return filled if above and above[-1] == top - 2 and self.lines[i].part == ln.part else None

    def missing_rows(self) -> None:
        """A table that was found but lacks rows: its layout is not the template's (F4)."""
        self._cut_in_last_row()
        for tid in sorted(self.found, key=L.TABLE_ORDER.index):
            if self.done.issuperset(_row_keys(tid, self.keys[tid])):
                continue      # every row read (most tables): none missing, as the list below would say
            missing = [row for row in self.keys[tid].table.rows if (tid, row.id) not in self.done]
            if tid == "appeals" or not missing or len(missing) == len(self.keys[tid].table.rows):
                if tid == "appeals" and missing:
                    self._missing_note(tid, ["案件数一行"])
                continue
            if tid == "requests" and self._group_departure(missing):
                missing = [row for row in missing if not row.id.startswith("other.")]
                if not missing:
                    continue
            if self._broken_off(tid, missing):
                continue
            # every missing row's label printed on a line without numbers: the numbers were never there
            labelled = self._label_lines(tid)
            bare = len(missing) >= MIN_BARE_ROWS and all(row in labelled for row in missing)
            if bare:
                self._missing_note(tid, [_row_label(tid, row) for row in missing], bare=True)
            else:   # a row whose label was read is not "not found": said apart, with the label's line
                self._missing_note(tid, [_row_label(tid, row) for row in missing if row not in labelled],
                                   [self._label_at(tid, row, labelled[row]) for row in missing if row in labelled])

    def _broken_off(self, tid: str, missing: list[Row]) -> bool:
        """The file ends inside the table: its last rows are not in the file (`cutoff`), said so."""
        r = self.report
        cut = cutoff.breaks_off(r, self.lines, tid, {row.id for row in missing}, self.found,
                                heading=lambda ln: self._heading_of(tid, ln))
        if cut is None:
            return False
        rows = self.keys[tid].table.rows
        before = rows[len(rows) - len(missing) - 1]
        after = _row_label(tid, before)
        names = [_row_label(tid, row) for row in missing]
        shown = "、".join(names[:6]) + ("等" if len(names) > 6 else "")
        label = template(r.format).table(tid).label
        r.facts["_cut_off"] = label
        at = render_location(r.location_style, r.parts[cut.part] if r.parts and cut.part < len(r.parts) else None, cut.row, 1)
        short = self._cut_inside(tid, before, cut)
        inside = None if short is None else (sum(1 for c in cut.line.values if c.text.strip()), len(before.columns))
        r.findings.append(make("F4", unit=r.unit, year=r.year, source=r.source, where=f"{self.where} {at}",
                               cells=[] if short is None else short.cells,
                               detail=cutoff.broken_off_detail(label, after, names, shown, inside)))
        return True

    def _cut_in_last_row(self) -> None:
        """The file ends on the last row of the last table found, printed short of its columns (表四's one row
        `0⇥0⇥0⇥0⇥0⇥0` of 15, then nothing): it breaks off inside that row, said by the cut's F4 with the row's F3
        folded in, as where later rows are missing (`_broken_off`). Only where that F3 was made on the file's last line."""
        r = self.report
        if not self.found or not self.lines or r.loc is None or not any(f.rule == "F3" for f in r.findings):
            return      # (most reports: no F3 at all)
        tid = max(self.found, key=L.TABLE_ORDER.index)
        row, last = self.keys[tid].table.rows[-1], self.lines[-1]
        ids = _row_meta(tid, row, r.format)[0]
        at_cell = r.loc[template(r.format).index[ids[0]]]
        if not last.has_values or (int(at_cell[0]), int(at_cell[1])) != (last.part, last.row) \
                or (len(self.lines) > 1 and (self.lines[-2].part, self.lines[-2].row) == (last.part, last.row)):
            return      # (a crawler's one-line page: its rows, and the prose after them, share the line)
        if not any(f.rule == "F3" and f.actual is None and {c.cell for c in f.cells} == set(ids) for f in r.findings):
            return      # (a run of digits the sums cannot split: how many cells it holds is unknown, no count to give)
        if any(c.x >= 0 for c in last.values):
            return      # (a layout row: its positions say where its empty cell is, 总计 printed under 总计 is no cut)
        short = self._cut_inside(tid, row, cutoff.Cut(last.part, last.row, last, True))
        if short is None:
            return
        label = template(r.format).table(tid).label
        r.facts["_cut_off"] = label
        inside = (sum(1 for c in last.values if c.text.strip()), len(row.columns))
        r.findings.append(make("F4", unit=r.unit, year=r.year, source=r.source, where=short.where, cells=short.cells,
                               detail=cutoff.broken_off_detail(label, _row_label(tid, row), [], "", inside)))

    def _cut_inside(self, tid: str, row: Row, cut: cutoff.Cut) -> Finding | None:
        """The file ends on the line of the table's last row read, and that row was printed short of
        its columns (its F3): the row is where the file breaks off, not a row printed short (a 长白镇
        page stored up to `（一）予以公开` / `0` / `0`). Its F3 is taken out (returned): the cut's F4 says
        it, with its cells (unread either way). A row followed by anything (the next row's label
        begun), or printing a cell a column or more (`| 1 | | 2 | 3 |`), was printed so before the
        cut: its F3 stays."""
        if not cut.last_line or len(cut.line.values) >= len(row.columns):
            return None     # (a row printing as many cells as columns, or more, ended before the file did)
        ids = set(_row_meta(tid, row, self.report.format)[0])
        findings = self.report.findings
        # (an F3 on part of the row, shortrow having settled the rest by the table's sums, is not this one)
        k = next((k for k, f in enumerate(findings) if f.rule == "F3" and {c.cell for c in f.cells} == ids), None)
        return None if k is None else findings.pop(k)

    def labels_only(self, tid: str) -> list[Row]:
        """The table's rows not read whose label stands on a line without numbers (雄县 2019 prints a
        blank template: every label, not one cell)."""
        return list(self._label_lines(tid))

    def _label_lines(self, tid: str) -> dict[Row, _Line]:
        """`labels_only`, each with the first line its label stands on."""
        keys = self.keys[tid]
        order = {row.id: i for i, row in enumerate(keys.table.rows)}
        matched = [(ln, row) for ln in self.lines if ln.label and (row := keys.match(ln.label)) is not None]
        # a label standing above an earlier row of the template is one of the table's column headings
        # (表三's 其他, 总计 printed a line a cell above 一、本年新收: 路北区住建局 2022), not that row
        kept, below = [], len(order)
        for ln, row in reversed(matched):
            if not ln.has_values and order[row.id] <= below and (tid, row.id) not in self.done:
                kept.append((row, ln))
            below = min(below, order[row.id])
        out: dict[Row, _Line] = {}
        for row, ln in reversed(kept):         # the first line of each row, in the file's order
            out.setdefault(row, ln)
        return out

    def _label_at(self, tid: str, row: Row, ln: _Line) -> str:
        """A row's label and the place `ln`, where its label was read (`行政许可（第21行）`)."""
        c = ln.label_cells[0]
        r = self.report
        part = r.parts[c.part] if r.parts and c.part < len(r.parts) else None
        return f"{_row_label(tid, row)}（{render_location(r.location_style, part, c.row, c.col)}）"

    def _group_departure(self, missing: list[Row]) -> bool:
        """A 2021 table printing （六）其他处理 as one row of values, as the 2019 template did: its
        three rows cannot be told apart, but the group's values are kept (`facts["group_totals"]`)
        and the departure is reported once, by name, instead of as three rows not found."""
        ln = self.group_row
        subs = [row for row in self.keys["requests"].table.rows if row.id.startswith("other.")]
        if ln is None or not subs or not all(row in missing for row in subs):
            return False
        ncols = len(subs[0].columns)
        vals = _one_digit_cells(_trim(ln.values, ncols), ncols)
        if len(vals) != ncols:
            return False
        r = self.report
        values = {}
        for c, col in zip(vals, subs[0].columns):
            p = parse_number(c.text)
            values[col.id] = p.value if p.status in ("ok", "normalised") else None
        r.facts.setdefault("group_totals", {})["requests.other"] = values
        # shown in the report's JSON as any table printed in the other generation (generations.py)
        at = {f"requests.other.{k}": render_location(r.location_style, r.parts[c.part] if r.parts and c.part < len(r.parts)
                                                     else None, c.row, c.col) for c, k in zip(vals, values)}
        r.facts.setdefault("departures", {})["requests"] = {
            "format": "2019", "cells": {f"requests.other.{k}": plain(v) for k, v in values.items()}, "locations": at}
        shown = "|".join(c.text.strip() or "空" for c in vals)
        r.findings.append(make(
            "F4", unit=r.unit, year=r.year, source=r.source, where=self.cells.place(ln.label_cells[-1]),
            cells=[r.ref(f"requests.{row.id}.{c.id}") for row in subs for c in row.columns],
            detail=f"“（六）其他处理”按 2019 版印成一行（{shown}），2021 版应分为 1.逾期不补正、2.逾期未缴费、"
                   "3.其他 三行；这三行各格无法区分，未读取，该组的合计已记下。"))
        return True

    def _missing_note(self, tid: str, names: list[str], labelled: Sequence[str] = (), bare: bool = False) -> None:
        """F4 for the table's rows not read: not found at all (`names`), or their label read with no number
        (`labelled`, each with its place; `bare`: every missing row so, a blank table)."""
        r = self.report
        label = template(r.format).table(tid).label
        if bare:
            detail = (f"表格“{label}”中有 {len(names)} 行只印出了行名、没有数值：{_shown(names)}"
                      "（空白表格，或数值没有随文字保存下来）。这些单元格未读取。")
        else:
            said = [f"有 {len(labelled)} 行只读到行名、没有读到数值：{_shown(labelled)}"] if labelled else []
            said += [f"没有找到 {len(names)} 行：{_shown(names)}"] if names else []
            detail = (f"表格“{label}”中" + "；".join(said) + "。这些单元格未读取，"
                      + ("请核对表格是否为标准版式。" if names else "请核对原表这几行的数值。"))
        r.findings.append(make("F4", unit=r.unit, year=r.year, source=r.source, where=self.where, detail=detail))


def _shown(names: Sequence[str]) -> str:
    return "、".join(names[:6]) + ("等" if len(names) > 6 else "")


_ROW_META: dict[tuple[str, int], tuple[tuple[str, ...], tuple[int, ...], str]] = {}


# The tables a row may belong to, by the table region the walk is in (tables come in order).
_CANDIDATES = {None: L.TABLE_ORDER[:2], **{r: tuple(t for t in L.TABLE_ORDER[i:] if t != "appeals")
                                           for i, r in enumerate(L.TABLE_ORDER)}}


@lru_cache(maxsize=1 << 14)
def _header_row(fmt: str, normed: tuple[str, ...]) -> bool:
    """`_Reader._is_header` of a tab row's label cells (`L.table_keys(fmt)` is the reader's `keys`)."""
    return normed[0] == "信息内容" or any(tk.header_hits(list(normed)) >= 2 for tk in L.table_keys(fmt).values())


@lru_cache(maxsize=1 << 14)
def _hits(fmt: str, region: str | None, last: str, label: str) -> tuple[tuple[str, tuple[str, str], int,
                                                                        tuple[int, ...]], ...]:
    """The rows `_Reader._match` tries for a row printed with `last` and `label` in `region`, in
    its order (tables by region, then the last label cell before the whole label): the first one
    not read yet is its match. Each as (table, (table, row id), columns, cell indices)."""
    keys = L.table_keys(fmt)
    tries = [last, label] if last != label else [label]
    out = []
    for tid in _CANDIDATES[region]:
        for text in tries:
            row = keys[tid].match(text) if text else None
            if row is not None:
                out.append((tid, (tid, row.id), len(row.columns), _row_meta(tid, row, fmt)[1]))
    return tuple(out)


def _row_meta(tid: str, row: Row, fmt: str) -> tuple[tuple[str, ...], tuple[int, ...], str]:
    """A row's cell ids, their places in the report's vectors, and its printed name, once per
    template row (rows live in the cached template)."""
    key = (tid, id(row))
    meta = _ROW_META.get(key)
    if meta is None:
        ids = tuple(f"{tid}.{row.id}.{c.id}" for c in row.columns)
        index = template(fmt).index
        meta = _ROW_META[key] = (ids, tuple(index[c] for c in ids), _row_label(tid, row))
    return meta


def _row_label(tid: str, row: Row) -> str:
    if tid == "requests" and row.group and row.group.startswith("（"):
        return f"三{row.group}{row.label}"
    if tid == "requests" and row.label.startswith("（"):
        return f"三{row.label}"
    if tid == "appeals":
        return "行政复议、行政诉讼情况"
    return row.label


# How much of a misprinted label must agree with the template's (difflib ratio of the labels
# without enumerators): `危三安全稳定` for `危及“三安全一稳定”` passes, `其他` for `其他处理` not.
MISPRINT_RATIO = 0.6


def _resembles(label: str, row: Row) -> bool:
    """Could this printed label be a misprint of `row`'s? Never for an exact-key row (规章, 其他):
    a short label that is not the key is another row, not a misprint of it."""
    from difflib import SequenceMatcher
    if row.exact:
        return False
    mine, theirs = L.strip_enum(L.norm(label)), L.strip_enum(L.norm(row.label))
    return len(mine) >= 2 and SequenceMatcher(None, mine, theirs).ratio() >= MISPRINT_RATIO


# A filling note printed after a label, in brackets: long enough not to be part of the label.
_NOTE = re.compile(r"\s*[（(][^（()）]{6,}[)）]\s*$")


def _unannotated(ln: _Line) -> str:
    """The last label cell without a bracketed note at its end (normalised), or ''."""
    if not ln.label_cells:
        return ""
    text = ln.label_cells[-1].text
    cut = _NOTE.sub("", text)
    return L.norm(cut) if cut != text and cut.strip() else ""


def _glued(ln: _Line) -> bool:
    """Is the row's first number set right after its label (one space: `…政府信息公开 0`)? Layout
    text then printed it with the label, not at its column: its position says nothing."""
    first = next((c for c in ln.values if c.text.strip()), None)
    return first is not None and first.glued


def _in_columns(cells: list[GridCell], ncols: int) -> bool:
    """Has each cell a column of a header of `ncols` columns (`pdfcolumns`), each its own?"""
    cols = [c.column for c in cells]
    return all(c is not None and c[1] == ncols for c in cols) and len(set(cols)) == len(cols)


def _enumerated(ln: _Line) -> bool:
    """Does a label cell of the line start with an enumerator (`3.`, `（二）`): a row's label
    starts there (even a misprinted one), it does not continue the row above?"""
    return any(L.strip_enum(n) != n for n in ln.normed)


# How many lines a row's label may wrap over above or below its line of values (`_spread`).
SPREAD = 8
# An enumerator anywhere in a line: `（二）`, `1.`; a row's label starts on that line.
_ENUMERATOR = re.compile(r"[（(][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[.．、]|[（(][一二三四五六七八九十]{1,3}$")


def _words(ln: _Line) -> str | None:
    """The text of a printed line with no digit in it (a label's line, a bracket taken for a value
    included), or None."""
    text = "".join(c.text.strip() for c in ln.cells)
    return None if any(ch.isdigit() for ch in _ENUMERATOR.sub("", text)) else text


def _numbers(ln: _Line) -> bool:
    """Does the line hold a number among its values? A lone `）` a layout line prints under `（四`
    (a group's name wrapped in its narrow column) is taken for a value, and is no row's numbers."""
    return any(c.text.strip().isdigit() for c in ln.values)


def _label_text(ln: _Line) -> str:
    return "".join(c.text.strip() for c in ln.label_cells)


def _near(a: _Line, b: _Line) -> bool:
    """Two printed rows close enough for one to continue the other's label (a blank line between)."""
    return a.part == b.part and 0 < b.row - a.row <= 2


_TEXT = attrgetter("text")
_X = attrgetter("x")


def _trim(values: list[GridCell], ncols: int) -> list[GridCell]:
    """Too many cells: drop trailing, then leading empties, down to the row's column count."""
    vals = list(values)
    while len(vals) > ncols and not vals[-1].text.strip():
        vals.pop()
    while len(vals) > ncols and not vals[0].text.strip():
        vals.pop(0)
    return vals


def _one_digit_cells(vals: list[GridCell], ncols: int) -> list[GridCell]:
    """A run of exactly as many digits as the row has columns (a crawler's `1000001`), one digit a
    cell, when its last (the row's 总计) is the sum of the others: a blank cell would leave a
    two-digit value and break that sum. Any other cells as they are."""
    if len(vals) != 1 or ncols < 2:
        return vals
    run = vals[0].text.strip()
    if not (run.isascii() and run.isdigit() and len(run) == ncols) or \
            sum(map(int, run[:-1])) != int(run[-1]):
        return vals
    c = vals[0]
    return [GridCell(ch, c.row, c.col + i, c.part) for i, ch in enumerate(run)]


def _across_detail(text: str, columns: Sequence[str]) -> str:
    heads = "、".join(f"“{h}”" for h in columns)
    return f"（“{text.strip()}”所在的合并单元格跨过了{heads} {len(columns)} 列的表头）"


def merged_number(text: str) -> bool:
    """Is a merged cell's text a number (a value merged down over rows, `GridCell.down`), not a label?"""
    return _NUMBER.fullmatch(text.strip()) is not None


def _digits(text: str) -> bool:
    """A run of a row's numbers in one cell: digits, with the spaces and signs some pages print
    between them (`0 0 0 0 0 00`, `88-720`), an amount with decimals last (`1973601627.4元`)."""
    s = text.strip()
    if s.isascii() and s.isdigit():
        return len(s) > 1
    return _RUN_CELL.fullmatch(s) is not None and sum(ch.isdigit() for ch in s) > 1


# A full row used to place a short one's values is printed this close (in lines) to it.
_REF_LINES = 40
_NUMBER = re.compile(r"[+\-－]?\d[\d,]*(?:\.\d+)?")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
_RUN_CELL = re.compile(r"[+\-－]?\d+(?:(?: |[ ]?[+\-－])\d+)*(?:\.\d+)? ?(?:元|万元)?")   # an amount last
