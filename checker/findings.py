"""Making findings: facts in, the Chinese message filled from the rule's template."""
from __future__ import annotations

from typing import Any

from .catalogue import rule
from .model import CellRef, Finding, file_name, ReportId
from .numbers import tidy


class _Facts(dict):
    """Leaves an unknown placeholder visible instead of failing: a message is never lost."""
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def make(rule_id: str, *, unit: str | None, year: int | None, cells: list[CellRef] | None = None,
         suspect: CellRef | None = None, expected: Any = None, actual: Any = None,
         suggestion: Any = None, source: str | None = None, where: str | None = None,
         severity: str | None = None, candidates: list[CellRef] | None = None,
         report: ReportId | None = None, suspects: tuple = (), candidate_sets: tuple = (),
         **facts: Any) -> Finding:
    r = rule(rule_id)
    if severity is not None and severity not in r.severities:
        # the catalogue is the one list of a rule's severities: `xxgk rules` must show what `check` says
        raise ValueError(f"规则 {rule_id} 的目录中没有严重程度 {severity}（schemas/rules 的 severity/also）")
    expected, actual, suggestion = tidy(expected), tidy(actual), tidy(suggestion)
    facts = {k: tidy(v) for k, v in facts.items()}
    values = _Facts(unit=unit or "（未识别单位）", year=year if year is not None else "（未识别年度）",
                    expected=expected, actual=actual, suggestion=suggestion, where=where or source or "",
                    **facts)
    return Finding(
        rule=rule_id, severity=severity or r.severity, unit=unit, year=year,
        message=r.message.format_map(values), cells=cells or [], suspect=suspect,
        expected=expected, actual=actual, suggestion=suggestion, source=source, where=where,
        candidates=candidates or (), suspects=suspects, candidate_sets=candidate_sets,
        report=report or _report_of(unit, year, suspect, cells, candidates),
    )


def problem_first(f: Finding) -> str:
    """The message with the problem first: most rules' messages open with the file and place
    (`000_….txt 第43行：…`), which pushed the problem out of view; the place goes to the end."""
    text = f.message or ""
    for place in (f.where, f.source):
        if place and text.startswith(place):
            rest = text[len(place):].lstrip(" ：:，,")
            if rest:
                return f"{rest}（{short_place(place, f.source)}）"
    return text


def short_place(place: str, source: str | None = None) -> str:
    """`/home/x/报告/000_a.txt 第43行` -> `000_a.txt 第43行`: the reviewer's folders stay out of it
    (folder names may hold spaces, so the report's own source path is cut off where it is known)."""
    if source and place.startswith(source):
        return file_name(source) + place[len(source):]
    head, sep, tail = place.partition(" ")
    return file_name(head) + sep + tail


def _report_of(unit, year, suspect, cells, candidates) -> ReportId | None:
    """The report a finding is about: the one its own cells belong to (a cross-year finding's
    cells are in several reports; its unit and year name the one it is about)."""
    for c in ([suspect] if suspect else []) + list(cells or []) + list(candidates or []):
        if c.report is not None and c.unit == unit and c.year == year:
            return c.report
    return None
