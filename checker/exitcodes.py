"""The exit codes of every `xxgk` command, in one place: the commands return these names, the help
and docs/cli.md print `TABLE`, and a script (or the Excel button) can rely on them.

Usage errors are not click's 2: 2 has meant "some input could not be read" since the first release,
and a script must be able to tell a mistyped option from a bad report."""
from __future__ import annotations

OK = 0          # done; `check`: no error found
FINDINGS = 1    # `check`: errors were found in the reports
INPUT = 2       # an input could not be read, or nothing in the inputs could be checked
MISSING = 3     # a part of the installation is missing: an extra a file needs, or a broken install
OUTPUT = 4      # the output file exists (without --force), is an input, has the wrong extension or cannot be written
USAGE = 5       # unknown command or option, missing or invalid argument
INTERNAL = 6    # the program itself failed (a bug): please report it with the message
INTERRUPTED = 130   # stopped by Ctrl+C (the shells' 128 + SIGINT)

TABLE = (
    (OK, "成功（check：没有发现错误）"),
    (FINDINGS, "check 发现了错误（在工作簿中标为已核实的也算）"),
    (INPUT, "有输入文件无法读取，或输入中没有可检查的报告（其余文件照常处理）"),
    (MISSING, "缺少组件或安装不完整（按提示用 pip 安装）"),
    (OUTPUT, "输出文件已存在（未加 --force）、就是输入文件、扩展名不对或无法写出"),
    (USAGE, "用法错误：命令、选项或参数不正确"),
    (INTERNAL, "程序内部出错（请把提示信息反馈给开发者）"),
    (INTERRUPTED, "按 Ctrl+C 中断"),
)


def help_text() -> str:
    """The table as help text: one line a code (click keeps `\\b` paragraphs unwrapped)."""
    return "\b\n退出码：\n" + "\n".join(f"  {code}  {text}" for code, text in TABLE)
