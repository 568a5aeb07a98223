"""Annotating a workbook with a check's findings: one plan, two thin backends (docs/architecture.md).

`annotate_file` never modifies its inputs: it annotates a copy of a single input workbook, or,
for report documents (or several inputs), the collection workbook it writes from the reports;
the output is written atomically and an existing one is kept unless `force`.
"""
from __future__ import annotations

import copy
import posixpath
import re
import shutil
import sys
import warnings
import zipfile
from pathlib import Path

from ..check import WORKBOOK_SUFFIXES
from ..collection import OVERVIEW_SHEET
from ..safetext import escape_strings
from ..workbook import OutputError, OutputExists, atomic_path, check_output, save_atomic, write_collection
from ..workbook.sources import shown_findings, shown_sources
from . import locate as _locate
from .plan import Plan, build
# Parts of an .xlsx that openpyxl does not write back, by the zip folder that holds them.
DROPPED_PARTS = {"xl/charts/": "图表", "xl/media/": "图片", "xl/pivotTables/": "数据透视表",
                 "xl/drawings/": "图形/图片", "xl/slicers/": "切片器"}


class AnnotateWarning(UserWarning):
    """Something the reviewer should know about the annotated copy (parts openpyxl drops)."""


class AnnotateError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def annotate_file(result, out: Path, engine: str = "auto", force: bool = False, seen=None) -> Path:
    """Write an annotated copy of the checked workbook (or a new collection workbook) to `out`.
    What was checked, and so which of the two, comes from the result (`CheckResult.inputs/kind`).
    `seen`: called with the plan once it is built (the CLI says its 待处理/已核实 counts)."""
    seen = seen or (lambda plan: None)
    out = Path(out)
    inputs = [Path(p) for p in result.inputs]
    check_annotate_output(out, inputs, result.kind, engine, force)
    result = _as_shown(result, inputs)
    escape_strings(result.reports)      # control characters a worksheet cannot hold: visible escapes
    escape_strings(result.findings)
    if result.kind != "workbook":
        return _annotate_collection(result, out, force, seen)
    source = inputs[0]
    if engine == "excel" or (engine == "auto" and excel_available()):
        return _annotate_with_excel(result, source, out, force, seen)
    return _annotate_with_openpyxl(result, source, out, force, seen)


def check_annotate_output(out: Path, inputs: list[Path], kind: str, engine: str = "auto", force: bool = False) -> None:
    """Refuse an annotated output that cannot be written, before the check reads anything (the CLI
    calls this first: a wrong name is said in a second, not after the whole check). `kind`: what
    the inputs are (`check.input_kind`), which decides the extension the copy must have."""
    if engine not in ("auto", "excel", "openpyxl"):
        raise AnnotateError(f"未知的标注引擎：{engine}（可选 auto、excel、openpyxl）。")
    copy = f"{inputs[0].stem}-标注{inputs[0].suffix}" if kind == "workbook" else "标注.xlsx"
    try:
        check_output(out, inputs, force, example=copy)     # never an input, whatever the flags; writable
    except OutputExists:
        raise
    except OutputError as e:
        raise AnnotateError(e.message) from None
    if out.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise AnnotateError(f"标注输出必须是 .xlsx 或 .xlsm 文件：{out}")
    if kind != "workbook":
        if out.suffix.lower() != ".xlsx":
            raise AnnotateError(f"汇总工作簿应保存为 .xlsx：{out}")
        return
    if out.suffix.lower() != inputs[0].suffix.lower():
        raise AnnotateError(f"标注副本的扩展名应与输入相同（{inputs[0].suffix}），否则 Excel 无法打开：{out}")
    if engine == "excel" and not excel_available():
        raise AnnotateError("--engine excel 需要装有 Excel 的 Windows 或 macOS 电脑；本机请用 --engine openpyxl（或 auto）。")


def plan_for_collection(result) -> tuple[object, Plan]:
    """The collection workbook for `result.reports` and the plan that flags it (no file written)."""
    from .openpyxl_backend import OpenpyxlView
    # the inputs that could not be read listed on its `未导入` sheet, as `xxgk import` lists them: a
    # second round checks this workbook, and they must not drop out of it
    coll = write_collection(result.reports, inputs=[Path(p) for p in result.inputs], failures=result.unreadable)
    plan = build(result, _locate.from_collection(coll, result.reports), OpenpyxlView(coll.workbook))
    return coll, plan


def _annotate_collection(result, out: Path, force: bool, seen) -> Path:
    from .openpyxl_backend import apply
    coll, plan = plan_for_collection(result)
    seen(plan)
    apply(plan, coll.workbook)
    return save_atomic(coll.workbook, out, force=force)


def _as_shown(result, inputs: list[Path]):
    """The result as the workbook we write names files: below the inputs, never this machine's
    absolute paths (the workbook goes back to the offices; `workbook.sources`)."""
    sources = [r.source for r in result.reports] + [f.source for f in result.findings]
    shown = copy.copy(result)
    shown.findings = shown_findings(result.findings, shown_sources(sources, inputs))
    return shown


def _annotate_with_openpyxl(result, source: Path, out: Path, force: bool, seen) -> Path:
    from .fastload import load_workbook
    from .openpyxl_backend import OpenpyxlView, apply
    from ..readers import ReadError
    from ..readers.safety import check_package
    try:
        # openpyxl would hang or run out of memory on a bomb; a sheet whose span alone is too wide (a
        # stray value far away: few cells, as openpyxl holds them) is not read, but kept in the copy
        check_package(source, sheets_apart=True, sparse_only=True)
    except ReadError as e:
        raise AnnotateError(f"无法标注：{e.message}") from None
    try:
        wb = load_workbook(source, keep_vba=source.suffix.lower() == ".xlsm", rich_text=True)
    except Exception as e:
        raise AnnotateError(f"无法打开工作簿 {source}：{type(e).__name__}: {e}") from e
    try:
        plan = build(result, _locate.from_reports(result.reports, source=str(source)), OpenpyxlView(wb))
        seen(plan)
        dropped = dropped_parts(source, plan.overview_name)
        if dropped:
            warnings.warn(f"{source.name} 含有{('、'.join(dropped))}，用 openpyxl 写出的标注副本中不会保留；"
                          f"在装有 Excel 的电脑上用 --engine excel 可完整保留。", AnnotateWarning, stacklevel=2)
        _say_apart(plan, source)
        apply(plan, wb)
        return save_atomic(wb, out, force=force, inputs=[source])
    finally:
        if wb.vba_archive is not None:   # an .xlsm's macros, held in memory: closed while that still exists
            wb.vba_archive.close()        # (left to exit, its close fails: "I/O operation on closed file")


def _annotate_with_excel(result, source: Path, out: Path, force: bool, seen) -> Path:
    """Through Excel itself, so nothing openpyxl would drop is lost: copy, open, flag, save, rename."""
    import xlwings as xw

    from . import xlwings_backend as xb
    with atomic_path(out) as tmp:
        shutil.copyfile(source, tmp)
        app = xw.App(visible=False, add_book=False)
        try:
            book = app.books.open(tmp)
            plan = build(result, _locate.from_reports(result.reports, source=str(source)), xb.XlwingsView(book))
            seen(plan)
            _say_apart(plan, source)
            xb.apply(plan, book)
            book.save()
            book.close()
        finally:
            app.quit()
    return out


def _say_apart(plan: Plan, source: Path) -> None:
    """The workbook's own 校验结果/概览/_xxgk sheet is kept: the reviewer is told where ours went."""
    for theirs, ours in plan.apart():
        warnings.warn(f"{source.name} 原有的“{theirs}”工作表不是 xxgk 写的，标注副本中原样保留；"
                      f"xxgk 的写在“{ours}”工作表。", AnnotateWarning, stacklevel=3)


def excel_available() -> bool:
    """Excel can be driven only on Windows and macOS, and only where it is installed."""
    if sys.platform not in ("win32", "darwin"):
        return False
    try:
        import xlwings as xw
        return xw.apps.count >= 0 and bool(xw.engines) and xw.engines.active is not None
    except Exception:
        return False


def dropped_parts(path: Path, overview: str = OVERVIEW_SHEET) -> list[str]:
    """What in this .xlsx/.xlsm openpyxl would not write back (charts, images, pivot tables); the
    charts of our own overview sheet (`overview`: 概览, or its name apart) are drawn again, so they
    are not counted."""
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            own = _parts_of_sheet(z, overview)
    except (zipfile.BadZipFile, OSError):
        return []
    names = [n for n in names if n not in own]
    found = []
    for prefix, label in DROPPED_PARTS.items():
        hits = [n for n in names if n.startswith(prefix)]
        if prefix == "xl/drawings/":   # drawings hold our own notes' VML too: only count real drawings
            hits = [n for n in hits if n.endswith(".xml") and "vml" not in n and "_rels" not in n]
        if hits and label not in found:
            found.append(label)
    return found


def _targets(z: zipfile.ZipFile, rels: str) -> dict[str, str]:
    """Relationship id -> the part it points at (zip path), from one .rels part."""
    if rels not in z.namelist():
        return {}
    base = rels.replace("_rels/", "").rsplit("/", 1)[0]
    out = {}
    for rid, target in re.findall(rb'Id="([^"]+)"[^>]*?Target="([^"]+)"', z.read(rels)) + \
            [(b, a) for a, b in re.findall(rb'Target="([^"]+)"[^>]*?Id="([^"]+)"', z.read(rels))]:
        out[rid.decode()] = posixpath.normpath(posixpath.join(base, target.decode())).lstrip("/")
    return out


def _parts_of_sheet(z: zipfile.ZipFile, name: str) -> set[str]:
    """The drawing and chart parts (with their rels) that belong to the sheet called `name`."""
    try:
        book = z.read("xl/workbook.xml").decode("utf-8")
    except KeyError:
        return set()
    m = re.search(r'<sheet [^>]*name="' + re.escape(name) + r'"[^>]*r:id="([^"]+)"', book)
    if not m:
        return set()
    sheet = _targets(z, "xl/_rels/workbook.xml.rels").get(m.group(1))
    own: set[str] = set()
    todo = [sheet] if sheet else []
    while todo:
        part = todo.pop()
        folder, file = part.rsplit("/", 1)
        rels = f"{folder}/_rels/{file}.rels"
        for target in _targets(z, rels).values():
            if target.startswith(("xl/drawings/", "xl/charts/")) and target not in own:
                own.update({target, f"{target.rsplit('/', 1)[0]}/_rels/{target.rsplit('/', 1)[1]}.rels"})
                todo.append(target)
    return own


__all__ = ["annotate_file", "check_annotate_output", "plan_for_collection", "AnnotateWarning", "AnnotateError", "OutputExists",
           "OutputError", "dropped_parts", "excel_available", "build"]
