"""The `xxgk` command: parses options, calls one library function, renders the result.
No rule logic and no workbook code lives here."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from . import exitcodes
from .cli_zh import Command, Group
from .safetext import printable

if TYPE_CHECKING:
    from .workbook import OutputError

# what the readers read (tests/test_cli_help.py pins it against checker.readers.READERS)
SUFFIXES = ".txt .md .xlsx .xlsm .xls .ods .docx .pdf .html .htm"
PATHS_HELP = f"报告文件或文件夹（读取其中的 {SUFFIXES} 文件）"
PATHS = "文件或文件夹"
EXIT_CODES = exitcodes.help_text()

app = typer.Typer(
    name="xxgk", cls=Group, no_args_is_help=True, add_completion=False, epilog=EXIT_CODES,
    help="政府信息公开工作年度报告一致性校验工具：读取报告、核对表内表间和年度间的勾稽关系、在工作簿中标出有问题的单元格。",
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version
        try:
            typer.echo(f"xxgk-checker {version('xxgk-checker')}")
        except PackageNotFoundError:      # run from a source tree that was never installed
            typer.echo("xxgk-checker（未安装，版本未知）")
        raise typer.Exit(exitcodes.OK)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                        metavar="", help="显示版本号并退出。")) -> None:
    """政府信息公开工作年度报告一致性校验工具：读取报告、核对表内表间和年度间的勾稽关系、在工作簿中标出有问题的单元格。"""


class ExtractFormat(str, Enum):
    json = "json"
    table = "table"


@contextmanager
def _reader_may_stop():
    """Output piped into a program that stops reading early (`xxgk extract … | head`): the rest is
    dropped quietly and the command goes on as if all was read (the annotated workbook, the messages
    on stderr, the exit code): a closed pipe is the reader's choice, not an error of the check."""
    try:
        yield
    except BrokenPipeError:
        _drop_stdout()
    finally:
        try:
            sys.stdout.flush()   # what is still buffered, inside the guard: head may be gone by now
        except BrokenPipeError:
            _drop_stdout()


def _closed_pipe_not_an_exit() -> None:
    """rich meets a closed stdout by exiting 1 itself (`Console.on_broken_pipe`, its documented hook),
    which reads as "errors found": raised instead as the BrokenPipeError it is, for `_reader_may_stop`."""
    from rich.console import Console

    def on_broken_pipe(console: Console) -> None:
        console.quiet = True       # nothing more from this console
        raise BrokenPipeError
    Console.on_broken_pipe = on_broken_pipe    # type: ignore[method-assign,assignment]


def _drop_stdout() -> None:
    """Later writes and the final flush go nowhere, quietly (Python's own advice for EPIPE)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _progress(then: str | None = None):
    """Progress on stderr for long runs (nothing for a handful of files)."""
    from .render.progress import progress_callback
    return progress_callback(then=then)


@app.command(cls=Command, epilog=EXIT_CODES)
def extract(
    paths: list[Path] = typer.Argument(..., metavar=PATHS, help=PATHS_HELP, show_default=False),
    format: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f", metavar="格式",
                                         help="输出格式：json（供程序读取）或 table（表格）"),
) -> None:
    """读取报告，输出每份报告的元数据和全部表格单元格（按规范的单元格编号）。"""
    from .extract import extract as run
    from .render import extract_output
    from .render.progress import long_run, stage
    with _progress(then="正在校验数值") as progress:
        result = run(paths, progress=progress)
    # writing the JSON of 10,000 reports (230 MB) takes a minute: said on stderr, never in the output
    with stage(f"正在输出 {len(result.reports)} 份报告", long=long_run.value, plain=True), _reader_may_stop():
        extract_output.render(result, format.value)
    if not result.reports:
        _nothing_read(paths, result.failures)
    elif format == ExtractFormat.json:   # (the table names them on stderr itself)
        _unreadable(result.failures)
    _not_reports(result)   # listed with format null; named on stderr so none passes for a report
    raise typer.Exit(_failed_code(result.failures) or (exitcodes.INPUT if not result.reports else exitcodes.OK))


@app.command(cls=Command, epilog=EXIT_CODES)
def rules(
    format: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f", metavar="格式",
                                         help="输出格式：table（表格）或 json"),
) -> None:
    """列出全部校验规则（编号、名称、严重程度、适用格式）。"""
    from .render import rules_output
    with _reader_may_stop():
        rules_output.render(format.value)


class TemplateFormat(str, Enum):
    f2021 = "2021"
    f2019 = "2019"


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Engine(str, Enum):
    auto = "auto"
    excel = "excel"
    openpyxl = "openpyxl"


def _rule_ids(values: Optional[list[str]], option: str) -> Optional[list[str]]:
    """`--select R1,F --select "M1 M2"` -> ["R1", "F", "M1", "M2"], each checked against the
    catalogue: an unknown id would silently check nothing and read as an all-clear."""
    if not values:
        return None
    from .catalogue import families, parse_selectors
    ids, unknown = parse_selectors(values)
    if unknown:
        _usage_error(f"{option} 中有未知的规则：{'、'.join(unknown)}。可用的规则编号：{families()}，"
                     f"也可以只写类别字母（如 R、F）；运行 xxgk rules 查看全部规则。")
    if not ids:
        _usage_error(f"{option} 没有给出规则编号（如 {option} R1,F）。")
    return ids


def _usage_error(message: str) -> None:
    typer.echo(f"用法错误：{message}", err=True)
    raise typer.Exit(exitcodes.USAGE)


@app.command(cls=Command, epilog=EXIT_CODES)
def check(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., metavar=PATHS, help=PATHS_HELP, show_default=False),
    units: Optional[Path] = typer.Option(None, "--units", metavar="单位清单",
                                         help="单位清单（CSV 或工作簿，列：单位、上级单位），用于上下级汇总核对"),
    format: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", metavar="格式",
                                       help="输出格式：table（表格）、json 或 csv（可用 Excel 打开）"),
    select: Optional[list[str]] = typer.Option(None, "--select", metavar="规则",
                                               help="只运行这些规则（编号或类别，逗号或空格分隔，如 R1,F）"),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", metavar="规则",
                                               help="不运行这些规则（编号或类别，如 R8）"),
    summary: bool = typer.Option(False, "--summary", metavar="",
                                 help="每份报告只输出一行问题统计（表格输出；适合成百上千份报告）"),
    annotate: Optional[Path] = typer.Option(None, "--annotate", metavar="工作簿",
                                            help="把结果标注到工作簿副本（.xlsx 或 .xlsm），另含“校验结果”和“概览”工作表"),
    engine: Engine = typer.Option(Engine.auto, "--engine", metavar="引擎",
                                  help="标注引擎：auto（自动）、excel（通过 xlwings 用 Excel）或 openpyxl"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="文件",
                                          help="结果写入文件：.csv（Excel 可直接打开）、.json 或 .txt，格式随扩展名"),
    force: bool = typer.Option(False, "--force", metavar="", help="输出文件或标注输出文件已存在时覆盖"),
) -> None:
    """核对报告表内、年度间和上下级之间的勾稽关系，指出最可能填错的单元格和应填的值。"""
    from .check import check_paths
    from .render import check_output
    from .render.progress import big_input, long_run, stage
    from .units import UnitsError
    chosen = dict(select=_rule_ids(select, "--select"), ignore=_rule_ids(ignore, "--ignore"))
    from . import notice
    notice.enable()       # a solver call that runs long is said on stderr, not waited out in silence
    if output is not None:
        format = _output_format(output, format, ctx)
    if summary and format != CheckFormat.table:    # said, not silently a full listing
        typer.echo(f"--summary 只用于表格输出（--format table）；{format.value.upper()} 照常列出每条问题。", err=True)
    try:
        if annotate is not None:   # a bad output path or extension fails before the reading, not after
            _check_annotate(annotate, paths, units, engine, force)
        if output is not None:
            from .workbook import check_output as check_output_path
            check_output_path(output, [*paths, *([units] if units else []), *([annotate] if annotate else [])], force)
        big = big_input(paths)
        if big:
            long_run.set()
        own = _own_sheets(paths)
        hierarchy = units if units is not None else _own_units(paths, own)
        counted = _sheets_counted(paths)     # one big workbook: its sheets counted, not only seconds
        with _progress(then="正在核对") as progress, stage("正在读取和核对", long=big, counted=counted):
            result = check_paths(paths, units_file=hierarchy, progress=progress, stand_ins=annotate is None,
                                 output=format.value, **chosen)
        _not_imported(result, chosen, own)
    except UnitsError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(exitcodes.INPUT)
    except _output_error() as e:
        typer.echo(e.message, err=True)
        raise typer.Exit(exitcodes.OUTPUT)
    if format == CheckFormat.table and not summary and len(result.findings) > TABLE_MANY:
        # the table lays out each report's box (~2 ms a finding): say why it takes a while, and how not to
        typer.echo(f"共 {len(result.findings)} 条问题，表格排版需要一些时间；成百上千份报告可用 --summary（每份报告一行）"
                   "或 --format csv（用 Excel 筛选）。", err=True)
    if output is None:
        with _reader_may_stop():
            check_output.render(result, format.value, summary=summary)
    else:
        _render_to(output, result, format.value, summary, force, [*paths, *([units] if units else [])])
    if not result.reports:
        _nothing_read(paths, result.unreadable)
        raise typer.Exit(_failed_code(result.unreadable) or exitcodes.INPUT)
    if format != CheckFormat.table or output is not None:   # JSON/CSV or a file: not read by a person
        _unreadable(result.unreadable)
    strange = _not_reports(result, checked=True)
    _twins(result)
    if annotate is not None:
        from .annotate import AnnotateError, annotate_file
        from .workbook import OutputError
        try:
            plans: list = []
            with stage("正在写出标注工作簿", long=long_run.value or len(result.reports) > 20):
                out = annotate_file(result, annotate, engine=engine.value, force=force, seen=plans.append)
        except (AnnotateError, OutputError) as e:
            typer.echo(e.message, err=True)
            raise typer.Exit(exitcodes.OUTPUT)
        typer.echo(f"已写出标注工作簿：{out}{_reviewed(plans[0]) if plans else ''}", err=True)
    if crashed := result.crashed_rules:     # their findings are missing: never an all-clear
        typer.echo(f"规则 {'、'.join(crashed)} 运行出错，已跳过，其结果不在输出中（这不表示没有问题）。"
                   "这是 xxgk 的问题，请把上面的出错信息反馈给开发者。", err=True)
        raise typer.Exit(exitcodes.INTERNAL)
    raise typer.Exit(_failed_code(result.unreadable) or (exitcodes.INPUT if strange else result.exit_code))


def _twins(result) -> None:
    """Reports given twice (an earlier collection workbook in the folder, a .docx and its .pdf): said
    once on stderr, with what to do — the U2 findings name each pair, among the many findings."""
    from .collection.twins import check_line, twins
    if not result.stats.get("U2", {"failed": 1})["failed"]:
        return       # U2 ran and found none (100k reports: 0.2 s of grouping spared)
    if pairs := twins(result.reports):
        typer.echo(_one_line(check_line(pairs)), err=True)


def _own_sheets(paths: list[Path]) -> dict[str, list[list]]:
    """A collection workbook checked alone: its `单位清单` and `未导入` sheets (`collection.own_sheets_on_disk`)."""
    from .check import input_kind
    if input_kind(paths) != "workbook":
        return {}
    from .collection import own_sheets_on_disk
    return own_sheets_on_disk(paths[0])


def _sheets_counted(paths: list[Path]):
    """The sheets of a single workbook checked, counted as the reader goes (`notice.sheets`), for the
    long check's progress line; None for documents (the per-file progress counts them)."""
    from . import notice
    from .check import input_kind
    notice.sheets.reset()      # (a count of an earlier read in this process is not this one's)
    return notice.sheets if input_kind(paths) == "workbook" else None


def _own_units(paths: list[Path], own: dict[str, list[list]]):
    """A collection workbook checked alone: the units its `单位清单` sheet lists, as the Excel button
    takes them (checker/excel.py), so that both check the same hierarchy. A list that contradicts
    itself is said, and the reports' own 上级单位 serve instead."""
    from .collection import UNITS_SHEET_UNUSED, own_units
    from .units import UnitsError
    try:
        return own_units(paths[0].name, own) if own else None
    except UnitsError as e:
        typer.echo(f"{UNITS_SHEET_UNUSED}{_one_line(str(e))}", err=True)
        return None


def _not_imported(result, chosen: dict, own: dict[str, list[list]]) -> None:
    """A collection workbook checked: the inputs its `未导入` sheet lists (they could not be read when it
    was made) are F5s of this check too, as the Excel button says them: those reports were never checked."""
    if result.kind != "workbook" or not result.reports:
        return
    from .catalogue import select as select_rules
    from .collection import unread_of
    failures = unread_of(result.inputs[0], own)
    result.unreadable += failures
    result.findings[:0] = [f for f in failures if f.rule in select_rules(**chosen)]


def _check_annotate(annotate: Path, paths: list[Path], units: Optional[Path], engine: Engine, force: bool) -> None:
    from .annotate import AnnotateError, check_annotate_output
    from .check import input_kind
    try:
        check_annotate_output(annotate, [*paths, *([units] if units else [])], input_kind(paths), engine.value, force)
    except AnnotateError as e:
        typer.echo(e.message, err=True)
        raise typer.Exit(exitcodes.OUTPUT)


def _reviewed(plan) -> str:
    """After the annotated workbook's name, when a reviewer marked findings 已核实 in it: its counts,
    and that the exit code still counts those errors (it says what the reports hold; a review is a
    note in one workbook: the same reports checked as documents exit the same)."""
    if not plan.accepted:
        return ""
    errors = sum(r.status == "已核实" and r.severity == "error" for r in plan.results)
    code = f"。其中已核实的 {errors} 条错误仍计入退出码（退出码只看报告中的数，复核意见记在工作簿里）。" if errors else ""
    return f"（待处理 {plan.open} 条，已核实 {plan.accepted} 条）{code}"


TABLE_MANY = 2000      # findings: above this the table takes seconds to lay out
OUTPUT_SUFFIXES = {"csv": ".csv", "json": ".json", "table": ".txt"}


def _output_format(output: Path, format: CheckFormat, ctx) -> CheckFormat:
    """The format of `check -o FILE`: as given, else by the file's extension (-o 结果.csv: csv); the
    extension must fit it, since Excel opens a file by its extension (a CSV named .xlsx fails)."""
    source = ctx.get_parameter_source("format") if ctx is not None else None
    given = source is not None and source.name != "DEFAULT"
    if not given:
        by_suffix = {v: k for k, v in OUTPUT_SUFFIXES.items()}.get(output.suffix.lower())
        format = CheckFormat(by_suffix) if by_suffix else format
    wanted = OUTPUT_SUFFIXES[format.value]
    from .workbook import OutputError
    from .workbook.save import not_a_folder
    try:
        not_a_folder(output, f"结果{wanted}")     # before the extension: `-o 结果/` is not "结果.txt"
    except OutputError as e:
        typer.echo(e.message, err=True)
        raise typer.Exit(exitcodes.OUTPUT)
    if output.suffix.lower() != wanted:
        book = "；要把结果标注到工作簿请用 --annotate" if output.suffix.lower() in (".xlsx", ".xlsm") else ""
        typer.echo(f"输出文件“{printable(str(output))}”的扩展名应为 {wanted}（--format {format.value}），"
                   f"如 {printable(str(output.with_suffix(wanted)))}{book}。", err=True)
        raise typer.Exit(exitcodes.OUTPUT)
    return format


def _render_to(output: Path, result, fmt: str, summary: bool, force: bool, inputs: list[Path]) -> None:
    """The check's output written to `output` (whole or not at all): CSV with a BOM, so that Excel on
    Windows (which takes a CSV without one for the local code page, GBK) and on macOS read it as UTF-8."""
    from .render import check_output
    from .workbook import OutputError
    from .workbook.save import save_text
    try:
        save_text(output, lambda stream: check_output.render(result, fmt, out=stream, summary=summary),
                  force=force, inputs=inputs, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    except OutputError as e:
        typer.echo(e.message, err=True)
        raise typer.Exit(exitcodes.OUTPUT)
    typer.echo(f"已写出{ {'csv': ' CSV ', 'json': ' JSON ', 'table': '结果'}[fmt] }文件：{output}", err=True)


def _output_error() -> type[OutputError]:
    """`workbook.OutputError`, imported only when an error is matched against it: checker.workbook
    imports openpyxl (0.2 s at the start of a check that writes no workbook)."""
    from .workbook import OutputError
    return OutputError


def _one_line(text: str) -> str:
    """Report text (a file name) for one line of stderr: control characters and newlines escaped."""
    return printable(text).replace("\n", "\\n")


def _not_reports(result, checked: bool = False) -> list:
    """Inputs with nothing of a report in them, named on stderr: never an all-clear."""
    from .check import NO_REPORT_FOUND, not_a_report_place
    from .render.summary import not_reports
    strange = not_reports(result)
    why = NO_REPORT_FOUND + ("，未做任何核对" if checked else "")
    named = [_one_line(r.source) + (_one_line(f"（{place}）") if (place := not_a_report_place(r)) else "")
             for r in strange]
    if len(named) > SHOWN_FAILURES and checked:     # of thousands: a few named, all are in the output's F5
        typer.echo(f"{len(named)} 个输入无法识别为年度报告（{why}）：{'；'.join(named[:SHOWN_FAILURES])}；"
                   f"等（全部 {len(named)} 个列在输出的 F5 中）", err=True)
        return strange
    for name in named:
        typer.echo(f"无法识别为年度报告：{name}（{why}）", err=True)
    return strange


@app.command("import", cls=Command, epilog=EXIT_CODES)
def import_(
    paths: list[Path] = typer.Argument(..., metavar=PATHS, help=PATHS_HELP, show_default=False),
    output: Path = typer.Option(..., "--output", "-o", metavar="工作簿", help="要写出的汇总工作簿（.xlsx）"),
    units: Optional[Path] = typer.Option(None, "--units", metavar="单位清单",
                                         help="单位清单（CSV 或工作簿，列：单位、上级单位）"),
    force: bool = typer.Option(False, "--force", metavar="", help="输出文件已存在时覆盖"),
) -> None:
    """把报告汇总成一个工作簿（每份报告一个工作表，另有“单位清单”；无法读取的文件列在“未导入”工作表），可直接用 `xxgk check` 校验。"""
    from .workbook import OutputError
    from .collection import UNREAD_SHEET
    from .workbook.importer import import_reports
    try:
        with _progress(then="正在写出汇总工作簿") as progress:
            result = import_reports(paths, output, units_file=units, force=force, progress=progress)
    except OutputError as e:
        typer.echo(e.message, err=True)
        raise typer.Exit(exitcodes.OUTPUT)
    except Exception as e:
        if type(e).__name__ != "UnitsError":
            raise
        typer.echo(str(e), err=True)
        raise typer.Exit(exitcodes.INPUT)
    if result.path is not None and len(result.failures) > SHOWN_FAILURES:   # (thousands of .doc files)
        typer.echo(f"{_failed(result.failures, f'工作簿 {_one_line(str(result.path))} 的工作表“{UNREAD_SHEET}”中')}。"
                   "其余输入照常汇总。", err=True)
    else:
        for f in result.failures:
            typer.echo(f"无法读取：{_one_line(f.message)}", err=True)
    from .collection.twins import import_lines
    from .workbook.sources import shown_sources
    names = shown_sources((str(r.source) for t in result.twins for r in (t.kept, t.other)), paths)
    for line in import_lines(result.twins, SHOWN_FAILURES, names):
        typer.echo(_one_line(line), err=True)
    if result.path is None:
        _nothing_read(paths, result.failures, written=output)
        raise typer.Exit(_failed_code(result.failures) or exitcodes.INPUT)
    strange = _not_reports(result)
    left_out = sum(t.same for t in result.twins)
    with _reader_may_stop():
        typer.echo(f"已写出 {result.path}：{len(result.reports)} 份报告"
                   + (f"（其中 {len(strange)} 份无法识别为年度报告）" if strange else "")
                   + (f"；重复的 {left_out} 份未导入" if left_out else "")
                   + (f"；另有 {len(result.failures)} 个输入无法读取，列在工作表“{UNREAD_SHEET}”中" if result.failures else "")
                   + "。")
    raise typer.Exit(_failed_code(result.failures) or (exitcodes.INPUT if strange else exitcodes.OK))


@app.command(cls=Command, epilog=EXIT_CODES)
def template(
    format: TemplateFormat = typer.Option(TemplateFormat.f2021, "--format", "-f", metavar="版式",
                                          help="表格版式：2021 或 2019"),
    output: Path = typer.Option(..., "--output", "-o", metavar="工作簿", help="要写出的空白模板（.xlsx）"),
    force: bool = typer.Option(False, "--force", metavar="", help="输出文件已存在时覆盖"),
) -> None:
    """写出一个空白的年报表格工作簿，供各单位填写后汇总、校验。"""
    from .workbook import OutputError
    from .workbook.importer import template_file
    try:
        path = template_file(format.value, output, force=force)
    except OutputError as e:
        typer.echo(e.message, err=True)
        raise typer.Exit(exitcodes.OUTPUT)
    with _reader_may_stop():
        typer.echo(f"已写出 {path}（{format.value} 版）。")


def _nothing_read(paths: list[Path], failures: list, written: Path | None = None) -> None:
    """No report read: never an all-clear. When inputs failed, the reasons are what to act on (a
    missing file, a .doc, a reader's own error to report), not "check the paths and formats"."""
    if not failures:
        from .readers import nothing_read
        typer.echo(nothing_read(paths), err=True)
        return
    if written is not None:    # `import` listed each failure above already
        typer.echo(f"没有读到任何报告（上面列出的 {len(failures)} 个输入无法读取），未写出 {_one_line(str(written))}。"
                   "这不表示没有问题。", err=True)
        return
    typer.echo(f"没有检查任何报告：{_failed(failures)}。这不表示没有问题。", err=True)


SHOWN_FAILURES = 3     # inputs named on stderr (of thousands, all are in the output's F5)


def _failed(failures: list, listed: str = "输出的 F5 中") -> str:
    """`N 个输入无法读取：a.txt：reason；b.doc：reason；等` for one line of stderr; `listed`: where
    all of them are."""
    shown = "；".join(_one_line(f.message).rstrip("。") for f in failures[:SHOWN_FAILURES])
    more = f"；等（全部 {len(failures)} 个列在{listed}）" if len(failures) > SHOWN_FAILURES else ""
    internal = sum("反馈给开发者" in f.message for f in failures)
    ours = f"（其中 {internal} 个是本程序读取时出错，不是文件的问题）" if internal else ""
    return f"{len(failures)} 个输入无法读取{ours}：{shown}{more}"


def _failed_code(failures: list) -> int:
    """3 when an input needs a part that is not installed (the fix is an install: exit codes table),
    else 2 when an input could not be read, else 0 (the command decides)."""
    from .extras import needs_install
    if any(needs_install(f.message) for f in failures):
        return exitcodes.MISSING
    return exitcodes.INPUT if failures else 0


def _unreadable(failures: list) -> None:
    """Inputs that failed while others were read, named on stderr when the output goes to a program or
    a file (JSON, CSV, -o): the exit code 2 is then explained where a person looks."""
    if failures:
        typer.echo(f"{_failed(failures)}。其余输入照常处理。", err=True)


def main() -> None:
    _plain_warnings()
    for stream in (sys.stdout, sys.stderr):   # a file name that is not UTF-8 prints escaped, never crashes
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    _closed_pipe_not_an_exit()
    try:
        with _reader_may_stop():    # any other command's output (`xxgk rules | head`)
            app()
    except Exception:       # a bug: say so in Chinese, keep the traceback for the developers
        import traceback
        typer.echo("程序内部出错（这是 xxgk 的问题，不是您的文件的问题）。请把以下信息反馈给开发者：", err=True)
        traceback.print_exc()
        sys.exit(exitcodes.INTERNAL)


def _plain_warnings() -> None:
    """Our own warnings (e.g. an unusable `_xxgk_facts` record) as one line for a person on
    stderr, not Python's `file:line: Category` form."""
    import warnings
    shown = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if category.__module__.startswith("checker."):
            print(f"警告：{message}", file=sys.stderr)
        else:
            shown(message, category, filename, lineno, file, line)
    warnings.showwarning = show


if __name__ == "__main__":
    main()
