"""Printed labels to template rows: normalisation and key matching, precomputed once per format.

A label as printed (`⇥(三) 不予公 开⇥1.属于国家 秘密`) is normalised (NFKC, no whitespace, no
punctuation) and matched to a row of the template by the row's `keys` (schemas/templates/*.yaml):
the longest key found wins, and an `exact` key must be the whole label once its enumerator
(`三（六）3.`) is stripped, so 规章 never matches 规范性文件 and 其他 never matches 其他处理.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from ..numbers import _UNIT, parse_number
from ..templates import Row, Table, template
from .traditional import PINYIN, SIMPLIFIED, TRADITIONAL, tw_words

# Whitespace (incl. ideographic space) and the punctuation printed around labels, removed before matching; `*` is a
# markdown rendition's bold (`| **规章** | 0 | 0 | 0 |`, a PDF or a Word file converted to markdown).
_DROP = " \t\r\n\u3000\u00a0\u2002\u2003\u2009（）()“”\"'‘’.,，、:：/／;；。·・-－—–_[]【】《》<>〈〉|*"
# ... and traditional characters mapped to simplified (a mirror site's 規範性文件 is 规范性文件).
_DROP_TABLE = str.maketrans(TRADITIONAL, SIMPLIFIED, _DROP)
_ENUM = re.compile(r"^(?:[0-9]+|[一二三四五六七八九十]+)+")
# Cell texts that stand for a value (and are reported as unreadable), not for a label.
PLACEHOLDERS = frozenset({"无", "空", "暂无", "/", "—", "——", "-", "--", "－", "x", "X", "×", "*", "无数据"})
_CJK_OR_ALPHA = re.compile(r"[A-Za-z\u4e00-\u9fff]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_JUNK = re.compile(r"^[\s\-:=|+_]*$")

TABLE_ORDER = ("active", "requests", "appeals")
# Header cells that group columns without naming one (normalised).
HEADER_WORDS = frozenset({"信息内容", "申请人情况", "法人或其他组织", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"})
# Title keys (normalised) of the three tables; `行政复议、行政诉讼` normalises to 行政复议行政诉讼.
TITLE_KEYS = {
    "active": ("主动公开政府信息情况",),
    "requests": ("收到和处理政府信息公开申请",),
    "appeals": ("行政复议行政诉讼",),
}
# A title line is short: a sentence that merely mentions a table is not its title.
TITLE_MAX = 32


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """A label as compared: NFKC, no whitespace, no punctuation, simplified characters, no mirror's
    pinyin (`自 然 人` -> `自然人`, `總計` -> `总计`, `規(guī)章` -> `规章`).
    Cached: the same few hundred labels recur in every report of a large run."""
    if not text.isascii():
        if _PLAIN_TEXT.fullmatch(text) and not _OPENING.search(text):
            # NFKC keeps such a text's characters, or turns a dropped one into dropped ones (`，` `,`,
            # `\u3000` ` `), each on its own: the drop alone gives the same (a text's prose lines, each
            # new to the cache, skip the NFKC pass and the translate's look-up a character). A text with
            # an opening bracket takes the full path: after NFKC a mirror's pinyin `(guī)` is taken out
            return tw_words(text).translate(_DROP_TABLE) if _TRADITIONAL_CHAR.search(text) else _DROPPED.sub("", text)
        text = tw_words(unicodedata.normalize("NFKC", text))
        if "(" in text:
            text = PINYIN.sub("", text)    # a mirror's `規(guī)章`
    return text.translate(_DROP_TABLE)


# Characters NFKC leaves as they are, whatever stands around them: ASCII, the CJK ideographs, the CJK
# punctuation labels and sentences print (none decomposes, none combines with the character before;
# tests/readers/test_label_fast_paths.py checks each against unicodedata).
NFKC_STABLE = "\x00-\x7f\u3001\u3002\u3008-\u3011\u2014\u2018\u2019\u201c\u201d\u4e00-\u9fff"
# The dropped characters whose NFKC is dropped characters only (`，`, `（`, `：`, the wide spaces).
DROP_TO_DROP = "".join(c for c in _DROP if unicodedata.normalize("NFKC", c)
                       and all(d in _DROP for d in unicodedata.normalize("NFKC", c)))
_PLAIN_TEXT = re.compile("[" + NFKC_STABLE + "".join(map(re.escape, DROP_TO_DROP)) + "]*")
_DROPPED = re.compile("[" + "".join(map(re.escape, _DROP)) + "]")
# the plain characters NFKC turns into `(` (`（`, …): the bracket the pinyin pattern starts with
_OPENING = re.compile("[(" + "".join(re.escape(c) for c in DROP_TO_DROP if "(" in unicodedata.normalize("NFKC", c)) + "]")
_TRADITIONAL_CHAR = re.compile("[" + TRADITIONAL + "]")


@lru_cache(maxsize=1 << 14)
def strip_enum(label: str) -> str:
    """The label without its enumerators: `三六3其他` -> `其他`, `一本年新收` -> `本年新收`.
    Cached: format detection asks it of every row with values."""
    return _ENUM.sub("", label)


@lru_cache(maxsize=1 << 16)
def is_label(text: str) -> bool:
    """Does a cell hold label text (not a value, a blank, a placeholder like `无` or `/`)?"""
    s = text.strip()
    if not s or not _CJK_OR_ALPHA.search(s):
        return False
    if len(s) <= 4 and norm(s) in PLACEHOLDERS:
        return False
    # every label of the templates prints Chinese: a cell of Latin letters and signs only
    # (`NaN`, `1e308`, `@SUM(A1)`, `0x9B3`) stands where a value should, and is reported as one
    if not _CJK.search(s):
        return False
    # a number with a unit (`0 元`, `12件`) is a value; anything else with letters is a label. A CJK
    # ideograph other than a unit's (`2022 年，…`) stays in the text `parse_number` matches against
    # ASCII digits: unreadable, known without its NFKC
    return not (s[0].isdigit() or s[0] in "+-.") or _NOT_UNIT.search(s) is not None \
        or parse_number(s).status == "unreadable"


def _ideographs_but(kept: set[str]) -> re.Pattern:
    """A CJK ideograph (U+4E00–U+9FFF) other than those in `kept`."""
    ranges, lo = [], 0x4E00
    for c in sorted(map(ord, kept)):
        if lo < c:
            ranges.append(f"{chr(lo)}-{chr(c - 1)}")
        lo = c + 1
    return re.compile("[" + "".join(ranges) + f"{chr(lo)}-\u9fff]")


# the ideographs of the units `parse_number` takes off a figure's end (万元, 件, 条…)
_NOT_UNIT = _ideographs_but(set(re.findall(r"[\u4e00-\u9fff]", _UNIT.pattern)))


def is_junk(texts: list[str]) -> bool:
    """A row of border characters only (`|---|---|`); a row of empty cells is not junk but blank."""
    return all(_JUNK.match(t) for t in texts) and any(t.strip() for t in texts)


@dataclass(frozen=True)
class RowKeys:
    row: Row
    keys: tuple[str, ...]       # normalised
    exact: bool


@dataclass(frozen=True, eq=False)   # hashed by identity: the match cache keys on it
class TableKeys:
    table: Table
    rows: tuple[RowKeys, ...]
    column_keys: tuple[str, ...]   # normalised column keys, to recognise header rows

    def match(self, label: str) -> Row | None:
        """The row whose key best fits the normalised `label` (the longest key; exact keys whole)."""
        return _match(self, label)

    def _match(self, label: str) -> Row | None:
        best, best_len = None, 0
        bare = None
        for rk in self.rows:
            for k in rk.keys:
                if rk.exact:
                    if bare is None:
                        bare = strip_enum(label)
                    if bare == k and len(k) + 100 > best_len and _same_number(label, bare, rk.row.label):
                        best, best_len = rk.row, len(k) + 100
                elif k in label and len(k) > best_len:
                    best, best_len = rk.row, len(k)
        return best

    def header_hits(self, labels: list[str]) -> int:
        """How many of the label cells name a column of this table (a header row names several).
        A short key (其他, 总计) counts only as the whole cell: `3.其他` is a row, not a header."""
        return sum(1 for s in labels if s and _names_column(self, s))


def _same_number(label: str, bare: str, printed: str) -> bool:
    """An exact key's row is the one its enumerator names: `2.其他…` cut short by a wrapped line
    is not `3.其他`."""
    mine = re.findall(r"\d+", label[: len(label) - len(bare)])
    theirs = re.match(r"\d+", printed)
    return not (mine and theirs) or mine[-1] == theirs.group()


@lru_cache(maxsize=1 << 14)
def _names_column(tk: TableKeys, s: str) -> bool:
    # cached: the same header and label cells recur in every report of a run
    return s in HEADER_WORDS or s in tk.column_keys or any(len(k) > 2 and k in s for k in tk.column_keys)


@lru_cache(maxsize=1 << 14)
def _match(tk: TableKeys, label: str) -> Row | None:
    return None if tk.table.id != "legacy" and _COUNTED.search(label) else tk._match(label)


# A sentence, not a row's label of the standard tables: it counts things itself. Prose wrapped in the
# middle of a figure's phrase (a PDF's lines, a page cut short) leaves a number at a line's end, after
# words that hold a row's key: `…受理依申请公开件255件,办结255件,其中予以公开71件、部分公开5件、不予公开28`
# / `件、无法提供…` is no 予以公开 row whose seven cells ran together. No label of the templates holds a
# figure (a year may stand in one: `一、2023年新收…`; so may a date: `截至12月31日`). A report before 2019
# states its figures in such sentences: the legacy table's rows are read from them (`…行政复议4件,其中维持…1`).
_COUNTED = re.compile(r"\d(?:件|条|个|次|篇|项|份|期)")


@cache
def table_keys(fmt: str) -> dict[str, TableKeys]:
    out = {}
    for t in template(fmt).tables:
        rows = tuple(RowKeys(r, tuple(norm(k) for k in r.keys), r.exact) for r in t.rows)
        cols = {norm(k) for r in t.rows for c in r.columns for k in c.keys}
        out[t.id] = TableKeys(t, rows, tuple(sorted(cols)))
    return out


@cache
def format_markers() -> dict[str, frozenset[str]]:
    """Label fragments that only one of the 2019 / 2021 templates prints: the active table's column
    keys, and the requests rows only one format has (minus keys the other prints as a group label,
    e.g. 其他处理, which 2021 prints above its three sub-rows)."""
    cols, rows, groups = {}, {}, {}
    for fmt in ("2019", "2021"):
        t = template(fmt)
        cols[fmt] = {norm(k) for r in t.table("active").rows for c in r.columns for k in c.keys}
        rows[fmt] = {norm(k) for r in t.table("requests").rows for k in r.keys if not r.exact}
        groups[fmt] = " ".join(norm(r.group or "") for r in t.table("requests").rows)
    out = {}
    for fmt, other in (("2019", "2021"), ("2021", "2019")):
        own = (cols[fmt] - cols[other]) | {k for k in rows[fmt] - rows[other] if k not in groups[other]}
        out[fmt] = frozenset(k for k in own if len(k) >= 2)
    return out


@lru_cache(maxsize=1 << 12)
def marker_score(label: str) -> tuple[int, int]:
    """How many 2019-only and 2021-only label fragments a normalised label cell holds."""
    m = format_markers()
    bare = strip_enum(label)
    # a row numbered 1., 2. … beginning 申请 is a 2021 （六） sub-row even when a narrow column wrapped
    # its label into pieces (`1.申请` / `人无正` / …): no 2019 row begins so (readers/generations.py)
    sub = label[:1].isdigit() and bare.startswith("申请")
    return sum(k in label for k in m["2019"]), sum(k in label for k in m["2021"]) + sub


@lru_cache(maxsize=1 << 12)
def title_of(label: str) -> str | None:
    """The table whose title (or section heading) this short normalised label is."""
    if len(label) > TITLE_MAX:
        return None
    for tid, keys in TITLE_KEYS.items():
        if any(k in label for k in keys):
            return tid
    return None
