"""bench.mixed_generations on a small district: reports whose 表二 and 表三 are of two template
generations, in the renditions written without LibreOffice, read back with no cell wrong (none put in
a cell of a layout the table does not print) and none silently blank; the tidy renditions completely."""
from __future__ import annotations


def test_mixed_generation_reports_read_no_cell_wrongly():
    from bench.mixed_generations import MIXES, run
    scores = run(units=2, seed=5, pdf_count=0, only=("crawler", "tab", "markdown", "xlsx"))
    assert all(s.files for s in scores.values()) and len(scores) == 4 * len(MIXES)
    assert all(s.wrong == 0 and s.silent == 0 for s in scores.values()), {k: s.examples for k, s in scores.items() if s.examples}
    assert all(scores[f"{k}/{mix}"].right == scores[f"{k}/{mix}"].cells for k in ("tab", "markdown", "xlsx") for mix in MIXES)
    assert all(scores[f"crawler/{mix}"].right > 0.9 * scores[f"crawler/{mix}"].cells for mix in MIXES)
