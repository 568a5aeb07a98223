"""A seed read by the text reader as it is, or with some of its text replaced (one error put in)."""
from __future__ import annotations

from checker.readers.text import read_text


def read(path, *edits):
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return read_text(text, str(path), path.name)
