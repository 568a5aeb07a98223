"""A small collection workbook with known problems, written for real and read back.

Two reports are written into a collection workbook; their cells then carry the (sheet, row, col)
the writer placed them at, exactly what the workbook reader gives (Report.loc), and the findings
are made through the catalogue as the rules make them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from checker.findings import make
from checker.model import Report
from checker.templates import template
from checker.workbook import save_atomic, write_collection


@dataclass
class Result:
    reports: list[Report]
    findings: list = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)     # as `CheckResult`: what was checked
    kind: str = "workbook"
    unreadable: list = field(default_factory=list)   # as `CheckResult`: F5s of the inputs not read


def report(unit: str, year: int, fmt: str, values: dict[str, float | None]) -> Report:
    r = Report(f"{unit}.txt", unit=unit, year=year)
    r.set_format(fmt)
    for cell in template(fmt).cell_ids:
        r.set(cell, values.get(cell, 0))
    return r


def findings_for(reports: list[Report]) -> list:
    a, b = reports
    total, np_ = "requests.received.total", "requests.received.natural_person"
    return [
        make("R3", unit=a.unit, year=a.year, cells=[a.ref(total), a.ref(np_)], suspect=a.ref(total),
             expected=5, actual=7, suggestion=5, where=f"{a.unit} 表三", detail="总计 7 ≠ 各类申请人之和 5"),
        make("F1", unit=b.unit, year=b.year, cells=[b.ref("appeals.count.review.upheld")],
             suspect=b.ref("appeals.count.review.upheld"), where=f"{b.unit} 表四", label="行政复议·结果维持"),
        make("F4", unit=b.unit, year=b.year, where=b.source, detail="缺少“主动公开政府信息情况”表"),
    ]


def as_read_back(reports: list[Report], coll) -> None:
    """Give the reports the sheet locations a workbook reader would give them."""
    for r, sheet, placed in zip(reports, coll.sheets, coll.placements):
        r.location_style, r.parts, r.place = "sheet", [sheet], sheet
        for cell, (_, row, col) in placed.items():
            i = template(r.format).index[cell]
            r.loc[i] = (0, row, col)
        r.source = None


@pytest.fixture
def collection(tmp_path: Path):
    """(path of the collection workbook, Result with its reports and findings)."""
    a = report("道里区政府办", 2021, "2021", {"requests.received.natural_person": 5, "requests.received.total": 7})
    b = report("香坊区民政局", 2020, "2019", {"appeals.count.review.upheld": None})
    coll = write_collection([a, b])
    path = save_atomic(coll.workbook, tmp_path / "collection.xlsx")
    as_read_back([a, b], coll)
    for r in (a, b):
        r.source = str(path)
    return path, Result([a, b], findings_for([a, b]), inputs=[path])
