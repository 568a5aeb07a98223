"""What reading the documents found that a collection workbook's tables cannot carry, kept per
report sheet as JSON in the veryHidden sheet `_xxgk_facts`: the prose figures, the text facts
(outline sections, regions named, title/period/signature), the cells' reading notes (printed
decimals, amounts in 元) and the reading findings (F2/F3/F4). Reading the collection back restores
them, so `check(import(documents))` finds what `check(documents)` finds.

A reading finding comes back only while its cells still hold what was imported (an F3 row still
blank): once the reviewer fills the row in, the finding goes and the normal rules take over.
The sheet is untrusted input: every record is validated, and one that does not parse is ignored
with a warning naming its sheet.
"""
from __future__ import annotations

import dataclasses
import json
import math
import re
import warnings
from typing import Any

from ..crossread import UNDECIDED, Undecided, note
from ..model import Finding, ProseFact, Report, plain
from ..numbers import SAME
from ..templates import template
from . import FACTS_SHEET
MAGIC = "xxgk-checker 文档事实（程序自动维护，请勿修改）"
VERSION = 1
CHUNK = 30000                    # Excel keeps at most 32,767 characters in a cell
MAX_RECORD = 2_000_000           # characters of JSON per report sheet
READING_RULES = ("F2", "F3", "F4")
_PROSE_FIELDS = {f.name for f in dataclasses.fields(ProseFact)}
_DATE = re.compile(r"(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})")
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")


class FactsWarning(UserWarning):
    """A `_xxgk_facts` record that could not be used; the sheet is still checked from its tables."""


# --- writing ---------------------------------------------------------------------------------
def record(report: Report, source: str | None = None) -> dict:
    """The JSON-able record of one report as read from its documents; `source`: its file as the
    workbook names it (`checker.workbook.sources`), in place of the path it was read from."""
    values = report.cells
    rec = {
        "v": VERSION,
        "header": {"unit": report.unit, "year": report.year, "title": report.title,
                   "period": report.period, "published": report.published},
        "prose": [_jsonable(dataclasses.asdict(p)) for p in report.prose],
        "facts": _jsonable({k: v for k, v in report.facts.items() if not k.startswith("_")}),
        "cells": {cid: _jsonable({"value": values.get(cid), "meta": report.cell_meta.get(cid) or {}})
                  for cid in sorted(set(report.cell_meta) & set(values))},
        "findings": [_finding_json(f, values) for f in report.findings if f.rule in READING_RULES],
        # rows the reader left open with several splits: `xxgk check` of the collection decides them
        # from the other reports (crossread), as it would have from the documents
        "undecided": [_jsonable({"cells": u.cells, "candidates": u.candidates, "label": u.label, "text": u.text,
                                 "meta": u.meta, "where": u.finding.where})
                      for u in report.facts.get(UNDECIDED, ())],
    }
    return _renamed(rec, report.source, source) if report.source and source else rec


def _renamed(obj: Any, old: str, new: str) -> Any:
    """`obj` with the path `old` written as `new` in every string (a finding's source, where, message)."""
    if isinstance(obj, dict):
        return {k: _renamed(v, old, new) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_renamed(v, old, new) for v in obj]
    return obj.replace(old, new) if isinstance(obj, str) else obj


def rows(records: dict[str, dict]) -> list[list]:
    """The `_xxgk_facts` sheet: a magic first row, then (sheet, part number, JSON chunk) rows."""
    out: list[list] = [[MAGIC, None, None]]
    for sheet, rec in records.items():
        text = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
        if len(text) > MAX_RECORD:      # keep the tables' part of the record, drop the long prose
            rec = {**rec, "prose": [], "facts": {k: v for k, v in rec["facts"].items() if k != "regions"}}
            text = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
        for n in range(0, len(text), CHUNK):
            out.append([sheet, n // CHUNK + 1, text[n:n + CHUNK]])
    return out


def _finding_json(f: Finding, values: dict) -> dict:
    d = f.to_json()
    refs = [c.cell for c in f.cells] + ([f.suspect.cell] if f.suspect else [])
    d["imported"] = {c: plain(values.get(c)) for c in refs}
    return _jsonable(d)


def _jsonable(obj: Any) -> Any:
    """Plain JSON types only (numpy scalars, tuples and sets become numbers and lists)."""
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set)):
        return [_jsonable(v) for v in obj]
    v = plain(obj)
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v if isinstance(v, (str, int, float, bool)) or v is None else str(v)


# --- reading ---------------------------------------------------------------------------------
def load(values: list[list] | None, where: str) -> dict[str, dict]:
    """sheet name -> record, from the `_xxgk_facts` sheet's values. Bad records are warned about
    (naming the sheet) and left out; a sheet without our first row is not ours and is ignored."""
    if not values or not values[0] or values[0][0] != MAGIC:
        if values:
            _warn(f"{where}：隐藏工作表“{FACTS_SHEET}”的格式无法识别，已忽略（各报告只按表格校验）。")
        return {}
    parts: dict[str, list[tuple[int, str]]] = {}
    sizes: dict[str, int] = {}
    for row in values[1:]:
        row = list(row) + [None, None, None]
        sheet, n, chunk = row[0], row[1], row[2]
        if not isinstance(sheet, str) or not sheet:
            continue
        if not isinstance(chunk, str) or not isinstance(n, (int, float)):
            parts.setdefault(sheet, []).append((-1, ""))     # marks the record as broken
            continue
        sizes[sheet] = sizes.get(sheet, 0) + len(chunk)
        parts.setdefault(sheet, []).append((int(n), chunk))
    out = {}
    for sheet, chunks in parts.items():
        if sizes.get(sheet, 0) > MAX_RECORD:
            _warn(f"{where}：工作表“{sheet}”的文档事实记录超过 {MAX_RECORD} 个字符，已忽略。")
            continue
        chunks.sort()
        if any(n != i + 1 for i, (n, _) in enumerate(chunks)):
            _warn(f"{where}：工作表“{sheet}”的文档事实记录不完整，已忽略。")
            continue
        try:
            out[sheet] = _validate(json.loads("".join(c for _, c in chunks)))
        except (ValueError, TypeError, KeyError) as e:
            _warn(f"{where}：工作表“{sheet}”的文档事实记录无法解析（{str(e)[:80]}），已忽略。")
    return out


def _validate(rec: Any) -> dict:
    if not isinstance(rec, dict) or rec.get("v") != VERSION:
        raise ValueError("版本或结构不符")
    for key, kind in (("header", dict), ("prose", list), ("facts", dict), ("cells", dict), ("findings", list)):
        if not isinstance(rec.get(key), kind):
            raise ValueError(f"“{key}”缺失或类型不符")
    for key, ok in _FACT_SHAPES.items():     # the rules index into these: a wrong shape would crash them
        if key in rec["facts"] and not ok(rec["facts"][key]):
            raise ValueError(f"“facts.{key}”的内容不符合格式")
    return rec


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _meta_ok(m) -> bool:
    if not isinstance(m, dict):
        return False
    period, published = m.get("period"), m.get("published")
    return (period is None or isinstance(period, str) and re.fullmatch(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d", period)) \
        and (published is None or isinstance(published, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", published)) \
        and (m.get("title_year") is None or _is_int(m["title_year"])) \
        and all(v is None or _is_int(v) for k, v in m.items() if k.endswith("_line"))


def _regions_ok(r) -> bool:
    return isinstance(r, dict) and isinstance(r.get("foreign", []), list) and all(
        isinstance(h, dict) and all(isinstance(h.get(k), str) for k in ("name", "province", "city", "sentence"))
        and _is_int(h.get("line", 0)) for h in r.get("foreign", []))


def _departures_ok(d) -> bool:
    """{table id: {"format": "2019"|"2021", "cells": {id: number|None}, "locations": {id: text}}}"""
    return isinstance(d, dict) and all(
        isinstance(t, dict) and t.get("format") in ("2019", "2021")
        and isinstance(t.get("cells"), dict) and isinstance(t.get("locations", {}), dict)
        and all(isinstance(k, str) and (v is None or isinstance(v, (int, float)) and not isinstance(v, bool))
                for k, v in t["cells"].items())
        and all(isinstance(k, str) and isinstance(v, str) for k, v in t.get("locations", {}).items())
        for t in d.values())


_FACT_SHAPES = {
    "meta": _meta_ok,
    "departures": _departures_ok,
    "regions": _regions_ok,
    "sections": lambda v: isinstance(v, dict) and all(k.isdigit() and _is_int(x) for k, x in v.items()),
    "text_chars": _is_int,
    "section_text": lambda v: isinstance(v, dict) and all(k.isdigit() and isinstance(x, str) for k, x in v.items()),
}


def restore(report: Report, rec: dict, sheet: str, where: str) -> None:
    """Give `report` (read from the collection sheet `sheet`) back what its documents said."""
    header = rec["header"]
    _restore_facts(report, rec["facts"], header)
    report.prose = [p for p in (_prose(d) for d in rec["prose"]) if p is not None]
    for cid, item in rec["cells"].items():
        if isinstance(item, dict) and isinstance(item.get("meta"), dict) and _unchanged(report, cid, item.get("value")):
            report.cell_meta[cid] = {**item["meta"], **report.cell_meta.get(cid, {})}
    _restore_findings(report, rec["findings"], sheet, where)
    for d in rec.get("undecided") or ():
        row = _undecided(d, report)
        if row is not None:
            note(report, row)


def _restore_facts(report: Report, facts: dict, header: dict) -> None:
    for k, v in facts.items():
        if k not in report.facts:            # what the sheet's own reading found stands
            report.facts[k] = v
    meta = report.facts.get("meta")
    if not isinstance(meta, dict):
        return
    meta = report.facts["meta"] = dict(meta)
    # the reviewer corrected the header block: its value replaces what the documents said
    if report.period != header.get("period"):
        meta.update(period=report.period, period_text=(report.period or "").replace("/", " 至 "), period_line=0)
    if report.published != header.get("published"):
        meta.update(published=report.published, published_line=0)
    if report.title != header.get("title"):
        m = _YEAR.search(report.title or "")
        meta.update(title_year=int(m.group(1)) if m else None, title_line=0)


def _prose(d: Any) -> ProseFact | None:
    if not isinstance(d, dict) or not {"kind", "text", "line", "value"} <= set(d):
        return None
    try:
        p = ProseFact(**{k: v for k, v in d.items() if k in _PROSE_FIELDS})
        p.value, p.line = float(p.value), int(p.line)
        p.parts = [float(x) for x in p.parts or []]
        p.part_cells = [x if isinstance(x, str) else None for x in p.part_cells or []]
        return p
    except (TypeError, ValueError):
        return None


def _restore_findings(report: Report, items: list, sheet: str, where: str) -> None:
    have = {(f.rule, frozenset(c.cell for c in f.cells)) for f in report.findings}
    restored = []
    for d in items:
        f = _finding(d, report)
        if f is None or f.rule not in READING_RULES:
            continue
        imported = d.get("imported") if isinstance(d.get("imported"), dict) else {}
        if not all(_unchanged(report, c, imported.get(c)) for c in imported):
            continue                          # the reviewer changed a value: the rules judge it now
        cells = frozenset(c.cell for c in f.cells)
        if f.rule == "F4" and any(r == "F4" for r, _ in have) or (f.rule, cells) in have:
            continue
        restored.append(f)
    # a row the documents' reader could not read is blank here: its F3 says more than an F1 would
    covered = set().union(*(frozenset(c.cell for c in f.cells) for f in restored if f.rule == "F3"))
    report.findings = [f for f in report.findings
                       if not (f.rule == "F1" and f.cells and {c.cell for c in f.cells} <= covered)]
    report.findings.extend(restored)


def _finding(d: Any, report: Report) -> Finding | None:
    """A reading finding from its JSON, its cells re-addressed to the report as it is now (the
    reviewer may have corrected unit or year)."""
    if not isinstance(d, dict) or not isinstance(d.get("rule"), str) or not isinstance(d.get("message"), str):
        return None
    try:
        def ref(c):
            return report.ref(str(c["cell"])) if isinstance(c, dict) and c.get("cell") else None
        cells = [r for r in map(ref, d.get("cells") or []) if r]
        cands = [r for r in map(ref, d.get("candidates") or []) if r]
        return Finding(d["rule"], str(d.get("severity") or "error"), report.unit, report.year, d["message"],
                       cells=cells, suspect=ref(d.get("suspect")), expected=d.get("expected"),
                       actual=d.get("actual"), suggestion=d.get("suggestion"),
                       source=d.get("source") if isinstance(d.get("source"), str) else report.source,
                       where=d.get("where") if isinstance(d.get("where"), str) else None, candidates=cands,
                       report=report.identity)
    except (TypeError, KeyError, AttributeError):
        return None


def _undecided(d: Any, report: Report) -> Undecided | None:
    """A row left open by the documents' reader, while its cells are still blank in the sheet and
    its F3 was restored (the reviewer has not filled it in); None for anything else or malformed."""
    if not isinstance(d, dict) or not report.format:
        return None
    cells, cands = d.get("cells"), d.get("candidates")
    index = template(report.format).index
    if not (isinstance(cells, list) and cells and all(isinstance(c, str) and c in index for c in cells)
            and isinstance(cands, list) and cands and all(_split_ok(x, len(cells)) for x in cands)
            and isinstance(d.get("label"), str) and isinstance(d.get("text"), str)
            and all(report.get(c) is None for c in cells)):
        return None
    f3 = next((f for f in report.findings if f.rule == "F3" and f.severity == "error" and f.where == d.get("where")
               and [c.cell for c in f.cells] == cells), None)
    if f3 is None:
        return None
    meta = d.get("meta") if isinstance(d.get("meta"), dict) else {}
    meta = {c: m for c, m in meta.items() if c in cells and isinstance(m, dict)}
    return Undecided(tuple(cells), [tuple(None if v is None else float(v) for v in x) for x in cands],
                     f3, d["label"], d["text"], None, meta)


def _split_ok(split: Any, n: int) -> bool:
    return isinstance(split, list) and len(split) == n and all(
        v is None or isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in split)


def _unchanged(report: Report, cell: str, imported: Any) -> bool:
    now = report.get(cell) if report.format else None
    if now is None or imported is None:
        return now is None and imported is None
    try:
        return abs(float(now) - float(imported)) < SAME
    except (TypeError, ValueError):
        return False


def parse_date(text: str | None) -> str | None:
    m = _DATE.search(text or "")
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def parse_period(text: str | None) -> str | None:
    """`2019-01-01 至 2019-12-31` (or `2019年1月1日至2019年12月31日`) -> `2019-01-01/2019-12-31`."""
    found = list(_DATE.finditer(text or ""))
    if len(found) < 2:
        return None
    a, b = (parse_date(m.group(0)) for m in found[:2])
    return f"{a}/{b}"


def show_period(period: str | None) -> str | None:
    return period.replace("/", " 至 ") if period else None


def _warn(message: str) -> None:
    warnings.warn(message, FactsWarning, stacklevel=3)
