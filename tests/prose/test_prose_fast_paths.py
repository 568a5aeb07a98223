"""Shortcuts taken for reading speed give what the plain computation gives, on every text we hold
(fixtures: seeds, real corpus pages, rule fixtures) and on constructed edge cases: each shortcut and
the plain form are fed the same inputs and compared."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.prose import counts, issued, sections
from checker.prose.flow import build
from checker.readers import ReadError, cellsplit, encoding, text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md"))
EDGES = ["收到申请 12 件，其中 3 件", "2022 年 1 月 1 日", "共 1.5 万 余 件", "增长 12%", "信息数169，依申请 317条",
         "1 2 3", "12 \t件", "30 个工作日", "第二十条第（一）项", "一、总体情况\n二 、 主动公开\n十一.其他", "一二三、x",
         "出台3项规范性文件", "未出台三件行政规范性文件", "印发了十二份规范性文件", "规章１２", "规章12", "规章 12", "表12",
         "３", "", " ", "\t\t", "申请数量640020470", "１２３"]


def _texts() -> list[str]:
    out = []
    for p in TEXTS:
        try:
            out.append(encoding.decode(p.read_bytes(), p.name))
        except ReadError:
            continue      # the hostile fixtures: no text to read
    return out + ["\n".join(out[:3])] + EDGES


ALL = _texts()


def test_count_pattern_is_the_plain_one():
    """`counts._COUNT`'s lookahead only states what each branch needs: the same matches."""
    plain = re.compile(counts._COUNT.pattern.replace("(?=\\s*[" + counts._OPENS + "])", "", 1), re.ASCII)
    assert plain.pattern != counts._COUNT.pattern
    for t in ALL:
        flow = build(t.splitlines()).text
        for s in (t, flow):
            assert [m.span() + m.groups() for m in counts._COUNT.finditer(s)] == \
                [m.span() + m.groups() for m in plain.finditer(s)]


def test_heading_pattern_is_the_plain_one():
    plain = re.compile(sections._HEADING.pattern.replace(
        "([一二三四五六七八九十][一二三四五六七八九十]?)", "([一二三四五六七八九十]{1,2})", 1))
    assert plain.pattern != sections._HEADING.pattern
    for t in ALL:
        s = build(t.splitlines()).text
        assert [m.span() + m.groups() for m in sections._HEADING.finditer(s)] == \
            [m.span() + m.groups() for m in plain.finditer(s)]


def test_issued_needs_its_noun():
    """`issued.facts` returns nothing without 规范性文件: the pattern finds nothing there either."""
    hits = 0
    for t in ALL:
        s = build(t.splitlines()).text
        found = list(issued._ISSUED.finditer(s))
        hits += bool(found)
        assert issued._NOUN in s or not found
    assert hits       # some text states such a figure: the pattern is exercised


def test_split_glued_shortcut():
    plain = cellsplit._GLUED
    for t in ALL:
        for line in t.splitlines() + [t[:60]]:
            s = line.strip()
            got = cellsplit.split_glued(line)
            if got is not None:
                assert plain.match(s) is not None
            elif s and "。" not in s and "；" not in s and len(s) <= 80:
                m = plain.match(s)
                assert m is None or m.group("label").rstrip().endswith(("第", "附件", "附表", "表"))


def _double_spaced_plain(lines: list[str]) -> bool:
    # the lines of text one empty line apart; or, where lines holding only spaces are printed cells (互助县 2020's
    # empty cells, session 16), the lines that are not "" one "" apart
    return _every_other(lines, lambda line: line and not line.isspace()) or (
        any(line.isspace() for line in lines) and _every_other(lines, lambda line: line != ""))


def _every_other(lines: list[str], is_filled) -> bool:
    filled = [i for i, line in enumerate(lines) if is_filled(line)]
    if len(filled) < 20:
        return False
    single = sum(1 for a, b in zip(filled, filled[1:]) if b - a == 2)
    return single >= 0.8 * (len(filled) - 1)


def test_double_spaced_shortcut():
    cases = [t.splitlines() for t in ALL]
    lines = [f"第{i}行" for i in range(30)]
    for gap in ("", " ", "\u3000", "\t"):
        spaced = [x for line in lines for x in (line, gap)]
        cases += [spaced, spaced[:-1], spaced[:41], lines + spaced, spaced + lines[:5], spaced + lines[:9]]
    # cells shown as a space between "" gaps, in a single-spaced head (互助县 2020's page)
    shown = [x for line in lines for x in (line, "", " ", "")]
    cases += [lines[:6] + shown, lines[:6] + shown[:30], shown + lines]
    seen = set()
    for c in cases:
        assert text._double_spaced(c) == _double_spaced_plain(c)
        seen.add(text._double_spaced(c))
    assert seen == {True, False}


@pytest.mark.parametrize("data", [b"abc", b"\xef\xbb\xbfabc", b"\xef\xbb\xbf\xef\xbb\xbfx", "规章\n".encode(),
                                  b"\xef\xbb\xbf" + "规章".encode()[:-1] + b"\n", b"ab\xffcd", b"\xef\xbb", b"\xef\xbb\xbf"])
def test_utf8_without_its_codec(data):
    """`decode` cuts the BOM itself and decodes UTF-8: what `utf-8-sig` gives, and the same error place."""
    try:
        want = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        want = ("error", e.start)
    try:
        got = encoding._utf8(data)
    except UnicodeDecodeError as e:
        got = ("error", e.start)
    assert got == want


def _bar_ended_plain(lines: list[str]) -> bool:
    ended = 0
    for line in lines:
        if "|" not in line or text._BARS_ONLY.match(line):
            continue
        if line.strip() == "|" or text._BAR_PADDED.match(line) or text._BAR_PAD_CELL.match(line):
            ended += 1
            continue
        if line.count("|") > 1 and not ended and not any(text._ONE_NUMBER.match(c) for c in line.split("|")):
            continue
        if line.count("|") == 1 and text._BAR_OPENED.match(line):
            continue          # `| 规章`: a cell opened by its bar, closed by a lone `|` (安居区 pages, session 15)
        if line.count("|") > 1 or not text._BAR_ENDED.match(line):
            return False
        ended += 1
    return ended >= 8


def test_bar_ended_shortcut():
    cases = [t.splitlines() for t in ALL] + [[f"规章{i} |" for i in range(9)], ["x"] * 9, ["|"] * 9, []]
    seen = set()
    for c in cases:
        assert text._bar_ended(c) == _bar_ended_plain(c)
        seen.add(text._bar_ended(c))
    assert seen == {True, False}
