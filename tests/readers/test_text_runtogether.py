"""Text reports whose table rows were flattened into one run of digits (`……申请数量640020470`)."""
import re

from bench.generate import district
from bench.text_layout import report_text
from checker.readers.text import read_text
from checker.templates import template

ROW_LABELS = {"received": "一、本年新收政府信息公开申请数量", "carried_forward": "四、结转下年度继续办理"}


def _flatten(text: str, label: str) -> str:
    """The row printed as the label followed by its cells' digits, no separators."""
    out = []
    for line in text.splitlines():
        cells = line.split("\t")
        if cells[0].strip() == label:
            line = label + "".join(c.strip() for c in cells[1:])
        out.append(line)
    return "\n".join(out)


def test_flattened_rows_decode_to_the_original_cells():
    d = district(12, years=(2021,), seed=7)
    decoded = 0
    for r in d.reports:
        text = report_text(r, r.get("requests.received.total"), r.get("requests.granted.total"), r.year)
        flat = _flatten(text, ROW_LABELS["received"])
        assert flat != text and re.search(r"申请数量\d+$", flat, re.M)
        got = read_text(flat, "flat.txt", "flat.txt")
        ids = [c.id for c in template("2021").cells if c.id.startswith("requests.received.")]
        if not any(f.rule == "F3" for f in got.findings):
            assert [got.get(i) for i in ids] == [r.get(i) for i in ids]
            decoded += 1
        else:   # never a guess: an ambiguous split leaves the row blank and says so
            assert all(got.get(i) is None for i in ids)
    assert decoded >= len(d.reports) * 0.8, (decoded, len(d.reports))


def test_prose_lines_ending_in_a_number_are_not_split():
    text = "本年度共收到申请3\n二、主动公开政府信息情况\n"
    got = read_text(text, "p.txt", "p.txt")
    assert not any(f.rule == "F3" for f in got.findings)
