"""A seed's lines through the prose analysis alone (no tables read), optionally with one edit."""
from __future__ import annotations

from checker.model import Report
from checker.prose import analyse


def analysed(path, edit=None) -> Report:
    text = path.read_text(encoding="utf-8")
    if edit:
        text = text.replace(*edit)
    report = Report(source=str(path))
    analyse(text.splitlines(), report)
    return report
