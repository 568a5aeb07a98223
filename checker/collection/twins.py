"""One unit's report for one year given twice in one run: a folder holding an earlier collection
workbook beside the documents it was made from, or a unit's .docx and .pdf of the same report.
`xxgk import` writes one sheet for two copies whose figures agree (and says which it kept, and why);
two copies whose figures differ are both kept and said, since only a person can tell which is right
(the check's U2 then names them again). `xxgk check` says the pairs once on stderr."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from ..model import Report
from ..safetext import printable
from ..units import normalise


@dataclass
class Twin:
    kept: Report
    other: Report
    same: bool          # the figures agree wherever both copies were read
    why: str            # why `kept` is the one kept (said to the user)


def twins(reports: list[Report]) -> list[Twin]:
    """Pairs of reports of the same unit and year (normalised names; reports with a unit, a year and
    a format only), the copy to keep first: the one with more cells read; on a tie, a report file
    before a sheet of a workbook holding several reports (a collection made from such files), then
    the first by name."""
    per_file = Counter(r.source for r in reports)
    groups: dict[tuple[str, int], list[Report]] = defaultdict(list)
    for r in reports:
        if r.unit and r.year is not None and r.format is not None:
            groups[(normalise(r.unit), r.year)].append(r)
    out = []
    for group in groups.values():
        if len(group) < 2:
            continue
        ranked = sorted(group, key=lambda r: (-_read(r), per_file[r.source] > 1, str(r.source), str(r.place)))
        kept = ranked[0]
        for other in ranked[1:]:
            why = "读出的数字更多" if _read(kept) > _read(other) else \
                "原始文件优先于汇总工作簿中的副本" if per_file[other.source] > 1 >= per_file[kept.source] else "按文件名先后"
            out.append(Twin(kept, other, _agree(kept, other), why))
    return out


def _read(r: Report) -> int:
    return 0 if r.values is None else int(np.count_nonzero(~np.isnan(r.values)))


def _agree(a: Report, b: Report) -> bool:
    if a.format != b.format or a.values is None or b.values is None or len(a.values) != len(b.values):
        return False
    both = ~np.isnan(a.values) & ~np.isnan(b.values)
    return bool(np.array_equal(a.values[both], b.values[both]))


def name(r: Report, names: dict[str, str] | None = None) -> str:
    """A report as the messages name it: its file (as `names` shows it, if given), and its sheet when
    the file holds several."""
    file = (names or {}).get(str(r.source), str(r.source))
    return printable(file + (f"（{r.place}）" if r.place and r.location_style == "sheet" else ""))


def import_line(t: Twin, names: dict[str, str] | None = None) -> str:
    """One line of stderr for `xxgk import`."""
    kept, other = name(t.kept, names), name(t.other, names)
    head = f"重复的报告：“{printable(t.kept.unit or '')}”{t.kept.year} 年的报告有两份（{kept} 与 {other}）"
    if t.same:
        return f"{head}，数字一致，只导入了 {kept}（{t.why}）。"
    return f"{head}，数字不一致，两份都已导入（校验时 U2 会再次提示），请确认哪一份是正确的，删去另一份。"


def import_lines(pairs: list[Twin], shown: int = 3, names: dict[str, str] | None = None) -> list[str]:
    """`xxgk import`'s lines: one a pair, or for many (an earlier collection of 200 reports in the
    folder) one line: the files whose copies were left out, and the pairs kept both. `names`: the
    files as the collection workbook names them (below the folder given)."""
    if len(pairs) <= shown:
        return [import_line(t, names) for t in pairs]
    show = (names or {}).get
    same = [t for t in pairs if t.same]
    files = Counter(str(t.other.source) for t in same)
    left = "、".join(f"{printable(show(f, f))} 中的 {n} 份" for f, n in list(files.items())[:shown]) \
        + (f" 等 {len(files)} 个文件" if len(files) > shown else "")
    why = Counter(t.why for t in same).most_common(1)[0][0] if same else ""
    kept_files = list(dict.fromkeys(str(t.kept.source) for t in same))
    kept = "、".join(printable(show(f, f)) for f in kept_files[:shown]) \
        + (f" 等 {len(kept_files)} 个文件" if len(kept_files) > shown else "")
    differ = [t for t in pairs if not t.same]
    return [f"{len(pairs)} 份报告重复出现（同一单位同一年度）：" + "；".join(filter(None, [
        f"数字一致、未导入的 {len(same)} 份：{left}（保留的是 {kept}；{why}）" if same else "",
        f"数字不一致、两份都已导入的 {len(differ)} 对：{_pairs(differ, shown, show)}（校验时 U2 会再次提示，请确认哪一份是正确的）"
        if differ else ""])) + "。"]


def _by_files(pairs: list[Twin]) -> list[tuple[tuple[str, str], int]]:
    return list(Counter((str(t.kept.source), str(t.other.source)) for t in pairs).items())


def _pairs(pairs: list[Twin], shown: int, show=lambda f, _: f) -> str:
    files = _by_files(pairs)
    return "；".join(f"{printable(show(a, a))} 与 {printable(show(b, b))}" + (f"（{n} 份）" if n > 1 else "") for (a, b), n in files[:shown]) \
        + (f"；等 {len(files)} 对文件" if len(files) > shown else "")


def check_line(pairs: list[Twin]) -> str:
    """One line of stderr for `xxgk check`: the pairs of files, each pair once, with its count."""
    files = Counter(str(t.other.source) for t in pairs)
    one = [t for t in pairs if files[str(t.other.source)] == 1]
    named = [f"{printable(f)} 中的 {n} 份与其他文件" for f, n in files.items() if n > 1] + \
        [f"{printable(str(t.kept.source))} 与 {printable(str(t.other.source))}" for t in one]
    listed = "；".join(named[:3]) + (f"；等 {len(named)} 处" if len(named) > 3 else "")
    return (f"{len(pairs)} 份报告重复出现（同一单位同一年度）：{listed}。每对只有一份参与年度间和上下级核对，"
            "表内的问题两份各列一次（U2）；如果文件夹里放了以前的汇总工作簿或同一报告的不同格式，请移走重复的文件后再核对。")
