"""Optional parts of the installation (pyproject.toml's extras) and the Chinese message a user sees
when the part a command needs is not installed: the core checks workbooks and text reports and
flags them in Excel; the command line, PDF, Word and web-page readers come with extras."""
from __future__ import annotations

# top-level module -> (extra, what it is for)
EXTRAS = {
    "typer": ("cli", "命令行 xxgk"),
    "rich": ("cli", "命令行 xxgk"),
    "click": ("cli", "命令行 xxgk"),
    "pdfplumber": ("pdf", "读取 PDF 报告"),
    "pdfminer": ("pdf", "读取 PDF 报告"),
    "docx": ("docx", "读取 Word（.docx）报告"),
    "lxml": ("html", "读取网页（.html/.htm）报告"),
}


def missing_extra(error: ImportError) -> str | None:
    """The Chinese message for an ImportError of an optional part, else None (a real bug)."""
    name = (getattr(error, "name", None) or "").split(".")[0]
    if name not in EXTRAS:
        return None
    extra, use = EXTRAS[name]
    return (f"{use}：需要安装可选组件 {extra}（缺少模块 {name}）。请运行："
            f'pip install "xxgk-checker[{extra}]"，或安装全部组件：pip install "xxgk-checker[all]"。')
