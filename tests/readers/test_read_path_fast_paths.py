"""Shortcuts on the way from a file's name to its reader give what the full computation gives
(p10, issue 13): a text file's path kept as text and opened once (`readers.read_path`, `is_plain`,
`path_name`, `_suffix`) and the bar-ended test skipped when the text holds no `|` (`text.cell_lines`). Each is
fed the same inputs as its full path: every text fixture (seeds, real corpus pages, rule
fixtures), constructed edge cases and random strings, and compared."""
from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from checker.readers import READERS, _suffix, is_plain, path_name, read_path, safety, text
from test_label_fast_paths import _fixture_texts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md", ".text"))

EDGE_PATHS = [
    "", ".", "..", "/", "//", "///", "a", "a.txt", "/a.txt", "//a.txt", "///a.txt", "a//b.txt", "a/b.txt/", "a/b.txt//",
    "./a.txt", "a/./b.txt", "a/.", "a/..", "../a.txt", "a/../b.txt", ".txt", ".a.txt", "a/.txt", "a/.b.txt", "a.txt.",
    "a.", "a..txt", "a.TXT", "a.Txt", "a.md", "a.text", "a.html", "a.htm", "a.pdf", "a.xlsx", "a.txt.pdf", "a.pdf.txt",
    "a b.txt", " a.txt", "a.txt ", "a\\b.txt", "a\\.txt", "报告.txt", "文件夹/报告.TXT", "a/b.c/d", "a/b.c/d.txt",
    "a\udcff.txt", "\udcff/b.txt", "a\x00.txt", "a\n.txt", "~$a.txt", "a/~$b.txt", "a.txt/b",
]


def _random_paths(n: int, seed: int = 10) -> list[str]:
    rng = random.Random(seed)
    alphabet = "/./a/b.txt.md.TXT.pdf\\ 报~$"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(n)]


PATHS = EDGE_PATHS + [str(p) for p in TEXTS] + [str(p.relative_to(FIXTURES.parent)) for p in TEXTS] + _random_paths(30_000)


def test_a_plain_path_text_is_its_paths_text():
    """`is_plain(s)`: s is `str(Path(s))`, and its name and suffix are the Path's (the text reader
    and `check_file` use only those)."""
    plain = 0
    for s in PATHS:
        if "\x00" in s or not is_plain(s):
            continue
        plain += 1
        p = Path(s)
        assert str(p) == s, s
        assert path_name(s) == p.name, s
        assert _suffix(s) == p.suffix.lower(), s
    assert plain > 5_000      # the test saw many plain texts, not only the rejected ones


def test_every_fixture_path_is_plain():
    """What `discover(as_text=True)` gives (a Path's text) takes the shortcut: otherwise it saves nothing."""
    from checker.readers import discover
    files, _ = discover([FIXTURES], as_text=True)
    texts = [f for f in files if READERS.get(Path(f).suffix.lower()) == "text"]
    assert texts and all(is_plain(f) for f in texts if "/." not in f)


def _result(result) -> list[str]:
    out = [json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True) for f in result.failures]
    for r in result.reports:
        out.append(json.dumps(r.to_json(), ensure_ascii=False, sort_keys=True, default=str))
        out.append(repr((np.asarray(r.values).tobytes(), np.asarray(r.present).tobytes(), np.asarray(r.loc).tobytes())))
        out.append(repr((r.source, r.parts, r.place, r.location_style)))
    return out


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_read_path_same_for_text_and_path(path):
    """A text fixture read by its path's text (the shortcut) and by its Path: the same reports,
    findings, values, places and sources; the same failure for a file that cannot be read."""
    assert _result(read_path(str(path))) == _result(read_path(path))


def test_read_path_failures_same_for_text_and_path(tmp_path, monkeypatch):
    """Files that fail: missing, empty, not text, too large (the limit lowered), not decodable, a
    folder named like a text, a link to itself, a link to nothing. (The text path opens the file
    first; one that does not open takes the checks the Path takes.)"""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\u3000\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "big.txt").write_text("规章\t1\t2\t3\n" * 200, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes("规章".encode("utf-8") + b"\xff\xfe\x80")
    (tmp_path / "name\udcff.txt").write_text("某某局2022年政府信息公开工作年度报告\n", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()        # opens (O_RDONLY), then its reading fails
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    monkeypatch.setitem(safety.MAX_FILE_BYTES, "text", 1000)
    names = ["missing.txt", "empty.txt", "blank.txt", "binary.txt", "big.txt", "bad.txt", "name\udcff.txt",
             "folder.txt", "loop.txt", "dangling.txt"]
    for name in names:
        s = str(tmp_path / name)
        assert is_plain(s)
        got, want = _result(read_path(s)), _result(read_path(Path(s)))
        assert got == want, name
        assert got, name       # every one says something: a report or a failure


def test_read_path_non_plain_texts_go_by_path(tmp_path, monkeypatch):
    """A text that is not its Path's text (`a//b.txt`, `./b.txt`) is read as its Path: the source
    the reports name is the Path's, as before."""
    sub = tmp_path / "a"
    sub.mkdir()
    (sub / "b.txt").write_text("某某局2022年政府信息公开工作年度报告\n规章\t1\t0\t1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for s in ("a//b.txt", "./a/b.txt", "a/./b.txt", str(tmp_path) + "//a/b.txt"):
        assert not is_plain(s)
        got = read_path(s)
        assert _result(got) == _result(read_path(Path(s)))
        assert got.reports[0].source == str(Path(s))


EDGE_TEXTS = ["", "|", "规章 |\n0 |\n", "a|b", "\n".join(["规章 |", "0 |", "|"] * 6), "｜规章｜1｜", "规章\t1\n|"]


def test_cell_lines_without_bars_as_with():
    """`cell_lines(lines, "|" in text)` (the bar-ended test skipped for a text without `|`) is
    `cell_lines(lines)`, and so are the rows."""
    texts = _fixture_texts() + EDGE_TEXTS      # every text fixture's text
    with_bars = 0
    for t in texts:
        lines = t.splitlines()
        bars = "|" in t
        with_bars += bars
        assert text.cell_lines(lines, bars) == text.cell_lines(lines)
        if not bars:
            assert not text._bar_ended(lines)
    assert with_bars > 10 and len(texts) - with_bars > 100
