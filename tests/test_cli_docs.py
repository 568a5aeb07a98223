"""Every `xxgk` command has help text and is documented in the README's command table."""
from pathlib import Path

import typer.main

from checker.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> dict:
    return typer.main.get_command(app).commands


def test_the_cli_has_the_commands_of_the_issues():
    assert {"extract", "check", "rules", "import", "template"} <= set(_commands())


def test_every_command_has_help_text():
    for name, cmd in _commands().items():
        assert (cmd.help or "").strip(), f"xxgk {name} 没有帮助文字"
        for param in cmd.params:
            assert (getattr(param, "help", "") or "").strip(), f"xxgk {name} 的参数 {param.name} 没有帮助文字"


def test_every_command_is_in_the_readme():
    for name in _commands():
        assert f"`xxgk {name}" in README, f"README 的命令表里没有 xxgk {name}"
