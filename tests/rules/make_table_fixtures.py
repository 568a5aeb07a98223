"""Writes the passing and failing fixtures of the table rules (R1–R9, L1–L4, U1, U2) under
`tests/fixtures/<id>/{pass,fail}/`: small generated districts as text reports (and a units file),
each failing one with one known error. Run from the repository root after a deliberate change:

    python tests/rules/make_table_fixtures.py && XXGK_UPDATE_FIXTURES=1 pytest tests/rules/test_rule_fixtures.py
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.generate import district, write_texts, write_units  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"

# a legacy statistical table (data year 2017), written as a collection workbook sheet
LEGACY = dict(active__total=120, active__website=100, requests__received=10, requests__in_person=3,
              requests__fax=0, requests__online=6, requests__letter=1, requests__closed=10,
              requests__closed_on_time=9, requests__closed_extended=1, requests__answered=10,
              requests__already_public=2, requests__granted=6, requests__partly_granted=0,
              requests__denied=0, requests__not_this_agency=1, requests__not_exist=1,
              requests__asked_to_amend=0, requests__other_channel=0)


def _district(rule: str, years, units=2, seed=7):
    d = district(units, years, seed=seed)
    return d


def _write(d, folder: Path, units=True) -> None:
    folder.mkdir(parents=True)
    write_texts(d, folder)
    if units:
        write_units(d, folder / "units.csv")


def _bump(d, unit, year, cell, by):
    r = d.report(unit, year)
    r.set(cell, r.get(cell) + by)


def table_rule(rule: str, years, unit_index: int, year: int, cell: str, by: int) -> None:
    """One district passing the rule, the same district with one cell off by `by` failing it."""
    out = FIXTURES / rule
    shutil.rmtree(out, ignore_errors=True)
    _write(_district(rule, years), out / "pass")
    d = _district(rule, years)
    unit = d.parent_unit if unit_index < 0 else d.units[unit_index]
    _bump(d, unit, year, cell, by)
    _write(d, out / "fail")


def legacy_rule(rule: str, bad: dict) -> None:
    from checker.model import Report
    from checker.workbook import write_collection
    out = FIXTURES / rule
    shutil.rmtree(out, ignore_errors=True)
    for name, change in (("pass", {}), ("fail", bad)):
        r = Report(source=f"{name}.xlsx", unit="道里区", year=2017, parent=None)
        r.set_format("legacy")
        for k, v in {**LEGACY, **change}.items():
            r.set("legacy." + k.replace("__", "."), v)
        (out / name).mkdir(parents=True)
        write_collection([r]).workbook.save(out / name / "道里区2017.xlsx")


def main() -> None:
    table_rule("R1", (2021,), 0, 2021, "requests.carried_forward.total", 1)
    table_rule("R2", (2021,), 1, 2021, "requests.handled_total.natural_person", 2)
    table_rule("R3", (2021,), 0, 2021, "requests.received.total", 1)
    table_rule("R4", (2021,), 1, 2021, "appeals.count.review.total", 1)
    table_rule("R5", (2020,), 0, 2020, "active.regulations.total_published", -5)
    table_rule("R6", (2020, 2021), 0, 2021, "requests.carried_over.commercial", 2)
    table_rule("R7", (2019, 2020), 1, 2020, "active.licensing.prev_items", 3)
    table_rule("R8", (2021, 2022), 0, 2022, "active.normative_docs.in_force", 2)
    table_rule("R9", (2021,), -1, 2021, "active.licensing.decisions", 5)
    legacy_rule("L1", {"requests__online": 5})
    legacy_rule("L2", {"requests__granted": 7})
    legacy_rule("L3", {"requests__closed_on_time": 7})
    legacy_rule("L4", {"active__website": 130})
    # U1: the units file names a unit that has no report; U2: one report given twice
    for rule in ("U1", "U2"):
        out = FIXTURES / rule
        shutil.rmtree(out, ignore_errors=True)
        _write(_district(rule, (2021,)), out / "pass")
        d = _district(rule, (2021,))
        _write(d, out / "fail")
    with open(FIXTURES / "U1" / "fail" / "units.csv", "a", encoding="utf-8") as fh:
        fh.write("道里区不存在局,道里区人民政府\n")
    first = sorted((FIXTURES / "U2" / "fail").glob("*.txt"))[0]
    shutil.copy(first, first.with_name("copy_" + first.name))
    print("fixtures written under", FIXTURES)


if __name__ == "__main__":
    main()
