"""bench.layout_masking on a small sample: one error in a printed table whose rows are short of values
never makes the equalities place a number in the wrong column (checker/readers/shortrow.py)."""
from __future__ import annotations

from bench.layout_masking import run


def test_one_error_in_the_table_reads_no_cell_wrong():
    out = run(units=4, seeds=[2], trials=2)
    by = out["by"]
    assert {k.split("/")[1] for k in by} >= {"none", "typo", "wrong_total", "emptied"}
    assert sum(v["cells"] for v in by.values()) > 500
    assert sum(v["wrong"] for v in by.values()) == 0, out["wrong_examples"]
    assert sum(v["right"] for v in by.values()) > 0      # it does read where the table settles a cell
