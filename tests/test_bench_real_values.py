"""`python -m bench.real_values` measures what real reports print in 处理决定数量 (the cells only a district's sum
checks) from the hand-typed corpus, against the generator's draws: which values it takes from the pages, and how it
counts zeros and values that two units of one district-year share."""
from __future__ import annotations

from bench import real_values


def test_pages_typed_by_rows_and_by_cells_are_both_read_each_page_once():
    reports = {(r["unit"], r["year"]): r for r in real_values.real_reports()}
    # pingtan-chains types whole rows ('v|v|v' in the template's column order)
    assert reports[("平潭综合实验区行政审批局", 2022)]["cells"]["active.licensing.decisions"] == 7677
    # pingtan-years types single cells
    assert reports[("平潭综合实验区农业农村局", 2023)]["cells"]["active.licensing.decisions"] == 782
    assert len(reports) == len(real_values.real_reports()) > 400


def test_zeros_decades_and_shared_values_counted_per_district_year():
    cell = "active.penalty.decisions"

    def rep(unit, year, v, district="甲区"):
        return {"unit": unit, "year": year, "format": "2021", "cells": {cell: v}, "district": district}

    reports = [rep("a", 2021, 0), rep("b", 2021, 48), rep("c", 2021, 48), rep("d", 2022, 48),
               rep("e", 2021, 48, "乙区"), rep("f", 2021, 7), rep(real_values.ZONE, 2021, 5000)]
    s = real_values.stats(reports, lambda r: r["district"])[f"2021 {cell}"]
    assert s["n"] == 6 and s["zero_pct"] == round(100 / 6)          # the zone's own sum is left out
    assert s["decades"] == {"1+": 1, "10+": 4}
    # b and c print 48 in 甲区 2021; d (another year) and e (another district) do not share it
    assert (s["ge10_shared"], s["ge10_in_a_district"]) == (2, 4)
