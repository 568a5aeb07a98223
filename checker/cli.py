"""The `xxgk` command: parses options, calls one library function, renders the result.
No rule logic and no workbook code lives here."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    name="xxgk", no_args_is_help=True, add_completion=False,
    help="政府信息公开工作年度报告一致性校验工具：读取报告、核对表内表间和年度间的勾稽关系、在工作簿中标出有问题的单元格。",
)


class ExtractFormat(str, Enum):
    json = "json"
    table = "table"


def _progress():
    """A rich progress bar on stderr for long runs (hidden for a handful of files)."""
    from .render.progress import progress_callback
    return progress_callback()


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="报告文件或文件夹（.txt .xlsx .xlsm .xls .docx .pdf .html）"),
    format: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f", help="输出格式：json 或 table"),
) -> None:
    """读取报告，输出每份报告的元数据和全部表格单元格（按规范的单元格编号）。

    退出码：0 全部读取成功；2 有输入文件无法读取（其余文件照常输出），或没有读到任何报告。
    """
    from .extract import extract as run
    from .render import extract_output
    with _progress() as progress:
        result = run(paths, progress=progress)
    extract_output.render(result, format.value)
    if not result.reports:
        _nothing_read(paths)
    raise typer.Exit(2 if result.failures or not result.reports else 0)


@app.command()
def rules(
    format: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f", help="输出格式：table 或 json"),
) -> None:
    """列出全部校验规则（编号、名称、严重程度、适用格式）。"""
    from .render import rules_output
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


def _ids(values: Optional[list[str]]) -> Optional[list[str]]:
    """`--select R1,F --select M` -> ["R1", "F", "M"]."""
    if not values:
        return None
    return [v.strip().upper() for item in values for v in item.split(",") if v.strip()]


@app.command()
def check(
    paths: list[Path] = typer.Argument(..., help="报告文件或文件夹（.txt .xlsx .xlsm .xls .docx .pdf .html）"),
    units: Optional[Path] = typer.Option(None, "--units", help="单位清单（CSV 或工作簿，列：单位、上级单位），用于上下级汇总核对"),
    format: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="输出格式：table、json 或 csv"),
    select: Optional[list[str]] = typer.Option(None, "--select", help="只运行这些规则（编号或前缀，如 R1,F）"),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="不运行这些规则（编号或前缀，如 R8）"),
    annotate: Optional[Path] = typer.Option(None, "--annotate", help="把结果标注到工作簿副本（.xlsx）"),
    engine: Engine = typer.Option(Engine.auto, "--engine", help="标注引擎：auto、excel（xlwings）或 openpyxl"),
    force: bool = typer.Option(False, "--force", help="标注输出文件已存在时覆盖"),
) -> None:
    """核对报告表内、年度间和上下级之间的勾稽关系，指出最可能填错的单元格和应填的值。

    退出码：0 没有错误；1 发现错误；2 有输入无法读取、没有读到任何报告，或标注工作簿无法写出。
    """
    from .check import check_paths
    from .render import check_output
    from .units import UnitsError
    from .workbook import OutputError, check_output as check_output_path
    try:
        if annotate is not None:   # a bad output path fails before the reading, not after
            check_output_path(annotate, [*paths, *([units] if units else [])], force)
        with _progress() as progress:
            result = check_paths(paths, units_file=units, select=_ids(select), ignore=_ids(ignore),
                                 progress=progress)
    except UnitsError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(2)
    except OutputError as e:
        typer.echo(e.message, err=True)
        raise typer.Exit(2)
    check_output.render(result, format.value)
    if not result.reports:
        _nothing_read(paths)
        raise typer.Exit(2)
    if annotate is not None:
        from .annotate import AnnotateError, annotate_file
        try:
            out = annotate_file(result, paths, annotate, engine=engine.value, force=force)
        except (AnnotateError, OutputError) as e:
            typer.echo(e.message, err=True)
            raise typer.Exit(2)
        typer.echo(f"已写出标注工作簿：{out}", err=True)
    raise typer.Exit(result.exit_code)


@app.command("import")
def import_(
    paths: list[Path] = typer.Argument(..., help="报告文件或文件夹（.txt .docx .pdf .html .xlsx 等）"),
    output: Path = typer.Option(..., "--output", "-o", help="要写出的汇总工作簿（.xlsx）"),
    units: Optional[Path] = typer.Option(None, "--units", help="单位清单（CSV 或工作簿，列：单位、上级单位）"),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖"),
) -> None:
    """把报告汇总成一个工作簿（每份报告一个工作表，另有“单位清单”），可直接用 `xxgk check` 校验。

    退出码：0 成功；1 无法写出（输出不能是输入文件）；2 有输入文件无法读取（其余报告照常写入），没有读到任何报告时不写出。
    """
    from .workbook import OutputError
    from .workbook.importer import import_reports
    try:
        with _progress() as progress:
            result = import_reports(paths, output, units_file=units, force=force, progress=progress)
    except OutputError as e:
        typer.echo(e.message, err=True)
        raise typer.Exit(1)
    except Exception as e:
        if type(e).__name__ != "UnitsError":
            raise
        typer.echo(str(e), err=True)
        raise typer.Exit(1)
    for f in result.failures:
        typer.echo(f"无法读取：{f.message}", err=True)
    if result.path is None:
        _nothing_read(paths)
        raise typer.Exit(2)
    typer.echo(f"已写出 {result.path}：{len(result.reports)} 份报告。")
    raise typer.Exit(2 if result.failures else 0)


@app.command()
def template(
    format: TemplateFormat = typer.Option(TemplateFormat.f2021, "--format", "-f", help="表格版式：2021 或 2019"),
    output: Path = typer.Option(..., "--output", "-o", help="要写出的空白模板（.xlsx）"),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖"),
) -> None:
    """写出一个空白的年报表格工作簿，供各单位填写后汇总、校验。"""
    from .workbook import OutputError
    from .workbook.importer import template_file
    try:
        path = template_file(format.value, output, force=force)
    except OutputError as e:
        typer.echo(e.message, err=True)
        raise typer.Exit(1)
    typer.echo(f"已写出 {path}（{format.value} 版）。")


def _nothing_read(paths: list[Path]) -> None:
    from .readers import nothing_read
    typer.echo(nothing_read(paths), err=True)


def main() -> None:
    _plain_warnings()
    for stream in (sys.stdout, sys.stderr):   # a file name that is not UTF-8 prints escaped, never crashes
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    app()


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
