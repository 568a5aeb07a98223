"""The annotation plan: which cell gets which fill and note, and what the `校验结果` sheet holds.

Built once from the check result and a read-only view of the workbook; the openpyxl and xlwings
backends only apply it. Every cell the previous run flagged gets an operation too (its original
fill and note back, unless flagged again), so applying a plan twice gives the same workbook.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from ..catalogue import SEVERITY_ORDER, catalogue, severity_label
from ..collection import OVERVIEW_SHEET, RESULTS_SHEET, apart
from ..findings import problem_first
from ..model import CellRef, Finding, Report, ReportId, column_letter, file_name, plain
from . import layout
from . import state as st
from .locate import Locator, Place, place_of

SUSPECT_FILL = "#FF7C80"     # red: the cell most likely wrong
CANDIDATE_FILL = "#F4B183"   # orange: no cell singled out, one of these (a finding's `candidates`)
INVOLVED_FILL = "#FFD966"    # gold: the other cells the rule involved
ACCEPTED_FILL = "#C6EFCE"    # green: the reviewer confirmed the finding (已核实)
LEVELS = {"suspect": 4, "candidate": 3, "involved": 2, "accepted": 1}
FILLS = {"suspect": SUSPECT_FILL, "candidate": CANDIDATE_FILL, "involved": INVOLVED_FILL,
         "accepted": ACCEPTED_FILL}
NOTE_HEAD = "【xxgk 校验】"
# what a cell's note adds after the finding's text, by the cell's part in it
_ROLE = {"candidate": "（候选单元格：可能有误的几格之一）", "involved": "（相关单元格）"}
MAX_CANDIDATES_LISTED = 6    # in the 可疑单元格 column; more are counted
NOTE_LIMIT = 30000           # Excel keeps at most 32,767 characters in a note
RESULT_HEADER = ["序号", "状态", "严重程度", "单位", "年度", "规则", "规则名称", "问题说明",
                 "可疑单元格", "预期", "实际", "建议值", st.REVIEW_HEADER, st.KEY_HEADER]
# (name, explanation, the fill the name cell shows)
LEGEND = [
    ("图例", None, None),
    ("红色", "最可能有误的单元格（可疑单元格）", SUSPECT_FILL),
    ("橙色", "无法确定哪一格有误时，可能有误的候选单元格（其中一格或几格有误，见批注）", CANDIDATE_FILL),
    ("金色", "与该问题相关的其他单元格（无法确定哪一格有误、又列不出候选时，全部相关单元格）", INVOLVED_FILL),
    ("绿色", "复核意见填写“已核实”且数值未变的问题（已接受，不计入待处理）", ACCEPTED_FILL),
    ("复核意见", "填写“已核实”或“无误”后再次运行校验，该问题即视为已接受；数值改动后需重新核实。", None),
]


class BookView(Protocol):
    """What the plan needs to know about the workbook; each backend provides one."""
    def sheet_names(self) -> list[str]: ...
    def values(self, sheet: str) -> list[list] | None: ...
    def original(self, sheet: str, row: int, col: int) -> st.Original: ...


@dataclass
class CellOp:
    sheet: str
    row: int
    col: int
    fill: str | None          # final fill ("#RRGGBB", "theme:N:tint" or None for none)
    note: str | None          # final note (None: no note; state.KEEP: leave the note alone)
    level: str | None = None  # suspect | candidate | involved | accepted | None (restored)


@dataclass
class ResultRow:
    values: list
    link: Place | None
    severity: str
    status: str               # 待处理 | 已核实 | 需重新核实


@dataclass
class UnitCount:
    """One report's problems for the 概览 sheet: open ones by severity, accepted ones apart."""
    unit: str | None
    year: int | None
    by: Counter = field(default_factory=Counter)
    accepted: int = 0
    link: Place | None = None

    @property
    def open(self) -> int:
        return sum(self.by.values())


@dataclass
class Plan:
    cells: list[CellOp] = field(default_factory=list)
    results: list[ResultRow] = field(default_factory=list)
    counts: list[list] = field(default_factory=list)
    state: list[list] = field(default_factory=list)
    open: int = 0
    accepted: int = 0
    units: list[UnitCount] = field(default_factory=list)
    rules: dict[str, list[int]] = field(default_factory=dict)     # rule -> [open, accepted]
    notes_line: str | None = None     # set by a backend that could not write every note
    results_name: str = RESULTS_SHEET  # our sheets' names: apart from the workbook's own of that name
    overview_name: str = OVERVIEW_SHEET
    state_name: str = st.STATE_SHEET

    header = RESULT_HEADER
    legend = LEGEND

    def sheets(self) -> list[layout.Sheet]:
        """What the backends draw besides the cells: 校验结果 first, 概览 second."""
        return [layout.results_sheet(self), layout.overview_sheet(self, position=1)]

    def apart(self) -> list[tuple[str, str]]:
        """(the workbook's own sheet, ours) for each of our sheets named apart from one of theirs."""
        return [(base, name) for base, name in ((RESULTS_SHEET, self.results_name),
                                                (OVERVIEW_SHEET, self.overview_name),
                                                (st.STATE_SHEET, self.state_name)) if name != base]


def _results_ours(rows: list[list]) -> bool:
    """An earlier run's results sheet: its header has the columns the next run reads back."""
    header = {str(h).strip() for h in (rows[0] if rows else []) if h is not None}
    return {st.REVIEW_HEADER, st.KEY_HEADER} <= header


_OVERVIEW_LINE = re.compile(re.escape(layout.OVERVIEW_HEAD) + r"[0-9]+ 份报告，待处理问题 [0-9]+ 条")


def _overview_ours(rows: list[list]) -> bool:
    """An earlier run's overview: A1 is its summary line."""
    first = rows[0][0] if rows and rows[0] else None
    return isinstance(first, str) and bool(_OVERVIEW_LINE.match(first))


def _state_ours(rows: list[list]) -> bool:
    """An earlier run's hidden state sheet: A1 is its marker (a sheet of the office's own that
    happens to be named `_xxgk` is kept, never emptied into ours)."""
    return bool(rows and rows[0] and rows[0][0] == st.MAGIC)


def own_sheet(view: BookView, base: str, ours) -> str:
    """The name our sheet `base` gets in this workbook: `base` itself when free or an earlier run's
    (replaced), else named apart, so a sheet of the workbook's own that bears the name is kept."""
    names, n, name = set(view.sheet_names()), 0, base
    while name in names and not ours(view.values(name) or []):
        n += 1
        name = apart(base, n)
    return name


def finding_key(f: Finding, place: str | None = None, origin: str | None = None, before: bool = False) -> str:
    """Stable across runs: the rule and every cell it involves (not the message, which has values).
    `place` tells apart the same finding in two reports of one unit-year (two sheets of a collection).
    `origin`: the document a collection sheet's report was read from (its 来源). `before`: the key as
    runs before session 14 made it for a finding without cells (`_where_before`), so that a workbook
    reviewed then keeps its 已核实."""
    refs = sorted(f"{c.unit}/{c.year}/{c.cell}" for c in f.cells)
    sus = f"{f.suspect.unit}/{f.suspect.year}/{f.suspect.cell}" if f.suspect else ""
    inside = "" if f.cells else _where_before(f) if before else _where_inside(f, origin)
    raw = "|".join([f.rule, str(f.unit), str(f.year), sus, *refs, inside] + ([place] if place else []))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _where_inside(f: Finding, origin: str | None = None) -> str:
    """A finding's place without the file names that change from run to run: a reviewed workbook is
    re-checked as its annotated copy, another name each run, and a key holding the name lost the 已核实
    of every finding without cells (F4, a prose M2 …) on the next run. A report's text read from a
    collection sheet is placed as `甲.docx 第12行（汇总工作簿 汇总.xlsx）`, in the document itself as
    `甲.docx 第12行`: both names out, both are ` 第12行`, so a review made in the workbook `--annotate`
    wrote for documents holds when that workbook is checked. An input no report was read from (an F5
    of no report) keeps its name: it is all that tells two of them apart."""
    where = f.where or ""
    if f.report is None and f.rule == "F5":
        return where
    name = file_name(f.source or "")
    where = where.replace(f"（汇总工作簿 {name}）", "")
    for known in (name, file_name(origin or "")):
        if known:
            where = where.replace(known, "")
    return where


def _where_before(f: Finding) -> str:
    """`_where_inside` as it was: the checked file's name taken out, and nothing else."""
    name = file_name(f.source or "")
    return (f.where or "").replace(name, "") if name else (f.where or "")


def signature(f: Finding, reports: dict[ReportId, Report]) -> str:
    """The values of the finding's cells now; a change re-opens an accepted finding."""
    parts = []
    for c in _refs(f):
        r = reports.get(c.report)
        parts.append(f"{c.cell}={plain(r.get(c.cell)) if r is not None else '?'}")
    return ";".join(sorted(parts))


UNREAD_INPUTS = "（无法读取的输入）"     # the 概览 row of the inputs no report was read from


def build(result, locate: Locator, view: BookView) -> Plan:
    """The plan for `result` (anything with .reports and .findings) on the workbook seen by `view`."""
    results_name = own_sheet(view, RESULTS_SHEET, _results_ours)
    state_name = own_sheet(view, st.STATE_SHEET, _state_ours)
    prev = st.parse(view.values(state_name), view.values(results_name))
    sheets = set(view.sheet_names())
    reports = {r.identity: r for r in result.reports}
    # a finding that names no report (a unit only the units list names) is shown with the report of
    # its unit-year, if there is one; not an input that could not be read (an F5 of no report): its
    # notes went on the 标题 of whichever report has no unit and no year, e.g. a notice's sheet
    first: dict[tuple, ReportId] = {}
    for r in result.reports:
        first.setdefault((r.unit, r.year), r.identity)
    twice = {k for k, n in Counter((r.unit, r.year) for r in result.reports).items() if n > 1}
    rules = catalogue()
    plan = Plan(results_name=results_name, overview_name=own_sheet(view, OVERVIEW_SHEET, _overview_ours),
                state_name=state_name)
    marks: dict[Place, tuple[int, list[str]]] = {}
    ids: dict[Place, str] = {}          # flagged place -> the cell id it holds (re-located next run)
    signatures: dict[str, str] = {}
    counts: dict[tuple, list[int]] = {}
    units: dict[tuple, UnitCount] = {r.identity: UnitCount(r.unit, r.year) for r in result.reports}

    for n, f in enumerate(_ordered(result.findings), 1):
        rid = f.report or (None if f.rule == "F5" else first.get((f.unit, f.year)))
        place = _place_name(rid) if (f.unit, f.year) in twice else None
        origin = reports[rid].facts.get("origin") if rid in reports else None
        key = finding_key(f, place, None if origin is None else str(origin))
        sig = signature(f, reports)
        signatures[key] = sig
        was = key if key in prev.reviews or f.cells else finding_key(f, place, before=True)
        review = prev.reviews.get(was)
        accepted = prev.accepted(was, sig)
        status = "已核实" if accepted else ("需重新核实" if review and any(w in review for w in st.ACCEPT_WORDS)
                                         else "待处理")
        plan.accepted += accepted
        plan.open += not accepted
        c = counts.setdefault((f.unit, f.year), [0, 0, 0, 0])
        c[3 if accepted else min(SEVERITY_ORDER.get(f.severity, 2), 2)] += 1
        u = (units.setdefault(rid or ("?", f.unit, f.year), UnitCount(f.unit, f.year)) if rid or f.rule != "F5"
             else units.setdefault(("?F5",), UnitCount(UNREAD_INPUTS, None)))    # not "（未识别单位）"
        if accepted:
            u.accepted += 1
        else:
            u.by[f.severity] += 1
        plan.rules.setdefault(f.rule, [0, 0])[1 if accepted else 0] += 1

        suspect = place_of(locate, f.suspect)
        others = [p for p in (place_of(locate, x.ref) for x in f.suspects[1:]) if p]   # several wrong cells
        # no cell singled out: the cells that may be wrong apart from the rest of the broken sum
        candidates = [] if suspect else list(dict.fromkeys(p for p in (place_of(locate, x) for x in f.candidates) if p))
        involved = []
        for ref in _refs(f):
            p = place_of(locate, ref)
            if p:
                ids.setdefault(p, ref.cell)
                if p != suspect and p not in others and p not in candidates and p not in involved:
                    involved.append(p)
        if suspect is None and not involved:    # about the text (M2, M3, P1…): flag the report's 标题
            title = locate(rid, "meta.title")
            involved = [title] if title else []
            if title:
                ids.setdefault(title, "meta.title")
        text = _note_text(f, rules, accepted)
        for place, level in ([(p, "suspect") for p in [suspect] + others] + [(p, "candidate") for p in candidates]
                             + [(p, "involved") for p in involved]):
            if place is None or place[0] not in sheets:
                continue
            level = "accepted" if accepted else level
            lvl, notes = marks.get(place, (0, []))
            marks[place] = (max(lvl, LEVELS[level]), notes + [text + _ROLE.get(level, "")])
        link = suspect or (candidates or involved or [None])[0] or locate(rid, None)
        if link and link[0] not in sheets:
            link = None
        rule = rules.get(f.rule)
        plan.results.append(ResultRow(
            values=[n, status, severity_label(f.severity), f.unit, f.year, f.rule,
                    rule.title if rule else "", problem_first(f),
                    "、".join(_cell_name(p) for p in [suspect] + others) if suspect and others
                    else _suspect_column(suspect, involved, candidates),
                    _show(f.expected), _show(f.actual), _show(f.suggestion), review, key],
            link=link, severity=f.severity, status=status))

    originals = {}
    before = _relocated(prev.cells, result.reports, locate)
    for place in sorted(set(marks) | set(before)):
        if place[0] not in sheets:
            continue
        original = before.get(place) or _unflagged(view.original(*place))
        if place in marks:
            lvl, notes = marks[place]
            level = next(k for k, v in LEVELS.items() if v == lvl)
            originals[place] = st.Original(original.fill, original.note, ids.get(place) or original.cell)
            plan.cells.append(CellOp(*place, fill=FILLS[level], note=_note(notes, original), level=level))
        else:
            plan.cells.append(CellOp(*place, fill=original.fill, note=original.note))
    for uid, u in units.items():
        home = locate(uid, None) if uid in reports else None
        u.link = home if home and home[0] in sheets else None
    plan.units = list(units.values())
    plan.counts = [["单位", "年度", "错误", "警告", "提示", "已核实"]] + [
        [u, y, *c] for (u, y), c in sorted(counts.items(), key=lambda kv: (str(kv[0][0]), kv[0][1] or 0))]
    plan.state = st.dump(originals, signatures)
    return plan


def _relocated(cells: dict[Place, st.Original], reports, locate: Locator) -> dict[Place, st.Original]:
    """The previous run's originals at the places their cells are at now. A reviewer may have
    inserted or deleted rows since: a record naming its cell is found again by that cell (the
    reader locates cells by their labels); one whose cell is gone is dropped, since restoring it
    at the old coordinates would paint whatever cell stands there now."""
    homes: dict[str, ReportId] = {}
    for r in reports:
        home = locate(r.identity, None)
        sheets = [home[0]] if home else []
        if r.location_style == "sheet" and r.present is not None:    # an office's tables on several sheets
            sheets += [r.parts[p] for p in set(r.loc[r.present][:, 0].tolist()) if p < len(r.parts)]
        for sheet in sheets:
            homes.setdefault(sheet, r.identity)
    out: dict[Place, st.Original] = {}
    for place, original in cells.items():
        owner = homes.get(place[0])
        if original.cell and owner is not None:
            now = locate(owner, original.cell)
            if now is None or now[0] != place[0]:
                continue
            out[now] = original
        else:                   # an older state without cell ids, or a sheet no longer read
            out.setdefault(place, original)
    return out


def _place_name(rid: ReportId | None) -> str | None:
    """A report's place for a person and for the finding key: its sheet, or its file's name."""
    if rid is None:
        return None
    source, place = rid
    return place or file_name(source or "") or None


def _unflagged(original: st.Original) -> st.Original:
    """A cell's current look, less what an earlier run left on it if its state record was lost
    (so a note is never wrapped in a second 【xxgk 校验】 block, nor our red kept as 'original')."""
    note = original.note
    if note and note != st.KEEP and note.startswith(NOTE_HEAD):
        _, _, kept = note.partition("\n\n【原批注】\n")
        note = kept or None
    fill = None if (original.fill or "").upper() in {v.upper() for v in FILLS.values()} else original.fill
    return st.Original(fill, note, original.cell)


def _ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (str(f.unit or ""), f.year or 0, SEVERITY_ORDER.get(f.severity, 3)))


def _suspect_column(suspect: Place | None, involved: list[Place], candidates: list[Place] = ()) -> str:
    """The 可疑单元格 column agrees with the sheet: the red cell when there is one; the orange ones
    when the finding names candidates instead; when several gold cells are involved and none is red
    or orange, it says so (the link goes to the first)."""
    if suspect:
        return _cell_name(suspect)
    if candidates:
        shown = "、".join(_cell_name(p) for p in candidates[:MAX_CANDIDATES_LISTED])
        more = f" 等 {len(candidates)} 格" if len(candidates) > MAX_CANDIDATES_LISTED else ""
        return f"（未确定，候选）{shown}{more}"
    if len(involved) == 1:           # the one cell the problem is about (M2 at the 标题)
        return _cell_name(involved[0])
    if involved:
        _, row, col = involved[0]
        return f"（未确定）{column_letter(col)}{row} 等 {len(involved)} 格"
    return ""


def _refs(f: Finding) -> list[CellRef]:
    seen, out = set(), []
    for c in ([f.suspect] if f.suspect else []) + list(f.cells) + list(f.candidates):
        if (c.unit, c.year, c.cell) not in seen:
            seen.add((c.unit, c.year, c.cell))
            out.append(c)
    return out


def _note_text(f: Finding, rules, accepted: bool) -> str:
    """`错误：未通过 R3 总计列等于各类申请人之和` — the heading says the check failed (`M1 标题年度…
    一致（错误）` read as if the agreement were the error)."""
    rule = rules.get(f.rule)
    head = (f"{'【已核实】' if accepted else ''}{severity_label(f.severity)}：未通过 {f.rule}"
            + (f" {rule.title}" if rule else ""))
    lines = [head, problem_first(f)]
    known = [f"{name}：{_show(v)}" for name, v in (("预期", f.expected), ("实际", f.actual)) if _show(v) is not None]
    if known:
        lines.append("；".join(known))
    if f.suggestion is not None:
        lines.append(f"建议值：{_show(f.suggestion)}")
    return "\n".join(lines)


def _note(texts: list[str], original: st.Original) -> str | None:
    if original.note == st.KEEP:
        return st.KEEP          # a note we cannot read back stays untouched
    body = NOTE_HEAD + "\n" + "\n\n".join(texts)
    if original.note:
        body += "\n\n【原批注】\n" + original.note
    return body[:NOTE_LIMIT]


def _cell_name(place: Place | None) -> str:
    return f"{place[0]}!{column_letter(place[2])}{place[1]}" if place else ""


def _show(v):
    v = plain(v)
    if v is None:
        return None
    if isinstance(v, (list, tuple)):
        return "、".join(str(plain(x)) for x in v)
    if isinstance(v, dict):
        return "；".join(f"{k}={plain(x)}" for k, x in v.items())
    return v
