"""Render `docs/cli.md`, the command reference, from each `xxgk` command's own `--help` (so the
reference cannot drift from the CLI). Written by `python -m checker.docs`, checked by its `--check`."""
from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
# wide enough that no option line wraps: click wraps by characters, and Chinese ones are wide
WIDTH = 100


def _help(cmd, info_name: str, parent=None) -> tuple[str, object]:
    """The command's `--help` text in click's plain layout: the rich layout that typer prints on a
    terminal cuts long lines with "…" at its width, which a reference must not do."""
    cmd.rich_markup_mode = None     # the command object is built afresh for us: nothing else sees this
    ctx = cmd.context_class(cmd, info_name=info_name, parent=parent,
                            terminal_width=WIDTH, max_content_width=WIDTH)
    return cmd.get_help(ctx).rstrip(), ctx


def commands():
    """The `xxgk` click group (built afresh from the typer app) and its commands, in CLI order."""
    import typer.main

    from .cli import app
    group = typer.main.get_command(app)
    return group, group.commands


def _first_paragraph(text: str | None) -> str:
    return "".join(line.strip() for line in (text or "").strip().split("\n\n")[0].splitlines())


def render() -> str:
    group, cmds = commands()
    top, ctx = _help(group, "xxgk")
    out = ["# 命令行参考", "",
           "本页由 `python -m checker.docs` 根据各命令的 `--help` 生成，请勿手工修改。", "",
           *[f"- [`xxgk {name}`](#xxgk-{name})：{_first_paragraph(cmd.help)}" for name, cmd in cmds.items()],
           "",
           "## xxgk", "", "```text", top, "```", ""]
    for name, cmd in cmds.items():
        text, _ = _help(cmd, name, parent=ctx)
        out += [f"## xxgk {name}", "", "```text", text, "```", ""]
    return "\n".join(out).rstrip() + "\n"
