"""Optional parts of the installation (pyproject.toml's extras) and the Chinese message a user sees
when the part a command needs is not installed: the core checks workbooks and text reports, flags
them in Excel and runs the command line; PDF, Word and web-page readers come with extras.

The command line's modules (typer, rich, click) are core dependencies: one missing means a broken
installation (removed by hand, or an environment another tool changed), and the message says how
to repair it rather than naming an extra. `[cli]` is still accepted by pip (an empty extra) so
older instructions work."""
from __future__ import annotations

# top-level module -> (extra, what it is for)
EXTRAS: dict[str, tuple[str | None, str]] = {
    "typer": (None, "命令行 xxgk"),
    "rich": (None, "命令行 xxgk"),
    "click": (None, "命令行 xxgk"),
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
    if extra is None:
        return (f"缺少模块 {name}（{use}需要），它随 xxgk-checker 一起安装，当前环境里却没有（安装不完整）。"
                f"请重新安装：pip install --force-reinstall xxgk-checker{_REINSTALL_END}")
    return (f"{use}：需要安装可选组件 {extra}（缺少模块 {name}）。请运行："
            f'pip install "xxgk-checker[{extra}]"{_EXTRA_END}')


_REINSTALL_END = "（从 wheel 安装时换成 wheel 文件名）。"
_EXTRA_END = '，或安装全部组件：pip install "xxgk-checker[all]"。'


def needs_install(message: str) -> bool:
    """Whether an F5's message is `missing_extra`'s (it ends the message, after the file's name, so a
    file named like it is not taken for one): the exit code is then 3, the fix an install."""
    return message.endswith((_REINSTALL_END, _EXTRA_END))
