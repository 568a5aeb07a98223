"""Shortcuts the text reader takes for speed give what the full computation gives: each shortcut
and its full path are fed the same inputs (every line of every text fixture: seeds, real corpus
pages, rule fixtures; the renditions bench.renditions writes; constructed edge lines) and compared."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from checker.readers import ReadError, encoding, text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md"))

# every code point but the surrogates (a str holds them, but they are no text a file decodes to)
ALL_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)

EDGE_LINES = [
    "", " ", "\u3000", "元", "12", "-1 -2", "1 2 3", "１ ２", "12.", "12,", "规章 12", "规章 12.", "规章 1,", "规章 12 ",
    "规章 12\u00a0", "规章 12\x1c", "规章 12\x85", "规章 12\u2028", "规章 12\u3000", "规章１２", "规章 ١٢", "规章 ١٢ ٣",
    "规章 12元", "规章 12 元", "规章 12万元", "政府集中采购 2 5419886 元", "政府集中采购 2 5419886 万元 ", "其他对外管理服务事项 0 0 0",
    "一、本年新收政府信息公开申请数量640020470", "一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119", "收到申请 12 件。",
    "共收到申请 12 件，予以公开 3", "2022 年", "附表 1", "第二十条第（一）项", "一、总体情况", "规章 1 2 3。", "规章 -1", "规章 1-",
    "合计 12.5", "费用 1,200", "1.属于国家秘密 0", "（七）总计 1 0 0 0 0 0 1", "x 1", "abc 12", "12 abc", "规章 12\t",
]


def _lines() -> list[str]:
    out: set[str] = set(EDGE_LINES)
    for p in TEXTS:
        try:
            out.update(encoding.decode(p.read_bytes(), p.name).splitlines())
        except ReadError:
            continue      # the hostile fixtures: no text to read
    return sorted(out)


def _renditions() -> list[str]:
    """The text renditions of a generated district (tab, one cell a line, markdown, crawler text)."""
    from bench import renditions as R
    writers = (R.tab_text, R.cell_lines, R.markdown, lambda r: R.markdown(r, True), R.crawler_text)
    return [w(r) for r in R.reports(2, 11) for w in writers]


LINES = _lines()


def test_decimal_and_space_are_isdecimal_and_isspace():
    """The shortcuts test a line's end with `str.isdecimal` and `str.rstrip` where the patterns
    say `\\d` and `\\s`: the same characters, over every code point."""
    assert re.findall(r"\d", ALL_CHARS) == [c for c in ALL_CHARS if c.isdecimal()]
    assert re.findall(r"\s", ALL_CHARS) == [c for c in ALL_CHARS if c.isspace()]
    assert "".join(c for c in ALL_CHARS if c.isspace()).rstrip() == ""


def _reaches_spaced(line: str, chars: bool = False) -> bool:
    """`split_line` hands the line to `_split_spaced` or its shortcut: no tab, `|` or column gap."""
    return "\t" not in line and "|" not in line and not (
        ("  " in line or "\u3000" in line) and (chars or not text._indented_glued(line)))


def test_split_line_shortcut_is_the_full_split():
    """A line that does not end like a row (`_ends_row_like`) is one cell at once: what
    `_split_spaced` (split_glued, the amount's unit, the one-space row) makes of it too."""
    lines = LINES + [ln for t in _renditions() for ln in t.splitlines()]
    short = split = 0
    for n, line in enumerate(lines, 1):
        if not _reaches_spaced(line):
            continue
        full = text._split_spaced(line, n)
        assert text.split_line(line, n) == full, line
        if _reaches_spaced(line, chars=True):
            assert text.split_line(line, n, 3, True) == full, line
        if not text._ends_row_like(line):
            short += 1
            assert full == [text.GridCell(line, n, 1)], line
        split += len(full) > 1
    assert short > 1000 and split > 20     # both paths are taken, often



def _spaced_cells_plain(lines: list[str]) -> bool:
    """`text._spaced_cells` as computed before the shortcut: every line matched, then the spaced ones."""
    numbers = [i for i, line in enumerate(lines) if text._ONE_NUMBER.match(line)]
    if len(numbers) < 10:
        return False
    spaced = sum(1 for i in numbers if i + 2 < len(lines) and not lines[i + 1].strip() and lines[i + 2].strip())
    return spaced >= 0.8 * len(numbers)


def test_spaced_cells_is_the_plain_count():
    """`_spaced_cells` matches only the lines an empty and a filled line follow before the rest: the
    same answer on every text fixture and rendition, and on cells one a line spaced by empty lines
    (pdftotext's), some of them (7, 8, 9 of 10), with whitespace-only lines, at the text's end."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in TEXTS] + _renditions()
    lists = [t.splitlines() for t in texts]
    for k in range(6, 13):
        for gap in ("", " ", "\u3000", "\t"):
            cells = [f"{i}" if i % 2 else f"{i} 元" for i in range(k)]
            spaced = [x for c in cells for x in (c, gap)] + ["规章"]
            lists += [spaced, spaced[:-1], spaced[:-2], ["标题"] + spaced + cells[:3],
                      [x for c in cells for x in (c, gap, gap)], cells + spaced]
    decided = {True: 0, False: 0}
    for lines in lists:
        got = text._spaced_cells(lines)
        assert got == _spaced_cells_plain(lines), lines[:12]
        decided[got] += 1
    assert decided[True] >= 10 and decided[False] >= 100
