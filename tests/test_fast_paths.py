"""The main process's fast paths (bench/NOTES.md, issue 13 speed) give exactly what the plain
path gives, on the same inputs: JSON by an encoder made once, files found without a Path each."""
import json
import os
from pathlib import Path

import pytest

from checker.readers import discover
from checker.render.check_output import _dumps


@pytest.mark.parametrize("value", [
    None, True, 0, -3, 1.5, 1e308, float("nan"), float("inf"), 12345678901234567890,
    'a"b\\c\n\u2028中文\x00\ud800', [], {}, (1, 2), [1, [2, {"a": None}]],
    {"单位": "某区", 1: 2, None: 3, 2.5: "x", False: True, "cells": [{"cell": "t1.r1.c1", "value": -0.0}]},
])
def test_json_by_an_encoder_made_once_is_json_dumps(value):
    assert _dumps(value) == json.dumps(value, ensure_ascii=False)


def test_json_that_cannot_be_written_fails_as_json_dumps_fails_and_leaves_nothing_behind():
    loop: list = []
    loop.append(loop)
    for bad in ({(1, 2): 1}, {"a": object()}, {1, 2}, loop):
        with pytest.raises(Exception) as ours:
            _dumps(bad)
        with pytest.raises(Exception) as theirs:
            json.dumps(bad, ensure_ascii=False)
        assert (type(ours.value), str(ours.value)) == (type(theirs.value), str(theirs.value))
    shared = [1]
    assert _dumps([shared, shared]) == "[[1], [1]]"        # not taken for a loop after a failure


def _tree(root: Path) -> None:
    for name in ("a/b/c.txt", "a/b c.txt", "a/b.txt", "a/b0.txt", "a b/1.md", "a b.txt", "a-/z.htm", "a-.txt",
                 "A.txt", "a.d/r.docx", "a.d/x/q.pdf", "a.txt", "z/0.txt", "z/y/x/w/deep.txt", "中文/子/年报.txt",
                 "中文/甲.txt", "a/~$lock.txt", "a/.hidden.txt", "a/old.doc", "z/y/foo.wps", "empty/", "one/only.txt"):
        path = root / name
        if name.endswith("/"):
            path.mkdir(parents=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    os.symlink(root / "a.txt", root / "z" / "in.txt")           # a link inside the folder: read
    os.symlink("/etc/hostname", root / "a" / "out.txt")         # a link out of it: an F5


@pytest.mark.skipif(os.name != "posix", reason="the text order is the POSIX one")
def test_files_found_as_text_are_the_paths_found_in_the_same_order(tmp_path, monkeypatch):
    """`discover(as_text=True)` (the sharded check) gives str() of the Paths `discover` gives, in the
    order sorting the Paths gives, with the same findings, however the folder is spelled."""
    _tree(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    for spelled in ("in", "./in", "in/", str(tmp_path / "in"), "in/./a/..", "in/a"):
        paths, problems = discover([Path(spelled)])
        text, problems_too = discover([Path(spelled)], as_text=True)
        assert text == [str(p) for p in paths] and all(type(t) is str for t in text), spelled
        assert paths == sorted(paths) and all(type(p) is not str for p in paths)
        assert [f.to_json() for f in problems] == [f.to_json() for f in problems_too]
    paths, problems = discover([tmp_path / "in"])
    names = [p.relative_to(tmp_path / "in").as_posix() for p in paths]
    assert names == ["A.txt", "a/b/c.txt", "a/b c.txt", "a/b.txt", "a/b0.txt", "a b/1.md", "a b.txt", "a-/z.htm",
                     "a-.txt", "a.d/r.docx", "a.d/x/q.pdf", "a.txt", "one/only.txt", "z/0.txt", "z/in.txt",
                     "z/y/x/w/deep.txt", "中文/子/年报.txt", "中文/甲.txt"]
    assert sorted(Path(f.source).name for f in problems) == ["foo.wps", "old.doc", "out.txt"]
    text, _ = discover([Path(".")], as_text=True)
    assert text[0] == "in/A.txt"            # str(Path("./in/A.txt")): as the Paths print it
