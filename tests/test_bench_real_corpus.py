"""`python -m bench.real_corpus` adds up how the real corpus reads against the values typed by hand: a cell read as
typed is right, a blank one unread, any other value wrong (and the command then exits 1), through the real CLI."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from bench import real_corpus

SEED = Path(__file__).parent / "fixtures" / "seeds" / "000_1cda018db4f6af73.txt"


def _folder(tmp_path: Path, typed: dict, sample: bool = False) -> Path:
    folder = tmp_path / "corpus-x"
    folder.mkdir()
    shutil.copy(SEED, folder / "page.txt")
    data = {"typed": "sample"} if sample else {}
    (folder / "expected.json").write_text(json.dumps({**data, "files": {"page": typed}}, ensure_ascii=False),
                                          encoding="utf-8")
    return folder


def test_cells_read_as_typed_are_right_and_a_typed_value_the_page_does_not_print_is_wrong(tmp_path):
    folder = _folder(tmp_path, {
        "unit": "哈尔滨文化园区管理处", "year": 2020, "format": "2019",
        "checked": {"active.regulations.made": 0, "active.regulations.published": 7}}, sample=True)
    t = real_corpus.measure(folder)
    assert t.facts == {"unit": [1, 0, 0], "year": [1, 0, 0], "format": [1, 0, 0]}
    assert t.cells == [1, 0, 1]
    assert t.wrong == 1 and "active.regulations.published" in t.wrong_examples[0]


def test_a_wrong_year_counts_wrong_and_the_command_exits_1(tmp_path):
    folder = _folder(tmp_path, {"unit": None, "year": 2021, "format": "2019", "checked": {}})
    out = subprocess.run([sys.executable, "-m", "bench.real_corpus", str(folder)], capture_output=True, text=True,
                         encoding="utf-8", check=False, cwd=Path(__file__).parents[1])
    assert out.returncode == 1, out.stderr
    assert "| corpus-x | 1 | 0 | 0/0/0 | 0/0/1 | 1/0/0 |" in out.stdout
    assert "读错：corpus-x/page year" in out.stdout


def test_the_real_corpus_reads_no_cell_body_year_or_template_wrongly():
    """The whole corpus as README reports it: nothing read wrongly, and most typed cells read."""
    out = subprocess.run([sys.executable, "-m", "bench.real_corpus", "--json"], capture_output=True, text=True,
                         encoding="utf-8", check=False, cwd=Path(__file__).parents[1])
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    total = json.loads(out.stdout)["合计"]
    right, unread, wrong = total["cells"]
    assert wrong == 0 and total["undecidable"][1] == 0
    assert right > 12_000 and right / (right + unread) > 0.95


def test_a_value_read_into_a_cell_the_page_does_not_print_is_wrong_unless_the_folder_types_a_sample(tmp_path):
    """The seed prints every table; typing only two of its cells says the page prints no other: each other value read
    is then a cell the page does not print (wrong). A folder whose expected.json says `"typed": "sample"` (some cells
    checked by hand) is not judged so."""
    folder = _folder(tmp_path, {"unit": "哈尔滨文化园区管理处", "year": 2020, "format": "2019",
                                "checked": {"active.regulations.made": 0}})
    t = real_corpus.measure(folder)
    assert t.cells == [1, 0, 0] and t.unprinted > 50 and t.wrong == t.unprinted
    assert any("页面没有印这一格" in ex for ex in t.wrong_examples)
    data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    (folder / "expected.json").write_text(json.dumps({"typed": "sample", **data}, ensure_ascii=False), encoding="utf-8")
    t = real_corpus.measure(folder)
    assert t.unprinted == 0 and t.wrong == 0
