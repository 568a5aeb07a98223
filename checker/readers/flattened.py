"""Crawler-flattened tables: a whole report on one line, every tag stripped and nothing put between
cells (`…现行有效件数规章000行政规范性文件34089第二十条第（五）项…一、本年新收政府信息公开申请数量
142000016二、上年结转…`).

No separator says where a row ends, but the template does: its rows come in a known order, each
with label keys. We look for the rows' keys in that order inside the line, each close after the one
before (a table's rows stand together; a key far away in prose is not a row), and cut the line
there: a row is its label and the run of numbers printed straight after it. Such a run keeps the
spaces some pages print (`0 0 0 0 0 00`), its signs (`88-720`) and loses the enumerator of the next
row (`00000002.其他法律…` is the run `0000000` and the label `2.其他法律…`). The rows go to the grid
matcher like any other rows; a run that is not one number a cell goes to the run-together decoder,
which splits it by the table's own sums or reports it unread (F3) — never a guess here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..templates import Row, template
from .grid import GridCell
from .labels import norm
from .traditional import SIMPLIFIED, TRADITIONAL

# Characters inside a run of numbers: digits, signs, a decimal point and the spaces pages print.
_RUN = re.compile(r"[0-9+\-－.]+(?:[个件项条笔元]|万元)?(?:[ \t]+[0-9+\-－.]+(?:[个件项条笔元]|万元)?)*")
# Odd spaces become spaces, traditional characters simplified (a mirror site's page): one
# character for one, so positions in the line stay those of the page.
_SPACES = str.maketrans({"\u00a0": " ", "\u3000": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
                         **dict(zip(TRADITIONAL, SIMPLIFIED))})
_ENUM = re.compile(r"^(\d{1,2})[.．、]")
# A row's key stands at most this far after the end of the row before (group labels, a table's
# headings and column headers stand between); a row that is not printed widens the window.
ROW_GAP = 90
# Between a key and its numbers only the rest of the label (`（区分处理的，只计这一情形…）`).
LABEL_TAIL = 48
# The first row of a table follows its column header (`信息内容`, `自然人`) this closely.
FIRST_ROW_GAP = 160
# A table is recognised when at least this many of its rows are found in order.
MIN_ROWS = 3
# Anchors that open each table's search: the header cells only the table prints.
_ANCHORS = {"active": ("信息内容",), "requests": ("申请人情况", "自然人")}
_APPEALS_HEADER = "结果维持"
APPEALS_TITLE = "政府信息公开行政复议、行政诉讼情况"
# Each table's rows follow its title row, as in every other rendition: the grid reads a row in the
# table it stands in (a （六）其他处理 printed as one row is a departure of table `requests`).
_TITLES = {"active": "主动公开政府信息情况", "requests": "收到和处理政府信息公开申请情况"}
_COLUMN_HEADER = "信息内容"


def looks_flattened(line: str) -> bool:
    """A long line that carries a table's header words: worth cutting into rows."""
    return len(line) > 200 and any(w in line for w in _FLAT_WORDS)


# The header words a flattened table prints, also as a traditional-character mirror prints them.
_FLAT_WORDS = ("信息内容", "申请人情况", "自然人", "信息內容", "申請人情況")


@dataclass
class _Hit:
    row: Row
    table: str
    start: int      # where the key (or the label's enumerator) starts
    key_end: int


def rows(line: str, n: int) -> list[list[GridCell]] | None:
    """The table rows printed inside one flattened line (None when it holds no table): for each
    row found, `[label, value cells…]` at line `n`, and the appeals table as a title row and a row
    of values. Tries both template generations and keeps the one that finds more rows."""
    text = line.translate(_SPACES).replace("&nbsp;", " ")
    best: list[_Hit] = []
    chains = []
    for fmt in ("2021", "2019"):
        hits = _chain(text, fmt)
        chains.append(hits)
        if len(hits) > len(best):
            best = hits
    best = _per_table(chains, best)
    if len(best) < MIN_ROWS:
        return None
    out: list[list[GridCell]] = []
    for i, hit in enumerate(best):
        nxt = best[i + 1] if i + 1 < len(best) else None
        first = i == 0 or best[i - 1].table != hit.table
        if first:
            out.append([GridCell(_TITLES[hit.table], n, 1)])
        header = _header(text, hit.start - FIRST_ROW_GAP if first else best[i - 1].key_end, hit.start, n)
        if header:
            out.append(header)
        out.append(_row_cells(text, hit, nxt, n, len(out)))
        gap = _gap_row(text, hit, nxt, n)
        if gap:
            out.append(gap)
    last = next((h for h in reversed(best) if h.table == "requests"), None)
    appeals = _appeals(text, last.key_end if last else best[-1].key_end, n)
    if appeals:
        out.extend(appeals)
    return out


def _per_table(chains: list[list[_Hit]], best: list[_Hit]) -> list[_Hit]:
    """Each table's rows from the generation that finds more of them, when that finds more rows in
    all: a 2021 report still printing 表二 in the 2019 columns (the grid then reads each table in
    its own generation, `generations.py`)."""
    mixed: list[_Hit] = []
    for tid in ("active", "requests"):
        most: list[_Hit] = []
        for c in chains:
            hits = [h for h in c if h.table == tid]
            if len(hits) > len(most):
                most = hits
        mixed.extend(most)
    ordered = all(a.key_end <= b.start for a, b in zip(mixed, mixed[1:]))
    return mixed if ordered and len(mixed) > len(best) else best


@cache
def _order(fmt: str) -> tuple[tuple[str, Row, tuple[str, ...]], ...]:
    """The rows of tables `active` and `requests` in printed order, with their normalised keys."""
    t = template(fmt)
    return tuple((tid, r, tuple(sorted({norm(k) for k in r.keys}, key=len, reverse=True)))
                 for tid in ("active", "requests") for r in t.table(tid).rows)


def _chain(text: str, fmt: str) -> list[_Hit]:
    """The template's rows found in order, each close after the one before. A table starts at an
    occurrence of its header (`信息内容` also stands in prose) that a row of it follows closely."""
    hits: list[_Hit] = []
    start = 0
    for tid in ("active", "requests"):
        rows = [(r, keys) for t, r, keys in _order(fmt) if t == tid]
        for at in _anchors(text, tid, start):
            found = _table(text, tid, rows, at)
            if len(found) >= 2:
                hits.extend(found)
                start = found[-1].key_end
                break
    return hits


def _table(text: str, tid: str, rows: list, at: int) -> list[_Hit]:
    hits: list[_Hit] = []
    limit = FIRST_ROW_GAP
    for row, keys in rows:
        hit = _find(text, row, keys, at, at + limit)
        if hit is None:
            limit += ROW_GAP      # the row is not printed (or misprinted): look further for the next
            continue
        hits.append(_Hit(row, tid, *hit))
        at, limit = hit[1], ROW_GAP + LABEL_TAIL
    return hits


def _anchors(text: str, tid: str, start: int):
    """Where table `tid`'s header may stand, in order."""
    found = sorted(i for a in _ANCHORS[tid] for i in _all(text, a, start))
    return found


def _all(text: str, word: str, start: int):
    i = text.find(word, start)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def _find(text: str, row: Row, keys: tuple[str, ...], lo: int, hi: int) -> tuple[int, int] | None:
    """The first key of `row` in text[lo:hi] with no sentence end before it (prose is not a row),
    as (start of the printed label, end of the key). An exact key (`规章`, `其他`) must stand
    alone: not inside a longer word (`规章制度`, `其他处理`)."""
    best = None
    for k in keys:
        i = text.find(k, lo, hi + len(k))
        while i >= 0 and row.exact and not _alone(text, i, i + len(k)):
            i = text.find(k, i + 1, hi + len(k))
        if i >= 0 and (best is None or i < best[0]):
            best = (i, i + len(k), k)
    if best is None or "。" in text[lo:best[0]]:
        return None
    i, j, k = best
    return i - _label_before(text, i, row.label, k), j


def _label_before(text: str, i: int, label: str, key: str) -> int:
    """How much of the label's start is printed before its key (`属于` of `1.属于国家秘密`)."""
    body = _ENUM.sub("", label)
    at = norm(body).find(key)
    prefix = norm(body)[:at] if at > 0 else ""
    return len(prefix) if prefix and text[i - len(prefix):i] == prefix else 0


def _alone(text: str, i: int, j: int) -> bool:
    """An exact key printed as a whole label: numbers (or nothing) after it, an enumerator or
    the end of another row before it."""
    after = text[j:j + 1]
    return after == "" or after.isdigit() or after in " +-－（(" or not after.strip()


def _header(text: str, lo: int, hi: int, n: int) -> list[GridCell] | None:
    """The column header printed before a row (`信息内容本年制发件数本年废止件数现行有效件数`), as
    the header row it is: its words say which template the table is (2019 prints 上一年项目数量…)."""
    at = text.rfind(_COLUMN_HEADER, max(lo, 0), hi)
    if at < 0:
        return None
    words = text[at + len(_COLUMN_HEADER):hi].strip()
    if not words or "。" in words:
        return None
    return [GridCell(_COLUMN_HEADER, n, 1), GridCell(words, n, 2)]


def _row_cells(text: str, hit: _Hit, nxt: _Hit | None, n: int, k: int) -> list[GridCell]:
    end = nxt.start if nxt else len(text)
    seg = text[hit.key_end:end]
    ncols = len(hit.row.columns)
    barred = _barred(seg, ncols)
    if barred is not None:
        return [GridCell(text[hit.start:hit.key_end] + barred[0], n, 1)] + \
            [GridCell(t, n, 2 + i) for i, t in enumerate(barred[1:])]
    m = next((m for m in _RUN.finditer(seg) if m.start() <= LABEL_TAIL), None)
    run = ""
    if m is not None:
        run = " ".join(_drop_year(m.group().split(), seg, m.end()))
        if nxt is not None:
            run = _drop_enumerator(run, _next_row(hit.row, hit.table))
    if not any(ch.isdigit() for ch in run):
        # the label printed with no numbers after it (`3.其他（七）总计…`): a row of blank cells
        label = text[hit.start:hit.key_end] + _tail(seg if m is None else seg[:m.start()])
        return [GridCell(label.strip(), n, 1)] + [GridCell("", n, 2 + c) for c in range(ncols)]
    label = text[hit.start:hit.key_end] + seg[:m.start()].rstrip()
    tokens = run.split()
    col = 2
    if len(tokens) == ncols and all(_one_number(t) for t in tokens):
        cells = [GridCell(t, n, col + i) for i, t in enumerate(tokens)]
    elif all(_digits_and_signs(t) for t in tokens):
        cells = [GridCell(" ".join(tokens), n, col)]     # the run-together decoder splits it
    else:
        cells = [GridCell(t, n, col + i) for i, t in enumerate(tokens)]
    return [GridCell(label.strip(), n, 1)] + cells


def _barred(seg: str, ncols: int) -> list[str] | None:
    """A page that kept a bar between cells (`规章 | 0 | 0 | 0 | 规范性文件 | …`): the label's tail and
    exactly `ncols` cells, each a number or empty, when the bars after the label hold that many and
    what follows them is no number. Else None (the run is read as digits, as before)."""
    parts = seg.split("|")
    if len(parts) < ncols + 1 or any(ch.isdigit() for ch in parts[0]) or len(parts[0]) > LABEL_TAIL:
        return None
    cells = [t.strip() for t in parts[1:ncols + 1]]
    rest = parts[ncols + 1].strip() if len(parts) > ncols + 1 else ""
    if not any(cells) or not all(not t or _one_number(t) for t in cells) or (rest and _one_number(rest)):
        return None
    return [parts[0].rstrip()] + cells


def _gap_row(text: str, hit: _Hit, nxt: _Hit | None, n: int) -> list[GridCell] | None:
    """A row whose label is misprinted (`7.属于行政执法案件` for 执法案卷, no key found) stands
    between the rows found around it: its label and numbers become a row of their own, which the
    grid places by order and resemblance (or reports) — left in the run before, they made it unreadable."""
    if nxt is None or nxt.table != hit.table or _next_row(hit.row, hit.table) in (None, nxt.row):
        return None
    seg = text[hit.key_end:nxt.start]
    first = next((m for m in _RUN.finditer(seg) if m.start() <= LABEL_TAIL), None)
    if first is None:
        return None
    second = _RUN.search(seg, first.end())
    if second is None or not any(ch.isdigit() for ch in second.group()):
        return None
    label = seg[first.end():second.start()].strip()
    if not _CJK.search(label) or "。" in label or len(label) > LABEL_TAIL:
        return None
    run = _drop_enumerator(second.group().strip(), nxt.row)
    if not any(ch.isdigit() for ch in run):
        return None
    return [GridCell(label, n, 1), GridCell(run, n, 2)]


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _tail(seg: str) -> str:
    """The rest of a label that has no numbers after it, up to the next row's enumerator."""
    return re.split(r"[（(。]", seg[:LABEL_TAIL], maxsplit=1)[0].rstrip()


def _next_row(row: Row, tid: str) -> Row | None:
    """The template row printed after `row` (found in the line or not: a misprinted label is still
    enumerated in its place)."""
    for fmt in ("2021", "2019"):
        rows = template(fmt).table(tid).rows
        if row in rows:
            i = rows.index(row)
            return rows[i + 1] if i + 1 < len(rows) else None
    return None


def _drop_enumerator(run: str, nxt: Row | None) -> str:
    """`00000002.` before `其他法律…`: the `2.` is the next row's enumerator, not a value (a number
    never ends in a point, so the label after it may even be misprinted: `2.其他法律和…`)."""
    if nxt is None:
        return run
    m = _ENUM.match(nxt.label)
    if m is None:
        return run
    tail = m.group(1)
    stripped = run.rstrip()
    for dot in ".．、":
        if stripped.endswith(tail + dot):
            return stripped[: -len(tail) - 1].rstrip()
    return run


def _one_number(t: str) -> bool:
    return bool(re.fullmatch(r"[+\-－]?\d+(?:\.\d+)?(?:[个件项条笔元]|万元)?", t)) and not (
        len(t) > 1 and t[0] == "0" and t[1:2].isdigit())


def _digits_and_signs(t: str) -> bool:
    return bool(re.fullmatch(r"[+\-－]?\d+(?:[\-－]\d+)*", t))


def _appeals(text: str, start: int, n: int) -> list[list[GridCell]] | None:
    """Table `appeals`: its column headers (`行政复议 行政诉讼 结果维持…总计`), then 15 numbers."""
    h = text.find(_APPEALS_HEADER, start)
    if h < 0 or h - start > 400:
        return None
    m = re.compile(r"\d").search(text, h)
    if m is None or m.start() - h > 160 or "。" in text[h:m.start()]:
        return None
    run = _RUN.match(text, m.start())
    if run is None:
        return None
    tokens = _drop_year(run.group().split(), text, run.end())
    if not tokens:
        return None
    title = [GridCell(APPEALS_TITLE, n, 1)]
    if len(tokens) == 15 and all(_one_number(t) for t in tokens):
        return [title, [GridCell(t, n, 2 + i) for i, t in enumerate(tokens)]]
    return [title, [GridCell(" ".join(tokens), n, 2)]]


def _drop_year(tokens: list[str], text: str, end: int) -> list[str]:
    """A run that ends in a year of the prose after the table (`… 0 0 2022年…`, or glued to the last
    cell: `结转下年度继续办理20000022025年，我局…`, `行政事业性收费02025年`): not a cell."""
    if not tokens or text[end:end + 1] not in ("年", "月", "日"):
        return tokens
    last = tokens[-1]
    if len(tokens) > 1 and (text[end:end + 1] != "年" or len(last) <= 4):
        return tokens[:-1]
    if text[end:end + 1] == "年" and _YEAR_TAIL.search(last):
        head = last[:-4]
        return tokens[:-1] + [head] if head else tokens[:-1]
    return tokens


# The year a sentence after a table opens with (`2025年，我局…`), as the tail of a run of digits.
_YEAR_TAIL = re.compile(r"(?<![.])(?:19[89]\d|20[0-4]\d)$")
