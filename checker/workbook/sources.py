"""How a report's source file is named in a workbook we write: as the path below the folder (or
beside the file) given on the command line, `乡镇/xx镇2021.docx`, never the absolute path of the
machine that read it: the workbook goes back to the offices, and a reviewer's user name and
folders are not theirs to see. Each source keeps a name of its own."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

from ..model import Finding


def shown_sources(sources: Iterable[str | None], inputs: Sequence[Path] = ()) -> dict[str, str]:
    """source as read -> source as written. Below a folder given: the path under it (with the
    folder's own name in front when several inputs were given: `甲/a.docx`, `乙/a.docx`); a file
    given, or one under no input: its file name; a name taken twice gets a number (`a（2）.docx`).
    A source's name does not depend on the sources after it (the reports first, then others)."""
    several = len(inputs) > 1
    roots = [Path(p).resolve() for p in inputs if Path(p).is_dir()]
    shown: dict[str, str] = {}
    taken: set[str] = set()
    for source in dict.fromkeys(s for s in sources if s):
        path = Path(source).resolve()
        root = next((root for root in roots if path.is_relative_to(root)), None)
        if root is None:
            name = path.name
        else:
            name = path.relative_to(root).as_posix()
            name = f"{root.name}/{name}" if several and root.name else name
        shown[source] = _free(name or source, taken)
    return shown


def shown_findings(findings: Iterable[Finding], shown: dict[str, str]) -> list[Finding]:
    """The findings as a workbook we write shows them: every source path in their message, place
    and source written as `shown` names it (a message may name two files: 出现了两份（a 与 b）)."""
    pairs = sorted(((s, n) for s, n in shown.items() if s != n), key=lambda p: -len(p[0]))

    def rename(text: str | None) -> str | None:
        for source, name in pairs:
            if text and source in text:
                text = text.replace(source, name)
        return text
    return [dataclasses.replace(f, message=rename(f.message) or "", where=rename(f.where), source=rename(f.source))
            for f in findings]


def _free(name: str, taken: set[str]) -> str:
    """`name`, or `a（2）.docx`, `a（3）.docx`… when it is taken."""
    p, out, n = PurePosixPath(name), name, 2
    while out in taken:
        out, n = str(p.with_name(f"{p.stem}（{n}）{p.suffix}")), n + 1
    taken.add(out)
    return out
