"""Several reports in one file: a district's units' reports pasted into one Word or text file, a
web page or PDF that bundles a government's report with its departments', a page listing several
years. Each is read as a report of its own (`split`), never with another's cells.

A report starts at its title line (`某某局2022年政府信息公开工作年度报告`, or `2022年政府信息公开工作
年度报告` under the line naming the body), or where the outline starts again (`一、总体情况` after
200 characters of the report before). A boundary counts only where the part before is a complete
report (its 申请 table or its closing sections) and the part after has begun one (its overview or
its tables): a page's repeated header, a list of titles, a title quoted in the prose
(`根据《…2022年政府信息公开工作年度报告》`) or an appendix after the report do not cut it. A title that
repeats the title of the part before (a PDF's running head) does not start a new report either,
unless it opens one (its 一、总体情况 follows: the same report pasted twice). A title that opens a
report also cuts after a part that is only a report's opening (a bundle of excerpts).

A crawled page may run several reports into its one body line: such a line is cut into pieces (its
sentences, titles, overview headings) and the parts may start inside it (`_split_inline`).

Nearly every file is one report: `single` decides that from the whole text with a few C-level
searches (no line is looked at unless the text has two lines that could be titles or two overviews).
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

PART = "第{}篇"       # a part's place in its file (Report.place; `model.part_of` reads it back)

_WS = re.compile(r"[\s\u3000]+")
_TITLE_WORDS = "年度报告"          # what every title holds (`…工作年度报告`, `…年度工作报告`)
_TITLE_WORDS_2 = "年报"           # `…2024年度政府信息公开年报`
_TITLE_ENDS = frozenset(("", "\n", "\r", " ", "\t", "\u3000", "（", "(", "》", "|", "*", "\f"))   # what follows a title
_TITLE = re.compile(
    r"(?P<unit>[\u4e00-\u9fff（）()·、]{2,40}?)?(?:关于)?(?P<year>(?:19|20)\d\d)年度?"
    r"(?P<after>[\u4e00-\u9fff（）()·]{2,40}?)?"      # `2019年上海市人民政府办公厅政府信息公开…`
    r"(?:政府信息公开和政务公开|政府信息公开|政务信息公开|政务公开|信息公开)(?:工作)?(?:情况)?的?"
    r"(?:年度(?:工作)?报告|报告|年报)(?:[（(]全文[）)])?")
# a sentence about a report, a link to another (`上一篇`), never a title
_NOT_UNIT = re.compile(r"^(?:根据|按照|依据|依照|现将|现予|现公布|现发布|现公开|特向|兹将|关于印发|附|上一篇|下一篇"
                       r"|相关|本机关|本单位|我|编制|发布|公布|制作)")
_FIELD = re.compile(r"^(?:标题|题目|文章标题|名称)[:：]")     # a saved page's header field: `标题: …年度报告`
_NAME = re.compile(r"[\u4e00-\u9fff（）()·]{2,40}")
_NAME_ENDS = ("局", "委", "办", "厅", "室", "处", "中心", "院", "所", "站", "队", "委员会", "公司", "馆", "社",
              "政府", "办事处", "管委会", "实验区", "新区", "开发区", "园区", "省", "市", "区", "县", "旗", "州",
              "盟", "镇", "乡", "街道", "苏木")
_OVERVIEW = re.compile(r"^[一1][、.．]\s*总体情况")
_PREAMBLE_WORDS = ("条例", "本报告", "年度报告")   # what a report's opening sentences say
_OPENER = re.compile(r"^(?:本(?:年度)?报告[系是]?(?:根据|按照|依据|依照)《|(?:根据|按照|依据|依照)《[^。]*(?:本报告|年度报告|编制))")   # a report's first sentence
_SIGNED = re.compile(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*$")   # the report before's signature date
_OVERVIEW_TEXT = 200          # characters a report prints after its overview heading, at the least
_OPENING_LINES = 12           # lines of opening sentences between a title and its overview, at most
_HEADING = re.compile(r"^(?:[二三四五六七八][、.．]|[（(][一二三四五六七八][）)])")   # the outline goes on
_ANY_HEADING = re.compile(r"^(?:[一二三四五六七八九十\d]{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)])")
_CLOSING = re.compile(r"^[四五六七][、.．]")        # 行政复议…, 存在的主要问题…, 其他需要报告的事项
_SUBSTANCE_ROWS = ("本年新收", "申请人情况")   # a row of 表二: the report's tables are here


def single(text: str) -> bool:
    """Whether a text certainly holds one report: fewer than two overview headings' words and
    fewer than two lines that end in `年度报告` (a title ends its line: `本年度报告依据…` is no title).
    Two C-level scans of the text, a step at each `年度报告`: about 3 µs a report. (A bundle of
    reports titled `…年报` has the overview of each.)"""
    if text.count("总体情况") >= 2:
        return False
    n = 0
    start = text.find(_TITLE_WORDS)
    while start >= 0:
        after = start + len(_TITLE_WORDS)
        if text[after:after + 1] in _TITLE_ENDS:    # the line ends at the title (`（全文）`, spaces, the end)
            n += 1
            if n >= 2:
                return False
        start = text.find(_TITLE_WORDS, after)
    return True


def is_title(line: str) -> tuple[str, str | None] | None:
    """(the title, its unit or None) if the whole line is a report's title."""
    s = _FIELD.sub("", _WS.sub("", line).strip("|#*"))
    if len(s) > 70 or "《" in s or "“" in s:
        return None
    m = _TITLE.fullmatch(s)
    if m is None:
        return None
    unit = m.group("unit") or m.group("after")
    if unit and _NOT_UNIT.match(unit):
        return None
    return s, unit


def _complete(lines: list[str], start: int, end: int) -> bool:
    """Whether the lines hold a report up to its tables or its closing sections: what a part
    must hold before another report can start (a title quoted under 总体情况 starts none)."""
    for line in islice(lines, start, end):
        s = line.lstrip(" \t\u3000|#*")
        if _CLOSING.match(s) or any(w in s for w in _SUBSTANCE_ROWS):
            return True
    return False


def _begun(lines: list[str], start: int, end: int) -> bool:
    """Whether the lines hold a report's overview or tables: a part after a cut must (else it is
    an appendix, a list of links, a footer)."""
    for line in islice(lines, start, end):
        s = line.lstrip(" \t\u3000|#*")
        if _OVERVIEW.match(s) or any(w in s for w in _SUBSTANCE_ROWS):
            return True
    return False


def boundaries(lines: list[str]) -> list[int]:
    """The lines where the second and later reports start (empty: one report)."""
    candidates: list[tuple[int, str | None]] = []      # (line, the title it starts with, if any)
    title_line: dict[int, int] = {}    # a title candidate's start -> the title's own line
    overview_at = -1           # the line of the current part's overview heading
    said = 0                   # the characters printed since it
    last_title_at = -100
    for i, line in enumerate(lines):
        if _TITLE_WORDS in line or _TITLE_WORDS_2 in line:
            found = is_title(line)
            if found is not None:
                start = i
                if found[1] is None:      # `2023年…年度报告` under the line naming the body
                    above = _above(lines, i)
                    if above is not None:
                        start = above
                candidates.append((start, found[0]))
                title_line[start] = i
                last_title_at = i
                overview_at = -1
                continue
        s = line.lstrip(" \t\u3000|#*")
        if _OVERVIEW.match(s):
            # the outline starts again without a title; not a table of contents (its headings
            # follow each other with no text between) nor a heading the title's part already had
            if overview_at >= 0 and said >= _OVERVIEW_TEXT and i - last_title_at > 8:
                candidates.append((_preamble(lines, i), None))
            overview_at, said = i, 0
        elif overview_at >= 0:
            said += len(s)
    if len(candidates) < 1:
        return []
    cuts: list[int] = []
    start = 0
    title: str | None = None       # the title of the part being read
    for at, cand_title in candidates:
        if at <= start:
            title = title or cand_title
            continue
        opens = cand_title is not None and _opens(lines, title_line[at])
        if cand_title is not None and cand_title == title and not (opens and _overview_in(lines, start, at)):
            continue           # a running head; a cover's or contents page's title repeated over the body
        # a title followed by a report's opening starts one after a report with its own overview
        # (excerpts: openings without tables); else the report before must be complete
        if (_complete(lines, start, at) or (opens and _overview_in(lines, start, at))) \
                and _begun(lines, at, _next(candidates, at, cand_title, len(lines))):
            cuts.append(at)
            start = at
            title = cand_title
        elif title is None:
            title = cand_title
    return cuts


def _opens(lines: list[str], i: int) -> bool:
    """Whether the title on line `i` opens a report: its overview heading follows within a few
    lines, only its opening sentences between (`根据《条例》…编制本报告`). A running head is followed
    by the page's text, in the middle of the report."""
    seen = 0
    for line in islice(lines, i + 1, None):
        s = line.lstrip(" \t\u3000|#*")
        if not s.strip():
            continue
        if _OVERVIEW.match(s):
            return True
        seen += 1
        if seen > _OPENING_LINES or _HEADING.match(s) or any(w in s for w in _SUBSTANCE_ROWS):
            return False
    return False


def _overview_in(lines: list[str], start: int, end: int) -> bool:
    """Whether the lines hold an overview heading and some text after it that is not headings (a
    report's opening at least; a table of contents is headings only)."""
    for j in range(start, end):
        if _OVERVIEW.match(lines[j].lstrip(" \t\u3000|#*")):
            text = (s for s in (line.strip(" \t\u3000|#*") for line in islice(lines, j + 1, end))
                    if not _ANY_HEADING.match(s))
            return sum(map(len, text)) >= _OVERVIEW_TEXT
    return False


def _next(candidates: list[tuple[int, str | None]], at: int, title: str | None, end: int) -> int:
    """Where the part a cut at `at` would start ends: the next candidate that is not its title
    again (a running head)."""
    return next((c for c, t in candidates if c > at and (t is None or t != title)), end)


def _preamble(lines: list[str], i: int) -> int:
    """Where a report without a title starts whose overview heading is line `i`: the sentences
    before it that introduce a report (`根据《条例》…编制本报告`) are its own, not the report before's."""
    start = i
    for j in range(i - 1, max(-1, i - 8), -1):
        s = lines[j].strip()
        if not s:
            continue
        if not any(w in s for w in _PREAMBLE_WORDS) or _SIGNED.search(s):
            break
        start = j
    # its first sentence (`根据《条例》…特编制本报告。`) may stand a few lines (sentences) further up,
    # after lines that do not name the report (`通讯地址：…`), all after the report before has ended
    for j in range(start - 1, max(-1, start - 1 - _OPENING_LINES), -1):
        s = lines[j].strip()
        if _SIGNED.search(s) or _CLOSING.match(s) or _OVERVIEW.match(s) or any(w in s for w in _SUBSTANCE_ROWS):
            break
        if _OPENER.match(s):
            return j
    return start


def _above(lines: list[str], i: int) -> int | None:
    """The line naming the body above a title that names none, if there is one."""
    for j in range(i - 1, max(-1, i - 3), -1):
        s = _WS.sub("", lines[j])
        if not s:
            continue
        return j if _NAME.fullmatch(s) and s.endswith(_NAME_ENDS) else None
    return None


def split(doc, text: str | None = None) -> list:
    """The documents of the reports `doc` holds: `[doc]` for one report. `text`: the document's
    whole text where the reader has it (else its lines are joined)."""
    lines = doc.lines
    if not lines or doc.place is not None:
        return [doc]
    if text is None:
        text = "\n".join(lines)
    if single(text):
        return [doc]
    pieces = _pieces(lines) if doc.style == "text" and "\f" not in text else None
    if pieces is not None:
        return _split_inline(doc, pieces)
    cuts = boundaries(lines)
    if not cuts:
        return [doc]
    row_cuts = _row_cuts(doc, cuts)
    if row_cuts is None:
        return [doc]          # a title the rows do not show as the prose does: read as one
    starts, ends = [0, *cuts], [*cuts, len(lines)]
    row_starts, row_ends = [0, *row_cuts], [*row_cuts, len(doc.rows)]
    n = len(starts)
    out = []
    for k in range(n):
        part_lines = [""] * starts[k] + lines[starts[k]:ends[k]]    # line numbers stay the file's
        out.append(_part(doc, k, doc.rows[row_starts[k]:row_ends[k]], part_lines))
    return out


def _part(doc, k: int, rows, part_lines: list[str]):
    """The document of the file's `k`-th report (from 0), of these rows and lines."""
    known = dict(doc.known)
    if "facts" in known:
        known["facts"] = {key: _restated(value, part_lines) for key, value in known["facts"].items()}
    return replace(doc, rows=rows, lines=part_lines, place=PART.format(k + 1),
                   where=f"{doc.where}（{PART.format(k + 1)}）", known=known)


# --- several reports on one line: a crawled page that runs a bundle together -----------------------

_LONG = 1000          # characters of a line that may hold a whole report (a crawler's one-line page)
# where a long line is cut into pieces: after a sentence, before an overview heading, around a title
_SENTENCE_END = re.compile(r"(?<=[。！？])")
# (after a sentence, a table's last number, or the report before's signature date: `…2024年1月31日某某局…`)
_TITLE_IN = re.compile(r"(?:(?<=[。！？；\s\d）)日])|^)(?![日月年号])(?:" + _TITLE.pattern + ")")
_OVERVIEW_IN = re.compile(r"(?<![\u4e00-\u9fff])(?=[一1][、.．]\s*总体情况)")
_HEAD_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])[一1][、.．]\s{0,3}$")     # before `总体情况`: its heading


def _pieces(lines: list[str]) -> list[tuple[int, int, str]] | None:
    """The text's lines with each long line that may hold several reports cut into pieces (its
    sentences, its titles, its overview headings): (line, offset in it, piece). None: no such line."""
    if not any(len(line) >= _LONG and (line.count("总体情况") >= 2 or line.count(_TITLE_WORDS) >= 2)
               and _may_hold_several(line) for line in lines):
        return None
    out: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        if len(line) < _LONG:
            out.append((i, 0, line))
            continue
        cuts = {0, len(line)}
        cuts.update(m.start() for m in _SENTENCE_END.finditer(line))
        cuts.update(m.start() for m in _OVERVIEW_IN.finditer(line))
        for m in _TITLE_IN.finditer(line):
            cuts.update((m.start(), m.end()))
        edges = sorted(cuts)
        out.extend((i, a, line[a:b]) for a, b in zip(edges, edges[1:]) if a < b)
    return out


def _may_hold_several(line: str) -> bool:
    """Whether a line may hold a second report: a second overview heading, or a title after the
    first report's overview or tables (a page's own title at its top, or quoted in its opening
    sentences, is none). Found with `str.find` and small windows: a crawled page's line is long."""
    heads = [at for at in _found(line, "总体情况") if _HEAD_BEFORE.search(line, max(0, at - 8), at)]
    if len(heads) >= 2:
        return True
    begun = [at for at in (*heads, *(line.find(w) for w in _SUBSTANCE_ROWS)) if at >= 0]
    if not begun:
        return False
    return any(_TITLE_IN.search(line, max(0, at - 80), at + 10) for at in _found(line, "报告", min(begun)))


def _found(line: str, word: str, start: int = 0):
    """Where `word` stands in `line` from `start` on."""
    at = line.find(word, start)
    while at >= 0:
        yield at
        at = line.find(word, at + 1)


def _split_inline(doc, pieces: list[tuple[int, int, str]]) -> list:
    """`split` for a text whose long lines were cut into pieces: the parts start where `boundaries`
    finds a report in the pieces, also inside a line. A part's lines keep the file's numbers (its
    first and last line may be a piece of the file's line) and its rows are read from them again."""
    lines = doc.lines
    cuts = boundaries([p for _, _, p in pieces])
    if not cuts:
        return [doc]
    from .text import rows_of      # (text imports this module)
    starts = [(0, 0), *((pieces[c][0], pieces[c][1]) for c in cuts)]
    ends = [*starts[1:], (len(lines), 0)]
    out = []
    for k, ((l0, o0), (l1, o1)) in enumerate(zip(starts, ends)):
        if l0 == l1:
            body = [lines[l0][o0:o1]]
        else:
            body = [lines[l0][o0:], *lines[l0 + 1:l1]] + ([lines[l1][:o1]] if o1 else [])
        part_lines = [""] * l0 + body
        out.append(_part(doc, k, rows_of(part_lines, None, "|" in "".join(body)), part_lines))
    return out


def _restated(value, part_lines: list[str]):
    """The prose's figures (`stated.Stated`) of the part, not of the whole file."""
    from .stated import Stated
    return Stated("\n".join(part_lines)) if isinstance(value, Stated) else value


def _row_cuts(doc, cuts: list[int]) -> list[int] | None:
    """The row where each part starts: by line number for text, whose rows are its lines; else the
    row printing the part's first line (rows and lines are both in reading order)."""
    rows = doc.rows
    if doc.style == "text":
        out, r = [], 0
        for cut in cuts:
            while r < len(rows) and _line_of(rows[r]) <= cut:   # row numbers count from 1
                r += 1
            out.append(r)
        return out
    out, r, prev = [], 0, 0
    for cut in cuts:
        want = _WS.sub("", doc.lines[cut])
        # the same text earlier in this part (a running head) is printed by an earlier row too
        skip = sum(1 for line in doc.lines[prev:cut] if _WS.sub("", line) == want)
        while r < len(rows):
            if _WS.sub("", "".join(_texts(rows[r]))) == want:
                if skip == 0:
                    break
                skip -= 1
            r += 1
        else:
            return None
        out.append(r)
        prev = cut
    return out


def _line_of(row) -> int:
    n = getattr(row, "row", None)
    if n is None:
        n = row[0].row if len(row) else 0
    return n


def _texts(row) -> list[str]:
    texts = getattr(row, "texts", None)
    return texts if texts is not None else [c.text for c in row]
