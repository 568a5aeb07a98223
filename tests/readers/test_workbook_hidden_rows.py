"""Rows an office hid in its workbook (u12, session 12): python-calamine reads hidden rows like any other, so a sheet
whose 规章 row was kept with last year's figures and hidden above the visible one (what offices do instead of deleting
a row) read the hidden 77s in place of the figures the reviewer sees, with no finding — a wrong read. A hidden row that
repeats a visible row's label is now left out and said so (F4 warning naming the sheet's row); a hidden row of its own
label is still read (hiding rows of zeros for printing loses nothing). Generated report, real CLI."""
from __future__ import annotations

from bench.renditions import truth
from cli_read import extract_one
from hidden_copy import hidden_copy_book

REGULATIONS = ("active.regulations.issued", "active.regulations.repealed", "active.regulations.in_force")


def _book(tmp_path, hide_copy: bool = True, hide_own: str | None = None):
    r, row, path = hidden_copy_book(tmp_path, hide_copy, hide_own)
    return r, row, extract_one(path)


def test_a_hidden_copy_of_a_row_is_not_read_in_place_of_the_visible_row(tmp_path):
    r, row, got = _book(tmp_path)
    want = truth(r)
    assert [got["cells"][c] for c in REGULATIONS] == [want[c] for c in REGULATIONS]
    assert 77 not in [got["cells"][c] for c in REGULATIONS]
    notes = [f for f in got["findings"] if f["rule"] == "F4" and "隐藏行" in f["message"]]
    assert len(notes) == 1 and f"第{row}行" in notes[0]["message"] and notes[0]["severity"] == "warning"
    assert f"第{row + 1}行" in notes[0]["message"]


def test_a_hidden_row_with_its_own_label_is_still_read(tmp_path):
    # guard: the copy visible (nothing hidden but 行政许可, whose label no other row prints): 行政许可 is read as printed
    r, _, got = _book(tmp_path, hide_copy=False, hide_own="行政许可")
    want = truth(r)
    cells = [c for c in want if c.startswith("active.licensing.")]
    assert cells and all(got["cells"][c] == want[c] for c in cells)
    assert not [f for f in got["findings"] if "隐藏行" in f["message"]]
