"""The command line in Chinese: typer's help panels, the usage line and the help option, and the
usage errors of typer's (vendored) click translated at the boundary, so a reviewer who reads no
English can use every command. The commands themselves live in `cli.py`.

click writes its messages as English f-strings (no gettext), so errors are translated from the
exception's type and fields where it has them, else from its known message forms; an unknown form
is still shown (after a Chinese lead) rather than lost."""
from __future__ import annotations

import re
import sys

import typer
import typer.core
import typer.rich_utils as ru
from typer._click import exceptions as ce

from . import exitcodes

ru.ARGUMENTS_PANEL_TITLE = "参数"
ru.OPTIONS_PANEL_TITLE = "选项"
ru.COMMANDS_PANEL_TITLE = "命令"
ru.ERRORS_PANEL_TITLE = "错误"
ru.ABORTED_TEXT = "已取消。"
INTERRUPTED_TEXT = "已中断（Ctrl+C），没有做完，这不表示没有问题。正在写出的文件不会只写一半（已有的保持原样）。"
ru.RICH_HELP = "运行 [blue]'{command_path} {help_option}'[/] 查看用法。"
ru.DEFAULT_STRING = "[默认：{}]"
ru.REQUIRED_LONG_STRING = "[必填]"
ru.ENVVAR_STRING = "[环境变量：{}]"
ru.DEPRECATED_STRING = "（已弃用）"

# the plain (non-rich) help, as docs/cli.md renders it, takes these words through typer.core's `_`
_WORDS = {"Options": "选项", "Arguments": "参数", "Commands": "命令", "required": "必填",
          "default: {default}": "默认：{default}", "env var: {var}": "环境变量：{var}", "(dynamic)": "（动态）",
          "Aborted!": "已取消。", "Missing command.": "缺少命令。"}
def _translated(message: str) -> str:
    return _WORDS.get(message, message)


typer.core._ = _translated

USAGE_PREFIX = "用法："
HELP_TEXT = "显示本帮助并退出。"

_make_rich_text = ru._make_rich_text


def _folding_text(*args, **kwargs):
    """Help text that wraps anywhere: rich wraps at spaces and cuts a longer run with "…", and a
    Chinese sentence has no spaces (at 80 columns every option's help was cut off)."""
    text = _make_rich_text(*args, **kwargs)
    if hasattr(text, "overflow"):
        text.overflow = "fold"
    return text


ru._make_rich_text = _folding_text

_argument_type = typer.core.TyperArgument.display_type_rich


def _argument_display_type(self, ctx):
    """An argument with a Chinese metavar shows that name alone, not also `<list[Path]>`."""
    return None if self.metavar is not None else _argument_type(self, ctx)


typer.core.TyperArgument.display_type_rich = _argument_display_type     # type: ignore[method-assign]


class _Chinese:
    """Usage line and help option in Chinese (mixed into typer's command and group classes)."""

    def format_usage(self, ctx, formatter):
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE_PREFIX)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
            option.metavar = ""          # a flag takes no value: no `<bool>` beside it
        return option


class Command(_Chinese, typer.core.TyperCommand):
    def __init__(self, *args, **kwargs):
        kwargs["options_metavar"] = "[选项]"
        super().__init__(*args, **kwargs)


class Group(_Chinese, typer.core.TyperGroup):
    def __init__(self, *args, **kwargs):
        kwargs["options_metavar"] = "[选项]"
        kwargs["subcommand_metavar"] = "命令 [参数]..."
        super().__init__(*args, **kwargs)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """click's own handling, but its usage errors in Chinese and with our exit code."""
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ce.NoArgsIsHelpError as e:       # `xxgk` alone: the help, as a usage error
            typer.echo(e.ctx.get_help(), err=True)
            return _leave(exitcodes.USAGE, standalone_mode)
        except ce.ClickException as e:
            text = translate(e)
            e.message = text
            e.format_message = lambda: text         # type: ignore[method-assign]
            ru.rich_format_error(e)
            return _leave(exitcodes.USAGE if isinstance(e, ce.UsageError) else exitcodes.INPUT, standalone_mode)
        except typer.Abort:
            typer.echo(ru.ABORTED_TEXT, err=True)
            return _leave(exitcodes.INTERRUPTED, standalone_mode)
        if rv == exitcodes.INTERRUPTED:       # typer's answer to Ctrl+C (KeyboardInterrupt), said
            typer.echo(INTERRUPTED_TEXT, err=True)
        return _leave(rv if isinstance(rv, int) else exitcodes.OK, standalone_mode)


def _leave(code: int, standalone_mode: bool):
    if standalone_mode:
        sys.exit(code)
    return code


def _hint(e) -> str:
    """The option or argument an error is about, as the user typed it (`--format`, `文件或文件夹`)."""
    param = getattr(e, "param", None)
    hint = getattr(e, "param_hint", None)
    if hint is not None:
        return " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint).strip("'")
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") == "argument":
        return param.metavar or param.human_readable_name
    return " / ".join(param.opts)


_TYPES = {"integer": "整数", "int": "整数", "float": "数字", "boolean": "是/否值", "bool": "是/否值",
          "Path": "路径", "path": "路径", "str": "文字"}
# click's message forms (after the option hint) -> Chinese
_FORMS = [
    (re.compile(r"^'(?P<v>.*)' is not one of (?P<c>.+)\.$"),
     lambda m: f"“{m['v']}”不是可选值（可选：{'、'.join(x.strip(chr(39)) for x in m['c'].split(', '))}）。"),
    (re.compile(r"^Value '?(?P<v>.*?)'? is not a valid (?P<t>\w+)\.$"), lambda m: f"“{m['v']}”不是有效的{_TYPES.get(m['t'], m['t'])}。"),
    (re.compile(r"^'?(?P<v>.*?)'? is not a valid (?P<t>\w+)\.$"), lambda m: f"“{m['v']}”不是有效的{_TYPES.get(m['t'], m['t'])}。"),
    (re.compile(r"^(?:File|Directory|Path) '(?P<v>.*)' does not exist\.$"), lambda m: f"文件或文件夹不存在：{m['v']}。"),
    (re.compile(r"^(?:File|Directory|Path) '?(?P<v>.*?)'? is a directory\.$"), lambda m: f"{m['v']} 是文件夹，这里需要一个文件。"),
    (re.compile(r"^(?:File|Directory|Path) '?(?P<v>.*?)'? is not readable\.$"), lambda m: f"无法读取：{m['v']}（没有权限）。"),
]
_NO_COMMAND = re.compile(r"^No such command '(?P<n>.*)'\.(?: Did you mean '(?P<s>.*)'\?)?$")
_NEEDS_VALUE = re.compile(r"^Option '(?P<o>.*)' requires (?:an argument|(?P<n>\d+) arguments)\.$")
_EXTRA = re.compile(r"^Got unexpected extra arguments? \((?P<a>.*)\)$")


def _form(message: str) -> str | None:
    for pattern, chinese in _FORMS:
        m = pattern.match(message.strip())
        if m:
            return chinese(m)
    return None


def _file_like_option(option: str | None) -> str | None:
    """The command-line word that click took for the unknown option `option` when it names an
    existing file or folder (`-r.txt` read as the option -r), else None."""
    import os
    if not option:
        return None
    for word in sys.argv[1:]:
        if word.startswith(option) and os.path.exists(word):
            return word
    return None


def translate(e: ce.ClickException) -> str:
    """A click exception's message in Chinese."""
    message = str(getattr(e, "message", "") or "")
    if isinstance(e, ce.NoSuchOption):
        near = getattr(e, "possibilities", None) or []
        named = _file_like_option(e.option_name)
        if named is not None:     # `xxgk check -报告.txt`: a file whose name starts with "-"
            command = getattr(getattr(e, "ctx", None), "command_path", None) or "xxgk check"
            return (f"“{named}”以 - 开头，被当成了选项。文件名以 - 开头时请写成 ./{named}，"
                    f"或写在 -- 之后（如 {command} -- {named}）。")
        return f"没有这个选项：{e.option_name}。" + (f"您是不是要用 {'、'.join(sorted(near))}？" if near else "")
    if isinstance(e, ce.MissingParameter):
        kind = "参数" if getattr(getattr(e, "param", None), "param_type_name", "") == "argument" else "选项"
        return f"缺少{kind}：{_hint(e)}。"
    if isinstance(e, ce.BadParameter):
        message = re.sub(r"^Value error, ", "", message)      # pydantic-style prefix typer adds
        return f"{_hint(e)} 的值无效：" + (_form(message) or f"{message}。")
    m = _NO_COMMAND.match(message)
    if m:
        return f"没有这个命令：{m['n']}。" + (f"您是不是要用 {m['s']}？" if m["s"] else "")
    m = _NEEDS_VALUE.match(message)
    if m:
        return f"选项 {m['o']} 后面需要给出{m['n'] + ' 个' if m['n'] else '一个'}值。"
    m = _EXTRA.match(message)
    if m:
        return f"多余的参数：{m['a']}（文件名里有空格时请加引号）。"
    if message == "Missing command.":
        return "缺少命令。"
    return _form(message) or f"用法错误：{message}"
