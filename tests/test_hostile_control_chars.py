"""Control characters in file names and report text. A worksheet cannot hold them (openpyxl raised
IllegalCharacterError: `import` and `--annotate` ended with exit 6 and a traceback), and a terminal
obeys them (ESC sequences clear the screen or retitle the window; CR overwrites a line with a forged
one). They are written and shown as visible escapes (`\\x1b`); the report is read and checked."""
from __future__ import annotations

import os
import re

import openpyxl

from hostile import SEEDS, assert_clean, digest, written_formulas, xxgk

SEED_2021 = SEEDS / "003_15d564b43078fcdc.txt"
OBEYED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")     # what a terminal acts on (newline and tab are text)


def _inputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    text = SEED_2021.read_text(encoding="utf-8")
    assert "行政许可\t2483" in text
    (src / "a\x1b[2J\x1b]0;pwned\x07.txt").write_text(text, encoding="utf-8")
    (src / "b\rfake.txt").write_text(text.replace("南岗区城管局", "道里区城管局"), encoding="utf-8")
    # a cell and the title of a web page carrying ESC (`&#27;`): report text, not the file name
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in line.split("\t")) + "</tr>"
                   for line in text.splitlines() if "\t" in line)
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if "\t" not in line)
    body = body.replace("南岗区城管局", "香坊区&#27;[31m城管局&#7;", 1)
    rows = rows.replace("<td>2483</td>", "<td>24&#27;83</td>")
    (src / "page.html").write_text(f"<html><body>{body}<table>{rows}</table></body></html>", encoding="utf-8")
    return src


def _shown(run) -> list[str]:
    return OBEYED.findall(run.out + run.err)


def test_control_characters_are_written_and_shown_escaped(tmp_path):
    src = _inputs(tmp_path)
    before = digest([src])
    coll = tmp_path / "汇总.xlsx"
    run = xxgk("import", src, "-o", coll)
    assert_clean(run)
    assert run.code == 0, run.text[-3000:]
    assert _shown(run) == []
    wb = openpyxl.load_workbook(coll)
    text = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("a\\x1b[2J\\x1b]0;pwned\\x07.txt" in v for v in text), "the file name, escaped"
    assert written_formulas(coll) == []

    ann = tmp_path / "标注.xlsx"
    run = xxgk("check", src, "--annotate", ann)
    assert_clean(run)
    assert run.code == 1, run.text[-3000:]
    assert _shown(run) == []
    messages = [c.value for row in openpyxl.load_workbook(ann)["校验结果"].iter_rows() for c in row]
    assert any(isinstance(v, str) and "\\x1b" in v for v in messages)

    for args in (("check", src), ("check", src, "--summary"), ("extract", src, "--format", "table"),
                 ("check", coll, "--annotate", tmp_path / "再标注.xlsx")):
        run = xxgk(*args)
        assert_clean(run)
        assert run.code in (1, 0), run.text[-3000:]
        assert _shown(run) == [], (args, run.text[-2000:])
    assert digest([src]) == before
    assert sorted(os.listdir(src)) == sorted(["a\x1b[2J\x1b]0;pwned\x07.txt", "b\rfake.txt", "page.html"])
