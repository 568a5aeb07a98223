"""Check kinds on the text of a report's outline sections (see `checker.prose.sections`):
`problems` (S1: 五、存在的主要问题及改进情况 says something), `copied` (T1: a section does not repeat
an earlier report of the same unit, or another unit's report, nearly word for word)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ...findings import make
from ...model import Report, part_of
from ...prose import similar
from ...prose.sections import KEPT, SECTIONS
from ..registry import Params, kind

_NUMERAL = "一二三四五六七八九十"
# What a section-5 text may consist of without saying anything: numbering, its sub-headings and
# the words of its title ("（一）存在的主要问题：无。（二）改进情况：无。")
_FORMULA = re.compile(r"[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]|存在的?|主要|问题|不足|改进|整改|"
                      r"情况|措施|方向|下一步|工作|打算|计划|及|和|与|的")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class ProblemsParams(Params):
    section: int = 5            # 五、存在的主要问题及改进情况
    min_chars: int = 12         # fewer Chinese characters of its own is a formula

    def problems(self) -> list[str]:
        return [] if self.section in KEPT else [f"section 应为 {'、'.join(map(str, KEPT))} 之一（正文分析只保留这些部分的文字）"]


@dataclass(frozen=True)
class CopiedParams(Params):
    sections: list[int] = field(default_factory=lambda: [1, 5])
    threshold: float = 0.8      # share of the section's text found word for word in the other report
    min_chars: int = 80         # shorter sections (formulas) are the same everywhere by nature

    def problems(self) -> list[str]:
        out = [f"sections 应在 {'、'.join(map(str, KEPT))} 之中" for n in self.sections if n not in KEPT][:1]
        if not 0 < self.threshold <= 1:
            out.append("threshold 应在 0 与 1 之间")
        return out


def _text(report: Report, section: int) -> str | None:
    """A section's text, or None when the report has no whole text or the section no heading."""
    found = report.facts.get("sections")
    texts = report.facts.get("section_text")
    if found is None or texts is None or (section not in found and str(section) not in found
                                          and str(section) not in {str(k) for k in found}):
        return None
    return texts.get(str(section), "")


@kind("outline.problems", ProblemsParams)
def problems(rule, reports, ctx):
    """S1: the 五 section's own words (numbering, its sub-headings and title words taken out)
    are at least `min_chars` Chinese characters."""
    min_chars, section = rule.params.min_chars, rule.params.section
    for report in reports:
        text = _text(report, section)
        if text is None:
            ctx.skip(rule.id)       # no whole text, or no 五 heading (M3 tells)
            continue
        said = len(_CJK.findall(_FORMULA.sub("", text)))
        if said >= min_chars:
            continue
        shown = text.replace("\n", " ").strip()
        yield make(rule.id, unit=report.unit, year=report.year, report=report.identity, expected=min_chars, actual=said,
                   source=report.source, where=report.text_where(_line(report, section)),
                   title=f"{_NUMERAL[section - 1]}、{SECTIONS[section][0]}",
                   body=f"“{shown[:40]}”" if shown else "（空白）")


def _line(report: Report, section: int) -> int:
    found = report.facts.get("sections") or {}
    return int(found.get(section, found.get(str(section), 0)) or 0)


def judged_text(text: str | None, min_chars: int) -> str | None:
    """A section's text as T1 compares it (`similar.normalise`), or None when T1 does not judge it:
    shorter than `min_chars` once normalised (a sharded check's stand-ins leave such texts out)."""
    # normalising never lengthens a text: one already shorter is not normalised
    if text is None or len(text) < min_chars:
        return None
    norm = similar.normalise(text)
    return norm if len(norm) >= min_chars else None


@kind("outline.copied", CopiedParams)
def copied(rule, reports, ctx):
    """T1: share of a section's text (8-character pieces, digits read as 0) found in the same
    section of the same unit's earlier report, or of another unit's report; at `threshold` or
    more a warning names the other report. Sections shorter than `min_chars` are not judged (a
    formula like "本年度无其他需要报告的事项" is the same everywhere by nature)."""
    threshold, min_chars, sections = rule.params.threshold, rule.params.min_chars, rule.params.sections
    prints: dict[tuple[int, int], np.ndarray] = {}      # (report index, section) -> shingles
    for i, report in enumerate(reports):
        judged = False
        for n in sections:
            norm = judged_text(_text(report, n), min_chars)
            if norm is None:
                continue
            prints[(i, n)] = similar.hashed(norm)
            judged = True
        if not judged:
            ctx.skip(rule.id)      # no section long enough to judge
    if not prints:
        return
    sketches = {key: p[:similar.ANCHORS] for key, p in prints.items()}
    near = similar.candidates(sketches)
    for (i, n), own in prints.items():
        report = reports[i]
        best = None
        for j, m in near[(i, n)]:
            other = reports[j]
            if m != n or not _comparable(report, other):
                continue
            s = similar.share(own, prints[(j, m)])
            if s < threshold:
                continue
            # the same unit's earlier report first, then the closest copy
            key = (other.unit == report.unit, s)
            if best is None or key > best[0]:
                best = (key, other, s)
        if best is None:
            continue
        _, other, s = best
        whose = (f"本单位 {other.year} 年报告" if other.unit == report.unit
                 else f"“{other.unit or '（未识别单位）'}” {other.year or ''} 年报告")
        yield make(rule.id, unit=report.unit, year=report.year, report=report.identity, expected=round(threshold * 100),
                   actual=round(s * 100), source=report.source, where=report.text_where(_line(report, n)),
                   title=f"{_NUMERAL[n - 1]}、{SECTIONS[n][0]}", share=round(s * 100), whose=whose,
                   # a collection sheet: its document and workbook (every sheet shares the workbook's path)
                   other_source=other.text_where(0) if other.location_style == "sheet" else _file_of(other))


def _file_of(report: Report) -> str:
    """The file a report is in, and which of its reports it is where the file holds several (`第2篇`)."""
    part = part_of(report.place)
    return (report.source or "") + (f"（{report.place}）" if part is not None else "")


def _comparable(report: Report, other: Report) -> bool:
    """Another unit's report (any year), or the same unit's report of an earlier year."""
    # the same report (file and sheet), not the same file: a collection workbook holds every unit
    if other is report or other.identity == report.identity:
        return False
    if other.unit and other.unit == report.unit:
        return report.year is not None and other.year is not None and other.year < report.year
    return True
