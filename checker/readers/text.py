"""Text reports (`.txt`): text copied from web pages and PDFs, tables as tab-, `|`- or
space-separated rows. Decodes UTF-8 (with or without BOM) or GB18030/GBK and splits each line into
cells: the rows of a `Document`, whose lines are its prose (`document.to_report` does the rest)."""
from __future__ import annotations

import re
from unicodedata import east_asian_width
from itertools import compress, count, repeat
from operator import contains, gt, not_
from pathlib import Path

from ..model import Report
from .cellsplit import label_and_numbers, split_glued
from .grid import PROSE_LEN, GridCell, TabRow, _Line, tab_row
from . import cutoff, flattened, is_plain, path_name
from .document import Document, file_bytes, to_report, to_reports
from .runtogether import STATED
from .stated import Stated

_LAYOUT_CELL = re.compile(r"\S+(?: \S+)*")          # text between runs of 2+ spaces
_TAIL_NUMBERS = re.compile(r"(?<=[\u4e00-\u9fff）)”\]】]) (?:\d[\d.,]* )*\d[\d.,]*$")
_NUMBER_RUN = re.compile(r"\d[\d.,]*")
_NUMBERS_ONLY = re.compile(r"\d[\d.,]*(?: \d[\d.,]*)+")
_BORDER = " \t|-=+:_\u3000"
_UNIT_TAIL = re.compile(r"(?<=\d) ?(万?元)\s*$")
# a row whose numbers follow its label one space apart (or a row of numbers only): not a sentence
_ONE_SPACE_ROW = re.compile(r"^[^。；]*[^\d\s.,-] (?:-?\d[\d.,]* )*-?\d[\d.,]*\s*$|^\s*-?\d[\d.,]*(?: -?\d[\d.,]*)+\s*$")


def decode(data: bytes, name: str) -> str:
    """The file's text: UTF-8 (BOM or not), UTF-16, GB18030/GBK (see `encoding`)."""
    from .encoding import decode as decode_bytes
    return decode_bytes(data, name)


def split_line(line: str, n: int, page: int = 0, chars: bool = False) -> list[GridCell]:
    """One line to cells: tabs, else `|` borders, else runs of 2+ spaces (`pdftotext -layout`);
    `chars`: positions in characters, as pdftotext sets them (see `_layout`)."""
    if "\t" in line:
        parts = line.split("\t")
    elif "|" in line:
        if not line.strip(_BORDER):
            return []      # a border line (`|||||`, `|---|---|`): no row at all
        parts = line.strip().split("|")
        if parts and not parts[0].strip():
            parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
        # each cell stands between two printed `|`: an empty one is an empty cell of the table
        return [GridCell(t, n, i, 0, -1, True) for i, t in enumerate(parts, 1)]
    elif ("  " in line or "\u3000" in line) and (chars or not _indented_glued(line)):
        return _layout(line, n, page, chars)
    elif _ends_row_like(line):
        return _split_spaced(line, n)
    else:
        return [GridCell(line, n, 1)]     # a sentence or a heading: one cell (most such lines)
    return list(map(GridCell, parts, repeat(n), count(1)))   # a few hundred cells a report: no Python loop


def _ends_row_like(line: str) -> bool:
    """Whether `_split_spaced` can find cells in the line at all: each of its patterns ends the
    line, before trailing whitespace, in a digit (`.`/`,` after one) or in 元 (`split_glued` and
    `_ONE_SPACE_ROW` in a `\\d`, `_UNIT_TAIL` in 元). A sentence or a heading (`。`, `情况`) ends
    otherwise and is one cell without their scans. (`\\d` and `\\s` are what `isdecimal` and
    `rstrip` test: tests/readers/test_text_fast_paths.py checks every code point.)"""
    end = line.rstrip()[-1:]
    return end == "元" or end.isdecimal() or end == "." or end == ","


def _split_spaced(line: str, n: int) -> list[GridCell]:
    """A line with no tab, `|` or column gap: a row flattened with no separator at all
    (`……申请数量640020470`: label, then the digit run, which the grid matcher hands to the
    run-together decoder), a row whose numbers stand one space apart, or one cell."""
    glued = split_glued(line)
    if glued is not None:
        return list(map(GridCell, glued, repeat(n), count(1)))
    unit = _UNIT_TAIL.search(line)       # `政府集中采购 2 5419886 元`: the amount's unit
    body = line[:unit.start()] if unit else line
    if _ONE_SPACE_ROW.search(body):
        # cells one space apart (plain pdftotext, a PDF viewer's copy): `……申请数量 3001 53 0
        # 0 61 4 3119` is the label and each number, as in a Word or PDF cell
        parts = label_and_numbers(body)
        parts[-1] += unit.group(1) if unit else ""
        return list(map(GridCell, parts, repeat(n), count(1)))
    return [GridCell(line, n, 1)]     # a sentence or a heading: one cell


def _indented_glued(line: str) -> bool:
    """`    规章000`: a row glued to its label on a page indented by spaces (not pdftotext's): the
    spaces are the page's margin, not a column gap."""
    s = line.strip()
    return "  " not in s and "\u3000" not in s and split_glued(s) is not None


def _layout(line: str, n: int, page: int = 0, chars: bool = False) -> list[GridCell]:
    """`pdftotext -layout`: cells are runs of text between 2+ spaces, each with its position, so
    numbers a wrapped label pushed onto the next line can be put back in column order. Numbers
    set off from the label by a single space (`…出具已 32`) are cells of their own. A position is
    the display column, as a person aligns text in an editor (a 汉字 takes two); in pdftotext's
    text (`chars`) the character index: pdftotext sets every character, 汉字 too, in one cell of its
    grid, so a row whose label holds more 汉字 is not shifted right of the others."""
    line = line.replace("\u3000", "  ")   # an ideographic space is two columns wide
    col = int if chars else _columns(line)
    return [GridCell(text, n, i, 0, col(at), page=page, glued=glued, end=col(at + len(text)))
            for i, (text, at, glued) in enumerate(_layout_parts(line), 1)]


def _layout_parts(line: str) -> list[tuple[str, int, bool]]:
    """A layout line's cells: (text, character index, a number one space after its label)."""
    parts: list[tuple[str, int, bool]] = []
    for m in _LAYOUT_CELL.finditer(line):
        text, x = m.group(), m.start()
        tail = _TAIL_NUMBERS.search(text)
        if _NUMBERS_ONLY.fullmatch(text):
            # narrow columns set numbers one space apart (`0 0  0`): a number never holds a space
            parts.extend((num.group(), x + num.start(), False) for num in _NUMBER_RUN.finditer(text))
        elif tail:
            parts.append((text[: tail.start()].rstrip(), x, False))
            parts.extend((num.group(), x + num.start(), k == 0)
                         for k, num in enumerate(_NUMBER_RUN.finditer(text, tail.start())))
        else:
            parts.append((text, x, False))
    return parts


def _header_columns(rows: list[list[GridCell] | TabRow | _Line], lines: list[str]) -> None:
    """pdftotext text: the column of each number a table header on the same page places for sure
    (`pdfcolumns`, by character index: pdftotext sets a 汉字 in one character cell, and the
    header's names start where their column's values do)."""
    from . import labels as L
    from . import pdfcolumns
    placed: list[tuple[pdfcolumns.Line, list[GridCell], bool]] = []
    for row in rows:
        if isinstance(row, (TabRow, _Line)) or not isinstance(row, list) or not row or row[0].x < 0:
            continue     # tab rows (every cell at x -1) and `|` rows: no positions
        line = lines[row[0].row - 1].replace("\u3000", "  ")
        parts = _layout_parts(line)
        if len(parts) != len(row):
            continue
        texts = [t for t, _, _ in parts]
        last_label = max((i for i, t in enumerate(texts) if L.is_label(t)), default=-1)
        # pdftotext pulls a row's first number onto its label now and then (`…仍不明确0`): a
        # number of its own, placed by order only
        pulled = split_glued(texts[last_label]) if last_label >= 0 else None
        if pulled is not None:
            at = parts[last_label][1]
            parts[last_label:last_label + 1] = [(pulled[0], at, False), (pulled[1], at + len(pulled[0]), True)]
            texts = [t for t, _, _ in parts]
        numbers = [i for i, t in enumerate(texts) if i > last_label and _VALUE.fullmatch(t)]
        # a number set one space after the text before it may have been pushed there by it: its
        # column only by order (pdfcolumns)
        loose = {i for i in numbers if parts[i][2] or line[max(parts[i][1] - 2, 0):parts[i][1]].strip()}
        if len(numbers) != sum(1 for i, t in enumerate(texts) if i > last_label and t.strip()) \
                or any(t.rstrip()[-1:].isdigit() for t in texts[:last_label + 1]):
            numbers = []   # some value not a number, or digits left on a label: left to the spacing rules
        words = [pdfcolumns.Word(t, at, at + len(t)) for t, at, _ in parts]
        ln = pdfcolumns.Line(row[0].page, row[0].row, row[0].row, 1.0, 0.0, words, numbers, loose)
        placed.append((ln, row, pulled is not None))
    pdfcolumns.place([ln for ln, _, _ in placed], lambda text: L.title_of(L.norm(text)) is not None,
                     tolerance=_HEADER_TOLERANCE)
    for ln, row, split in placed:
        if not ln.slots:
            continue
        if split:       # the pulled number becomes a cell of its own after the label
            k = ln.numbers[0] - 1
            label = row[k]
            row.insert(k + 1, GridCell(ln.words[k + 1].text, label.row, label.col + 1, label.part, label.x, page=label.page,
                                       glued=True))
            label.text = ln.words[k].text
            for after in row[k + 2:]:
                after.col += 1
        for i, col in ln.slots.items():
            row[i].column = (col, ln.ncols)


# How far (characters) a number may start from its column's header name in pdftotext text.
_HEADER_TOLERANCE = 1
_VALUE = re.compile(r"[+\-－]?\d[\d,]*(?:\.\d+)?")


def _columns(line: str):
    """Character index -> display column of a layout line (wide characters count two)."""
    if line.isascii():
        return int
    starts = [0]
    for ch in line:
        starts.append(starts[-1] + (2 if east_asian_width(ch) in "WF" else 1))
    return starts.__getitem__


def rows_of(lines: list[str], pages: list[int] | None = None, bars: bool = True) -> list[list[GridCell] | TabRow | _Line]:
    """The rows of printed cells of a document's lines; `pages` gives each line's page (pdftotext
    ends a page with a form feed), so layout positions are compared within one page only. `bars`
    False: no line holds a `|` (the caller's text has none)."""
    lines = cell_lines(lines, bars)
    rows: list[list[GridCell] | TabRow | _Line] = []
    chain: list[GridCell] | None = None   # a label line whose cells follow one a line (copy-paste)
    blanks = 0
    ended: list[tuple[list[GridCell], int, str]] = []   # such rows, the empty lines after, the next label's kind
    empty: list[tuple[list[GridCell], int, int]] = []   # labels followed by empty lines only
    for n, line in enumerate(lines, 1):
        if line is None:
            continue       # a line that holds no cell of its own (see `cell_lines`)
        if "\t" in line:   # the common table row, split here without a call
            chain = None
            # a line of tabs only is a row of blank cells (an unfilled table row), not an empty line
            if not line.isspace() or line.count("\t") > 1:
                rows.append(tab_row(line.split("\t"), n))   # split at once, cells built only where asked for
        elif line and not line.isspace():
            page = pages[n - 1] if pages else 0
            if chain is not None and (_ONE_NUMBER.match(line) or _NOT_APPLICABLE.match(line) or type(line) is _Barred):
                # text copied from a table with each cell on a line of its own: the numbers under a
                # label are its row; an empty line between them is an empty cell
                chain.extend(GridCell("", n, len(chain) + 1 + k, 0, -1, True) for k in range(blanks))
                chain.append(GridCell(line.strip(), n, len(chain) + 1, 0, -1, True))
                blanks = 0
                continue
            if chain is not None and len(chain) > 1:
                ended.append((chain, blanks, _label_kind(line)))
            elif chain is not None and blanks:
                empty.append((chain, blanks, n))
            if flattened.looks_flattened(line):
                flat = flattened.rows(line, n)   # a crawler's one-line page: rows by the template
                if flat:
                    rows.extend(flat)
                    chain = None
                    continue
            row = split_line(line, n, page, pages is not None)
            if row:
                if page:
                    for c in row:
                        c.page = page
                rows.append(row)
            chain = row if len(row) == 1 and (len(line) <= PROSE_LEN or _label_len(line) <= PROSE_LEN) \
                and not _ONE_NUMBER.match(line) else None
            blanks = 0
        elif chain is not None:
            blanks += 1
            if line is SHOWN_EMPTY:   # a lone `|`: an empty cell shown, kept at once (a row's last cell too)
                chain.append(GridCell("", n, len(chain) + 1, 0, -1, True))
                blanks = 0
            elif blanks > _MAX_BLANK_CELLS:
                chain = None
    if ended:
        _trailing_blanks(ended)
        # in a table of one cell a line, a label whose cells are all empty lines is a row of empty
        # cells (how many is not to be trusted: grid's `_blank_row` takes it for a whole row label)
        for row, k, n in empty:
            row.extend(GridCell("", n, 2 + i, 0, -1, True) for i in range(k))
    if pages is not None:
        _header_columns(rows, lines)
    return rows


def _label_len(line: str) -> int:
    """A label line's length without a closing note in brackets: Hubei's 2019 tables print
    `规范性文件（行政机关制定发布的……一般情况下属于规范性文件）`, a row label, not prose."""
    if "（" not in line and "(" not in line:
        return len(line)          # no bracket: no note (the pattern needs one), without the scan
    m = _NOTED_LABEL.match(line)
    return len(m.group(1)) if m else len(line)


_NOTED_LABEL = re.compile(r"^\s*([^（(]+)[（(].*[）)]\s*$")


def _label_kind(line: str) -> str:
    """What a label line starts with (`1.`, `（一）`, `一、`, other): rows of one kind are set alike."""
    m = _ENUMERATOR.match(line.strip())
    return next((k for k, g in zip(("num", "paren", "cn"), m.groups()) if g), "other") if m else "other"


_ENUMERATOR = re.compile(r"(\d+[.．、])|([（(][一二三四五六七八九十]+[）)])|([一二三四五六七八九十]+、)")


def _trailing_blanks(ended: list[tuple[list[GridCell], int, str]]) -> None:
    """One cell a line: an empty last cell is an empty line after the row's numbers, but so are the
    next row's empty leading cells (a group-label column). The full rows tell how many empty lines
    come before a label of each kind; a row one number short with exactly one more has an empty
    last cell."""
    counts: dict[int, int] = {}
    for row, _, _ in ended:
        counts[len(row) - 1] = counts.get(len(row) - 1, 0) + 1
    full = max(counts, key=lambda k: (counts[k], k))
    usual: dict[str, set[int]] = {}
    for row, trail, kind in ended:
        if len(row) - 1 == full:
            usual.setdefault(kind, set()).add(trail)
    for row, trail, kind in ended:
        seen = usual.get(kind)
        if len(row) - 1 == full - 1 and seen is not None and len(seen) == 1 and trail == min(seen) + 1:
            last = row[-1]
            row.append(GridCell("", last.row + 1, len(row) + 1, 0, -1, True))


# an amount keeps its unit (`152790元`, `240万元` under 政府集中采购 · 采购总金额)
_ONE_NUMBER = re.compile(r"^\s*[+\-－]?\d[\d,]*(?:\.\d+)?\s*(?:万?元)?\s*$")
_NOT_APPLICABLE = re.compile(r"^\s*[/／\-－—]\s*$")   # a cell printed `/`: its own cell, read as unreadable
_BAR_ENDED = re.compile(r"^(.*?)\s*\|\s*$")          # `规章 |`, `0 |`: a cell a crawler ended with a bar
_BARS_ONLY = re.compile(r"^\s*\|{2,}\s*$")           # `||`, `|||`: the padding of a merged row
_BAR_PADDED = re.compile(r"^(.*?)\s*\|\s*\|{2,}\s*$")  # `0 | ||`: a cell ended by a bar, its merged row's padding
_BAR_PAD_CELL = re.compile(r"^([^|]*?)\s*\|(?:\s+\|)+\s*$")  # `0 | |`: the same, the padding an empty cell
# `| 规章`: a row's first cell opened by a bar, closed by the lone `|` on the next line (安居区 pages: `| 规章` `|` `0` `|` …)
_BAR_OPENED = re.compile(r"^\s*\|\s*([^|\s][^|]*?)\s*$")


class _Shown(str):
    """An empty cell its separators show (a lone `|` after a closed cell): told apart by identity from
    an empty line, which may be a gap, so that an empty LAST cell of a row is kept as one."""


SHOWN_EMPTY = _Shown("")


class _Barred(str):
    """A word its bar ends (`无 |`: 路北区住建局 2022 prints it in each cell with nothing to report): a cell of the row,
    never a label, as `/` is (read as unreadable, F2). Only so in a bar-ended text: a `无` on a line of its own after a
    heading is prose (`因政府信息公开申请行政复议、提起行政诉讼的情况` / `无`)."""


_NOTHING = re.compile(r"无|暂无|无数据")


def cell_lines(lines: list[str], bars: bool = True) -> list[str | None]:
    """The lines as the cell-per-line reading wants them. Two renditions of pages whose crawler put
    each table cell on a line of its own differ from plain copy-paste only in their punctuation:
    - every cell ended by ` |` (`规章 |` `0 |`) or by a lone `|` on the next line, a lone `|` after
      a closed cell for an empty cell, `||`/`|||` for the padding of a merged row: the bars come off;
    - the whole text double-spaced (an empty line after every line): an empty cell is then two more
      empty lines, so a run of k empty lines holds (k-1)/2 empty cells.
    A line that holds no cell becomes None (line numbers stay those of the file). `bars` False: no
    line holds a `|`, so none is bar-ended (known from the whole text in one scan)."""
    out: list[str | None] = list(lines)
    if bars and _bar_ended(lines):
        label_open = False
        for i, line in enumerate(lines):
            s = line.strip()
            if _BARS_ONLY.match(line):
                out[i] = None
            elif (m := _BAR_PADDED.match(line) or _BAR_PAD_CELL.match(line)) is not None:
                out[i] = m.group(1)
                label_open = False
            elif s == "|":
                out[i] = None if label_open else SHOWN_EMPTY
                label_open = False
            elif (m := _BAR_ENDED.match(line)) is not None:
                out[i] = _Barred(m.group(1)) if _NOTHING.fullmatch(m.group(1)) else m.group(1)
                label_open = False
            elif (m := _BAR_OPENED.match(line)) is not None:
                out[i] = m.group(1)
                label_open = True      # its closing `|` below ends it: no empty cell
            else:
                label_open = bool(s)
                if not s:
                    out[i] = None  # an empty cell is a lone `|` here: an empty line (or the page source's indentation) is none
    elif _double_spaced(lines) or _spaced_cells(lines):
        run: list[int] = []
        for i, line in enumerate(lines + ["x"]):
            if not line.strip():
                run.append(i)
                continue
            keep = (len(run) - 1) // 2 if run else 0
            if keep > 0 and _shown_in_gaps(lines, run):
                # a paragraph holding a space, between two gaps: an empty cell printed
                for k, j in enumerate(run):
                    out[j] = SHOWN_EMPTY if k % 2 else None
            else:
                for j in run[keep:]:
                    out[j] = None
            run = []
    return out


def _shown_in_gaps(lines: list[str], run: list[int]) -> bool:
    """A run of empty lines in a double-spaced text that alternates an empty gap and a line holding
    spaces only (`148` / `` / ` ` / `` / ` ` / `` / next label: 互助县 2020, each empty cell a paragraph
    holding a space): those lines are the row's empty cells as printed, its last ones too — where plain
    empty lines (`` `` ``) only count, and a row's trailing count cannot be told from the next row's."""
    return len(run) % 2 == 1 and all(
        (lines[j] == "") if k % 2 == 0 else (lines[j] != "" and lines[j].isspace()) for k, j in enumerate(run))


def _bar_ended(lines: list[str]) -> bool:
    """Many cells are ended by a bar (on their line, or a lone `|` on the next), and no line is a
    `|` table row of several cells."""
    if not any(map(contains, lines, repeat("|"))):
        return False       # no bar at all (most texts), found in C: the loop below would count none
    ended = 0
    for line in lines:
        if "|" not in line:
            continue
        if _BARS_ONLY.match(line):
            continue
        if line.strip() == "|" or _BAR_PADDED.match(line) or _BAR_PAD_CELL.match(line):
            ended += 1
            continue
        if line.count("|") > 1 and not ended and not any(_ONE_NUMBER.match(c) for c in line.split("|")):
            continue   # the site's document header above the report (`索 引 号 | … | 发布机构 | … |`)
        if line.count("|") == 1 and _BAR_OPENED.match(line):
            continue   # a cell opened by its bar: the lone `|` closing it is counted
        if line.count("|") > 1 or not _BAR_ENDED.match(line):
            return False
        ended += 1
    return ended >= 8


def _double_spaced(lines: list[str]) -> bool:
    """An empty line after nearly every line of text (a page whose paragraphs each became a line)."""
    # Each gap of one empty line uses an empty line of its own: with too few empty lines (counted in
    # C, "" and whitespace-only alike) the share cannot be reached, and the per-line pass is skipped.
    spaces = sum(map(str.isspace, lines))
    if _spaced_every_other(lines, lines.count("") + spaces, str.isspace):
        return True
    # each empty cell a paragraph holding a space (互助县 2020: `148` / `` / ` ` / `` / ` ` / ``): those
    # lines are the table's cells, between the gaps as any other cell
    return spaces > 0 and _spaced_every_other(lines, lines.count(""), lambda line: False)


def _spaced_every_other(lines: list[str], empty: int, blank) -> bool:
    """At least 80 % of the filled lines (neither "" nor `blank`) stand one empty line apart."""
    filled_n = len(lines) - empty
    if filled_n < 20 or empty < 0.8 * (filled_n - 1):
        return False
    filled = [i for i, line in enumerate(lines) if line and not blank(line)]   # (strip's whitespace, no copy)
    if len(filled) < 20:
        return False
    single = sum(1 for a, b in zip(filled, filled[1:]) if b - a == 2)
    return single >= 0.8 * (len(filled) - 1)


def _spaced_cells(lines: list[str]) -> bool:
    """Plain `pdftotext` (no -layout): the table's cells one a line, each followed by an empty line
    (pdftotext's blocks), the prose not. There a single empty line is no cell: read as one, the
    empty lines fill a short row up to the template's count with cells it never printed."""
    # The spaced numbers first, among the lines an empty line and a filled one follow (found in C):
    # with fewer than 8 of them, 10 numbers or more cannot be 80 % spaced, and the whole text's
    # numbers need not be matched (most texts)
    blank = list(map(not_, map(str.strip, lines)))
    after = compress(lines, map(gt, blank[1:], blank[2:]))    # (lines i, i < len - 2: zip's end)
    spaced = len(list(filter(None, map(_ONE_NUMBER.match, after))))   # counted in C, no Python loop
    if spaced < 8:
        return False
    numbers = [i for i, line in enumerate(lines) if _ONE_NUMBER.match(line)]
    if len(numbers) < 10:
        return False
    return spaced >= 0.8 * len(numbers)
_MAX_BLANK_CELLS = 14      # empty lines under a label that can still be its empty cells


def read(path: Path | str, fd: int | None = None, size: int = -1) -> list[Report]:
    """`fd`, `size`: the file opened already, and its size (`readers.read_path`; see `file_bytes`)."""
    if not (isinstance(path, Path) or is_plain(path)):   # `read_path` gives a Path, or a text that is one's
        path = Path(path)
    name = path_name(path)
    from .encoding import decode_text
    text, cut = decode_text(file_bytes(path, fd, size), name)
    reports = read_texts(text, str(path), name)
    if cut and reports:                  # the file ends inside its last character: said on the last report
        cutoff.mid_character(reports[-1], len(_lines_and_pages(text + ".")[0]))    # its last line, as rows count
    return reports


def _lines_and_pages(text: str) -> tuple[list[str], list[int] | None]:
    """The text's lines as an editor numbers them, and each line's page (None without form feeds:
    nearly all texts, every line on page 0). pdftotext ends each page with a form feed that opens the
    next page's first line; `splitlines` would take it for a line of its own, and every 第N行 after
    page k would be k higher than the line `grep -n` or an editor shows."""
    lines = text.splitlines()
    if "\f" not in text:
        return lines, None
    kept: list[str] = []
    pages: list[int] = []
    page, opens = 0, True       # opens: the segment starts an editor's line
    for line, segment in zip(lines, text.splitlines(keepends=True)):
        if segment == "\f" and opens:       # a form feed opening a line: that line goes on after it
            page += 1
            continue
        kept.append(line)
        pages.append(page)
        page += segment.endswith("\f")
        opens = not segment.endswith("\f")
    return kept, pages


def read_text(text: str, source: str, where: str) -> Report:
    """The text of one document read as ONE report, never split into several (bench.prose_patterns and
    the tests read constructed texts this way; a file's text goes through `read_texts`)."""
    report = to_report(document(text, source, where))
    report.facts.pop(STATED, None)    # the prose's figures served the reading only (stated.py)
    return report


def read_texts(text: str, source: str, where: str) -> list[Report]:
    """The reports of one text: one, or each of several bundled in it (`multireport`)."""
    reports = to_reports(document(text, source, where), text)
    for report in reports:
        report.facts.pop(STATED, None)    # the prose's figures served the reading only (stated.py)
    return reports


def document(text: str, source: str, where: str) -> Document:
    """The text's rows (tables as tab, `|`, layout or run-together rows) and its lines as prose."""
    lines, pages = _lines_and_pages(text)
    # figures the prose states about 表二 cells: evidence for splitting runs of digits (stated.py)
    return Document(source=source, where=where, style="text", rows=rows_of(lines, pages, "|" in text), lines=lines,
                    known={"facts": {STATED: Stated(text)}})
