"""Which column each number of a PDF table printed without ruling lines stands in, from true x.

Offices leave 0 cells empty, so many rows print one or two numbers (`（一）予以公开  20 … 20`) and
nothing says which columns they fill. In the PDF itself (pdfplumber) the positions are true: the
header's column names stand in their columns, and so do the values. Everything here rests on one
fact of a table: each column's text (header name, values) lies inside that column's cell, and the
cells do not overlap. So a value whose extent overlaps the extent already known to be column k's
(its header name, values of full rows) cannot lie in any other column: it is column k's. A value
that overlaps none, or two, is not placed (the grid matcher then reads the row as before, or F3).

- The header: the words under a table's column names are often wrapped in narrow cells (`自然`/`人`,
  `社会`/`公益`/`组织`); the fragments that stand one above the other (overlapping in x) in one
  band of lines are joined top to bottom, and the band is a header only when these joined names
  are, left to right, exactly a template column sequence (自然人 … 总计).
- Full rows: a row printing exactly one number a column fills every column, in order; its values
  widen each column's known extent (values set left in wide cells stand far from the centred
  header name). A full row on any page of the same table counts (same page width).
- A row split in two lines (one cell's number set lower than the others', a line of numbers only):
  joined with the labelled line it stands within a character height of, when their columns differ;
  else neither is placed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..templates import template
from . import labels as L


@dataclass
class Word:
    """A cell of a PDF text line with its true horizontal extent (points)."""
    text: str
    x0: float
    x1: float


@dataclass
class Line:
    """A PDF text line (not a ruled table's row): its cells left to right, and its place."""
    page: int
    top: float
    bottom: float
    size: float
    width: float                     # the page's width: a grid holds for pages of one geometry
    words: list[Word]
    numbers: list[int]               # indices into `words` of the row's numbers (after its label)
    loose: set[int] = field(default_factory=set)   # numbers whose position says nothing (pushed by text)
    slots: dict[int, int] = field(default_factory=dict)   # word index -> column
    ncols: int = 0                   # the column count of the grid that placed it
    merged_into: "Line | None" = None
    spans: list[list[float]] = field(default_factory=list)   # the extents of the grid that placed it


@dataclass
class _Grid:
    ncols: int
    spans: list[list[float]]         # per column [x0, x1]: the extent known to lie in its cell
    width: float
    page: int
    lines: list[Line] = field(default_factory=list)
    also: list[list[float]] = field(default_factory=list)   # pdftotext: the page's full rows' places
    anchors: list[list[Word]] = field(default_factory=list)  # pdftotext: each column's name pieces (whole cells)


@cache
def _sequences() -> tuple[tuple[frozenset[str], ...], ...]:
    """The template's column sequences of two columns or more (each column: the names it may
    print under, normalised), every format."""
    out: set[tuple[frozenset[str], ...]] = set()
    for fmt in ("2019", "2021"):
        tpl = template(fmt)
        for tid in ("active", "requests", "appeals"):
            for row in tpl.table(tid).rows:
                if len(row.columns) >= 2:
                    out.add(tuple(frozenset({L.norm(c.label.split("·")[-1]), *(L.norm(k) for k in c.keys)})
                                  for c in row.columns))
    return tuple(sorted(out, key=len, reverse=True))


@cache
def _fragments() -> frozenset[str]:
    """Every piece a column name may be wrapped into (`自然`, `人`, `公益`): its substrings."""
    out: set[str] = set()
    for seq in _sequences():
        for names in seq:
            for n in names:
                out.update(n[i:j] for i in range(len(n)) for j in range(i + 1, len(n) + 1))
    return frozenset(out)


def place(lines: list[Line], is_title, tolerance: float | None = None) -> None:
    """Set `slots`/`ncols` of the lines whose numbers a header (and full rows) place for sure;
    join a line of numbers only into the row it belongs to (`merged_into`). `lines`: every text
    line of the document, pages in order, each page top to bottom. `is_title(text)`: a table's
    title line, which ends the grid above it.

    `tolerance`: positions are pdftotext's character cells, not true: its layout sets each line
    anew (a long label pushes what follows; each page has its own scale), so there a number is
    placed only when it starts (or centres) within `tolerance` of its column's header name, on the
    header's page. On the pages the table continues on (no header there) the columns are where
    that page's full rows print them, when they agree."""
    grids: list[_Grid] = []
    grid: _Grid | None = None
    k = 0
    while k < len(lines):
        band = _header_band(lines, k, tolerance is not None)
        if band is not None:
            end, ncols, spans, anchors = band
            grid = _Grid(ncols, spans, lines[k].width, lines[k].page, anchors=anchors if tolerance is not None else [])
            grids.append(grid)
            k = end
            continue
        ln = lines[k]
        text = "".join(w.text for w in ln.words)
        # a table's title, a page of other geometry or another header (信息内容 of the next
        # section of 表二) ends the grid
        if grid is not None and (ln.width != grid.width or is_title(text)
                                 or any(L.norm(w.text) in L.HEADER_WORDS for w in ln.words)):
            grid = None
        if grid is not None and tolerance is not None and ln.page != grid.page:
            # pdftotext sets each page to its own scale: the table goes on with columns to learn
            grid = _Grid(grid.ncols, [], ln.width, ln.page)
            grids.append(grid)
        if grid is not None:
            grid.lines.append(ln)
        k += 1
    for g in grids:
        if tolerance is None:
            _learn_full_rows(g)
        elif not g.spans:
            g.spans = _page_columns(g, tolerance) or _page_clusters(g, tolerance)
        else:
            # values set left in wide cells stand apart from the centred names (表二): where the
            # page's full rows print each column counts too, when those rows agree
            g.also = _page_columns(g, tolerance)
        if not g.spans or any(a[1] > b[0] for a, b in zip(g.spans, g.spans[1:])):
            continue      # the known extents overlap (drawn cells may touch): the picture is not sound
        for ln in g.lines:
            if ln.numbers:
                _slot(ln, g, tolerance)
        if tolerance is not None:
            _settle_rows(g)
        _join_split(g)


def _header_band(lines: list[Line], k: int, layout: bool = False) \
        -> tuple[int, int, list[list[float]], list[list[Word]]] | None:
    """Do the lines from k on (a band of lines a character height or two apart) print a column
    header? Returns (the line after the band, columns, each column's extent)."""
    frags = _fragments()
    first = lines[k]
    if first.numbers or not any(L.norm(w.text) in frags for w in first.words):
        return None
    band = [first]
    j = k + 1
    while j < len(lines) and not lines[j].numbers and (
            (lines[j].page == first.page and lines[j].top - band[-1].bottom < 1.5 * first.size)
            # in a PDF a header broken by a page break goes on atop the next page (true x, same width)
            or (not layout and lines[j].page == band[-1].page + 1 and lines[j - 1].page == band[-1].page
                and lines[j].width == first.width)):
        band.append(lines[j])
        j += 1
    words = [(w, ln.top) for ln in band for w in (_spaced(ln.words) if layout else ln.words)]
    pieces = [(w, top) for w, top in words if L.norm(w.text) in frags and L.norm(w.text)]
    if len(pieces) < 2:
        return None
    # pieces standing one above the other are one column's name; pdftotext's character cells
    # shift a wrapped name's lines a little (`自然` at 29, `人` at 33): there pieces this close join
    for slack in range(0, 4 if layout else 1):
        clusters: list[list[tuple[Word, float]]] = []
        for w, top in sorted(pieces, key=lambda p: p[0].x0):
            if clusters and w.x0 < max(p.x1 for p, _ in clusters[-1]) + slack:
                clusters[-1].append((w, top))
            else:
                clusters.append([(w, top)])
        names = [_names(c, layout) for c in clusters]
        for seq in _sequences():
            for s in range(len(names) - len(seq) + 1):
                if all(names[s + i] & seq[i] for i in range(len(seq))):
                    # the name's top line is where its column starts (pdftotext sets the lines
                    # below it apart); in a PDF the whole name's extent is known to lie in it
                    spans = [_extent(c, layout) for c in clusters[s:s + len(seq)]]
                    whole = {id(w) for ln in band for w in ln.words}
                    anchors = [[p for p, _ in c if id(p) in whole] for c in clusters[s:s + len(seq)]]
                    return j, len(seq), spans, anchors
    return None


def _names(cluster: list[tuple[Word, float]], layout: bool) -> set[str]:
    """What a column's pieces, top to bottom, may name: all of them joined; in a PDF's true positions
    also the lower pieces alone, as a group's name printed in the first cell of its columns (a Word
    table whose `法人或其他组织` stands in the cell above 商业企业, not merged over the group)."""
    pieces = [L.norm(p.text) for p, _ in sorted(cluster, key=lambda q: (q[1], q[0].x0))]
    return {"".join(pieces[t:]) for t in range(1 if layout else len(pieces))}


def _spaced(words: list[Word]) -> list[Word]:
    """pdftotext text: names of narrow columns set one character a line stand one space apart
    (`结  结 其  尚 总`), and a cell of the text is cut at two spaces only: each piece apart."""
    out = []
    for w in words:
        if " " not in w.text:
            out.append(w)
            continue
        at = 0
        for piece in w.text.split(" "):
            if piece:
                out.append(Word(piece, w.x0 + at, w.x0 + at + len(piece)))
            at += len(piece) + 1
    return out


def _extent(cluster: list[tuple[Word, float]], layout: bool) -> list[float]:
    if layout:
        top = min(t for _, t in cluster)
        cluster = [(w, t) for w, t in cluster if t == top]
    return [min(p.x0 for p, _ in cluster), max(p.x1 for p, _ in cluster)]


def _learn_full_rows(g: _Grid) -> None:
    """A line printing exactly one number a column fills them in order: each value widens its
    column's extent (unless it overlaps another column's, which would contradict the grid)."""
    for ln in g.lines:
        if len(ln.numbers) != g.ncols:
            continue
        words = [ln.words[i] for i in ln.numbers]
        if any(a.x1 >= b.x0 for a, b in zip(words, words[1:])):
            continue
        if any(_overlaps(w, g.spans[j]) for i, w in enumerate(words) for j in range(g.ncols) if j != i):
            continue
        for i, w in enumerate(words):
            g.spans[i] = [min(g.spans[i][0], w.x0), max(g.spans[i][1], w.x1)]


def _columns_for(w: Word, spans: list[list[float]]) -> list[int]:
    """The columns whose cell can hold `w`. Cell j lies between the known extents of its
    neighbours: it starts after column j-1's and ends before column j+1's, so `w` can be in it
    only if it does too. (A value overlapping column j's own extent is then in j alone; a value set
    left of the first column's centred name, or right of the last one's, is in that column.)"""
    n = len(spans)
    return [j for j in range(n) if (j == 0 or w.x0 >= spans[j - 1][1]) and (j == n - 1 or w.x1 <= spans[j + 1][0])]


def _columns_near(w: Word, spans: list[list[float]], tolerance: float) -> list[int]:
    """pdftotext text: the columns whose header name starts, or centres, within `tolerance` of
    where the number does."""
    mid = (w.x0 + w.x1) / 2
    return [j for j, (a, b) in enumerate(spans) if abs(w.x0 - a) <= tolerance or abs(mid - (a + b) / 2) <= tolerance]


def _page_columns(g: _Grid, tolerance: float) -> list[list[float]]:
    """pdftotext text, a page the table goes on to without its header: the columns where the
    page's full rows (one number a column, none pushed by text) print them, when all such rows
    agree within `tolerance`; none else."""
    full = [[ln.words[i] for i in ln.numbers] for ln in g.lines if len(ln.numbers) == g.ncols and not ln.loose]
    full = [ws for ws in full if all(a.x1 < b.x0 for a, b in zip(ws, ws[1:]))]
    if not full or any(abs(w.x0 - f.x0) > tolerance for ws in full[1:] for w, f in zip(ws, full[0])):
        return []
    return [[w.x0, w.x1] for w in full[0]]


def _page_clusters(g: _Grid, tolerance: float) -> list[list[float]]:
    """pdftotext text, a page the table goes on to with neither its header nor a full row (rows
    leaving their 0s empty, e.g. `3.其他`, `（七）总计`, `四、结转…` alone atop the last page): the
    page's numbers stand at as many distinct places as the table has columns, then each place is a
    column, in order. pdftotext sets one page to one scale, so a column's numbers start at one place
    (within `tolerance`); its scale differs from the header's page, and not by a common factor (it
    packs columns round the text), so the header's places are no guide here. Fewer places than
    columns (a column empty on the whole page) say nothing of which is missing: none placed."""
    words = sorted((ln.words[i] for ln in g.lines for i in ln.numbers if i not in ln.loose), key=lambda w: w.x0)
    places: list[list[Word]] = []
    for w in words:
        if places and w.x0 - places[-1][0].x0 <= tolerance:
            places[-1].append(w)
        else:
            places.append([w])
    if len(places) != g.ncols or len({ln.page for ln in g.lines if ln.numbers}) != 1:
        return []
    # each place apart from the next by a space at least: else two columns may have run together
    if any(max(w.x1 for w in a) >= min(w.x0 for w in b) for a, b in zip(places, places[1:])):
        return []
    return [[p[0].x0, p[0].x0 + 1] for p in places]


def _overlaps(w: Word, span: list[float]) -> bool:
    return w.x0 < span[1] and w.x1 > span[0]


def _slot(ln: Line, g: _Grid, tolerance: float | None) -> None:
    """The line's numbers' columns: each by its position where that names one column; the rest
    by order, where the numbers placed around them leave exactly as many columns between them
    (the values of a row print in column order). Nothing when any number stays open."""
    known: dict[int, int] = {}
    for i in ln.numbers:
        if i in ln.loose:
            continue
        if tolerance is None:
            cols = _columns_for(ln.words[i], g.spans)
        else:
            cols = _near(ln.words[i], g, tolerance)
        if len(cols) == 1:
            known[i] = cols[0]
    if tolerance is not None:
        # pdftotext only pushes a word right, to one space after the word before it: a number so
        # set right after a number of column c, at the start of column c+1, is in column c+1 (not
        # farther left: c is taken; not farther right: it stands left of c+2). Narrow columns
        # (表四's 15) print their numbers one space apart like this.
        for prev, i in zip(ln.numbers, ln.numbers[1:]):
            if i in ln.loose and prev in known and _near(ln.words[i], g, tolerance) == [known[prev] + 1]:
                known[i] = known[prev] + 1
        for i in ln.numbers:
            if i not in known and ln.page == g.page:
                col = _between_names(ln.words[i], g.anchors)
                if col is not None:
                    known[i] = col
    placed = [known[i] for i in ln.numbers if i in known]
    if len(set(placed)) != len(placed) or placed != sorted(placed):
        return
    slots = dict(known)
    run: list[int] = []
    low = -1
    for i in [*ln.numbers, None]:
        if i is not None and i not in known:
            run.append(i)
            continue
        high = g.ncols if i is None else known[i]
        if run:
            if high - low - 1 != len(run):
                if tolerance is None:
                    _slot_by_cells(ln, g)
                return
            slots.update(zip(run, range(low + 1, high)))
            run = []
        low = high
    ln.slots, ln.ncols, ln.spans = slots, g.ncols, g.spans


def _slot_by_cells(ln: Line, g: _Grid) -> None:
    """A PDF row the order alone did not place (`规章 0 … 0`: a number between two names' extents
    may stand in either cell): each number can only be in a column whose cell can hold it
    (`_columns_for`), and a row's numbers stand in increasing columns. When one assignment only
    meets both (the first number can only be column 1, so the second, which could be column 1 or 2,
    is column 2), that is the row's; two or more: not placed. A number pushed by text (`loose`) can
    be in any column."""
    fits = _fits([list(range(g.ncols)) if i in ln.loose else _columns_for(ln.words[i], g.spans) for i in ln.numbers])
    if len(fits) == 1:
        ln.slots, ln.ncols, ln.spans = dict(zip(ln.numbers, fits[0])), g.ncols, g.spans


def _between_names(w: Word, anchors: list[list[Word]]) -> int | None:
    """pdftotext text, a number its column names do not place (moved by pdftotext one space after
    text, or not within a character of a name): its column from how pdftotext orders a page. It gives every piece of text the first character cell right of all
    the pieces wholly left of it (poppler's `TextPage::assignColumns`), never less. So a column name
    that ends (plus a space) after where the number starts is not wholly left of it: the number
    starts inside or left of that name's cell, in that column or before. And a name starting
    before the number ends (plus a space) does not stand wholly right of it: the number reaches into
    that name's cell or beyond, that column or after. When the two bounds meet, that is its column."""
    if not anchors or any(not a for a in anchors):
        return None
    low, high = _name_range(w, anchors)
    return high if high == low else None


def _name_range(w: Word, anchors: list[list[Word]]) -> tuple[int, int]:
    """The columns the names' bounds leave a number (`_between_names`): (lowest, highest)."""
    high = min((k for k, names in enumerate(anchors) if any(w.x0 < a.x1 + 1 for a in names)), default=len(anchors) - 1)
    low = max((k for k, names in enumerate(anchors) if any(a.x0 < w.x1 + 1 for a in names)), default=0)
    return low, high


def _apart(a: Word, b: Word) -> bool:
    """Two spaces or more between them: not one column's values. A column's values are set alike (left,
    centred or right in the cell), so on one page pdftotext starts, centres or ends them at one place
    (as `_page_columns` and `_page_clusters` rely on), and their extents meet whatever their width."""
    return a.x1 + 1 < b.x0 or b.x1 + 1 < a.x0


def _settle_rows(g: _Grid) -> None:
    """pdftotext text, the header's page: a row the names and the order did not place alone
    (`行政规范性文件 1 … 0` with its middle cell empty: the 0 lies between the names of 本年制发件数
    and 本年废止件数) is placed when its numbers fit the columns one way only, with each number in a
    column its names' bounds leave it, the row's numbers in column order, and no number in a column
    where the page prints that column's values two spaces or more away from it (another row's
    number already placed there). Repeated while rows get placed: a row placed so becomes evidence."""
    if not g.anchors or any(not a for a in g.anchors):
        return
    todo = [ln for ln in g.lines if ln.numbers and not ln.slots and ln.page == g.page]
    while todo:
        placed = [(ln.words[i], col) for ln in g.lines if ln.slots and ln.page == g.page
                  for i, col in ln.slots.items() if i not in ln.loose]
        done = []
        for ln in todo:
            options = []
            for i in ln.numbers:
                w = ln.words[i]
                low, high = (0, g.ncols - 1) if i in ln.loose else _name_range(w, g.anchors)
                options.append([c for c in range(low, high + 1)
                                if not any(col == c and _apart(w, p) for p, col in placed)])
            fits = _fits(options)
            if len(fits) == 1:
                ln.slots, ln.ncols, ln.spans = dict(zip(ln.numbers, fits[0])), g.ncols, g.spans
                done.append(ln)
        if not done:
            return
        todo = [ln for ln in todo if ln not in done]


def _fits(options: list[list[int]], low: int = -1) -> list[tuple[int, ...]]:
    """The ways (at most two: enough to tell one from many) to give each number a column of its
    options, left to right in increasing order."""
    if not options:
        return [()]
    out: list[tuple[int, ...]] = []
    for c in options[0]:
        if c > low:
            out.extend((c, *rest) for rest in _fits(options[1:], c))
            if len(out) > 1:
                return out[:2]
    return out


def _near(w: Word, g: _Grid, tolerance: float) -> list[int]:
    return sorted({*_columns_near(w, g.spans, tolerance), *_columns_near(w, g.also, tolerance)})


def _join_split(g: _Grid) -> None:
    """A line of numbers only is part of a row printed on two baselines (one cell's numbers set
    lower or higher than the label's first line): it joins the one labelled line within
    `_NEAR` character heights of it, when their columns differ. When it cannot (two such lines,
    clashing columns), it is left unplaced, and so are the labelled lines near it. With no
    labelled line near, it is a row of its own."""
    taken: set[int] = set()
    for b in g.lines:
        if not b.numbers or len(b.numbers) != len(b.words):
            continue
        near = [a for a in g.lines if a is not b and a.page == b.page and len(a.numbers) < len(a.words)
                and abs(a.top - b.top) < _NEAR * b.size]
        around = [a for a in g.lines if a is not b and a.page == b.page and len(a.numbers) < len(a.words)
                  and abs(a.top - b.top) < b.size]
        if len(near) == 1 and b.slots and (not near[0].numbers or near[0].slots) and id(near[0]) not in taken \
                and not set(b.slots.values()) & set(near[0].slots.values()):
            b.merged_into = near[0]
            taken.add(id(near[0]))
            continue
        if not around:
            continue      # a row of numbers only (表四's one row; a label printed elsewhere)
        for x in (b, *around):
            x.slots, x.ncols = {}, 0


# A line of numbers only belongs to a labelled line this close (in character heights): a row's
# lines are one line pitch (more than a character height) apart, a split row's baselines less.
_NEAR = 0.8
