"""Writes the passing and failing fixtures of the form rules (F1–F5) under
`tests/fixtures/<id>/{pass,fail}/`: one generated 2021 text report, clean for `pass`, and the same
report with one known fault of form for `fail` (a blank row, `/` and `无` cells, a short row, the
appeals table gone; F5: an empty file and a truncated workbook). Run from the repository root after
a deliberate change:

    python tests/rules/make_form_fixtures.py && XXGK_UPDATE_FIXTURES=1 pytest tests/rules/test_form_rule_fixtures.py
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.generate import district, write_texts, write_workbook  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
NAME = "report.txt"


def _clean() -> str:
    """The text of one unit's consistent 2021 report."""
    d = district(1, (2021,), seed=11)
    d.reports = [r for r in d.reports if r.unit == d.units[0]]
    tmp = FIXTURES / "_form_tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    (path,) = write_texts(d, tmp)
    text = path.read_text(encoding="utf-8")
    shutil.rmtree(tmp)
    return text


def _row(text: str, label: str, edit) -> str:
    """`text` with the values of the row labelled `label` (its last tab-separated cells) edited."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        cells = line.split("\t")
        labels = [c.strip() for c in cells[:3]]
        if label in labels:
            at = labels.index(label) + 1
            lines[i] = "\t".join(cells[:at] + edit(cells[at:]))
            return "\n".join(lines)
    raise SystemExit(f"模板中没有这一行：{label}")


def _without_appeals(text: str) -> str:
    """`text` without the appeals table (its heading and rows), the section's prose kept."""
    start = text.index("政府信息公开行政复议、行政诉讼情况\n行政复议")
    end = text.index("\n\n", start)
    return text[:start] + text[end + 2:]


def _write(rule: str, name: str, files: dict[str, str | bytes]) -> None:
    folder = FIXTURES / rule / name
    folder.mkdir(parents=True)
    for fname, body in files.items():
        p = folder / fname
        p.write_bytes(body) if isinstance(body, bytes) else p.write_text(body, encoding="utf-8")


def _truncated_workbook() -> bytes:
    """The first half of a real collection workbook: what an interrupted download leaves."""
    d = district(1, (2021,), seed=11)
    tmp = FIXTURES / "_form_tmp.xlsx"
    write_workbook(d, tmp)
    data = tmp.read_bytes()
    tmp.unlink()
    return data[: len(data) // 2]


def main() -> None:
    clean = _clean()
    faults = {
        "F1": {NAME: _row(clean, "2.重复申请", lambda v: [""] * len(v))},
        "F2": {NAME: _row(_row(clean, "行政处罚", lambda v: ["/"]), "1.属于国家秘密",
                          lambda v: ["无"] + v[1:])},
        "F3": {NAME: _row(clean, "1.属于国家秘密", lambda v: v[:-1])},
        "F4": {NAME: _without_appeals(clean)},
        "F5": {"empty.txt": "", "truncated.xlsx": _truncated_workbook()},
    }
    for rule, files in faults.items():
        for part in ("pass", "fail"):       # fail.json stays: the test rewrites it on request
            shutil.rmtree(FIXTURES / rule / part, ignore_errors=True)
        _write(rule, "pass", {NAME: clean})
        _write(rule, "fail", files)
    print("fixtures written under", FIXTURES)


if __name__ == "__main__":
    main()
