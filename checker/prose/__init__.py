"""What the prose of a report says: metadata (unit, year, period, signature date), figures stated
in sentences, the outline's sections, the regions it names. Used by every reader of text."""
from __future__ import annotations

from ..model import Report
from ..templates import format_for_year, template
from . import counts, facts, issued, metadata, regions, sections
from .flow import build

__all__ = ["analyse", "data_year"]


def analyse(lines: list[str], report: Report) -> None:
    """Fill `report`'s metadata, `prose` facts and text `facts` from the report's text lines.
    Readers call it after reading the tables: what a reader already fixed is never overwritten."""
    flow = build(lines)
    meta = metadata.read(flow)
    if report.unit is None and meta.unit:
        report.unit = meta.unit
    # Which statement the year rests on (M1 counts each statement once): a reader's year that the
    # text gives too (the text reader's second pass copies it) rests on the text.
    text_year = metadata.data_year(meta)
    year_source = "reader" if report.year is not None and report.year != text_year else metadata.year_source(meta)
    if report.year is None:
        report.year = text_year
    if report.period is None and meta.period:
        report.period = "/".join(meta.period)
    if report.published is None:
        report.published = meta.published
    if report.title is None and meta.title:
        report.title = meta.title
    if report.format is None and report.year is not None:
        report.set_format(format_for_year(report.year))
    again = "meta" in report.facts      # analysed before (a reader's second pass): replace, not add
    report.facts["meta"] = meta.to_facts() | {"year_source": year_source}

    # a traditional-character mirror's sentences are read as their simplified form (one character for one:
    # offsets, lines and figures stay), as its title and headings are
    said = metadata.simplified(flow)
    brackets = counts.Brackets(said.text)
    found = counts.find(said.text, brackets)
    stated = facts.extract(said, found, report.format, report.year, report.unit, brackets)
    stated += issued.facts(said, report.format, report.year, report.unit)
    if again:
        report.prose = stated
    else:
        report.prose.extend(stated)
    if report.format == "legacy":
        _legacy_cells(report, stated)

    report.facts["sections"], report.facts["section_text"] = sections.read(flow)
    report.facts["text_chars"] = len(flow.text)
    report.facts["regions"] = _regions(report, flow)


def data_year(lines: list[str]) -> int | None:
    """The year the text says its data is for: the year `analyse` gives a report that has none."""
    return metadata.data_year(metadata.read(build(lines)))


def _legacy_cells(report: Report, stated: list) -> None:
    """Legacy reports give their figures in prose: the first clear statement of a cell sets it."""
    index = template("legacy").index
    for f in stated:
        pairs = [(f.cell, f.value)] if f.kind in ("count", "sum") else []
        if f.kind == "sum":
            pairs += list(zip(f.part_cells, f.parts))
        for cell, value in pairs:
            if cell and cell in index and not report.present[index[cell]]:
                report.set(cell, value, row=f.line, source="prose", text=f.text)


def _regions(report: Report, flow) -> dict:
    try:
        found = regions.mentions(flow.text)
    except regions.DivisionsMissing as e:   # M2 becomes not evaluable; reading goes on
        return {"home": None, "basis": str(e), "named": [], "foreign": []}
    city, basis = regions.home(report.unit, flow.text, found)
    out = {"home": None, "basis": basis, "named": sorted({m.name for m in found}), "foreign": []}
    if city is None:
        return out
    d = regions.divisions()
    out["home"] = d.city_name(city)
    out["home_province"] = d.province_name(city[:2])
    out["home_code"] = city
    for hit in regions.foreign(flow.text, found, city):
        hit["line"] = flow.line_at(hit.pop("start"))
        out["foreign"].append(hit)
    return out
