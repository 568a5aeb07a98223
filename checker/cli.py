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

    退出码：0 全部读取成功；2 有输入文件无法读取（其余文件照常输出）。
    """
    from .extract import extract as run
    from .render import extract_output
    with _progress() as progress:
        result = run(paths, progress=progress)
    extract_output.render(result, format.value)
    raise typer.Exit(2 if result.failures else 0)


@app.command()
def rules(
    format: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f", help="输出格式：table 或 json"),
) -> None:
    """列出全部校验规则（编号、名称、严重程度、适用格式）。"""
    from .render import rules_output
    rules_output.render(format.value)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
