"""docs/rules.md is generated from the catalogue: every rule has 检查什么/为什么/示例, and the file is current."""
from checker import docs
from checker.catalogue import catalogue


def test_every_rule_has_its_doc_sections():
    lacking = {rid: docs.missing_sections(r) for rid, r in catalogue().items() if docs.missing_sections(r)}
    assert lacking == {}


def test_a_rule_without_a_section_is_caught():
    from dataclasses import replace
    r = replace(catalogue()["R1"], doc={"what": "x", "why": ""})
    assert docs.missing_sections(r) == ["为什么", "示例"]


def test_rules_md_is_current_and_has_a_section_per_rule():
    text = docs.render()
    assert docs.DOCS.read_text(encoding="utf-8") == text, "运行 python -m checker.docs 重新生成 docs/rules.md"
    for rid, r in catalogue().items():
        assert f"### {rid}\n" in text and r.doc["what"].strip() in text
    assert docs.main(["--check"]) == 0


def test_cli_md_is_current_and_documents_every_command_and_option():
    """docs/cli.md is each command's --help; every command, option and help text appears in it."""
    from checker import docs_cli
    text = docs_cli.render()
    assert docs_cli.DOCS.read_text(encoding="utf-8") == text, "运行 python -m checker.docs 重新生成 docs/cli.md"
    _, commands = docs_cli.commands()
    assert list(commands) == ["extract", "rules", "check", "import", "template"]
    for name, cmd in commands.items():
        section = text.split(f"## xxgk {name}\n", 1)[1].split("\n## ", 1)[0]
        assert f"用法：xxgk {name} [选项]" in section          # Chinese usage line (was "Usage: … [OPTIONS]")
        assert cmd.help.strip().splitlines()[0] in section
        for param in cmd.params:
            for flag in param.opts:
                shown = param.metavar if param.param_type_name == "argument" and param.metavar else flag
                assert shown in section or f"{shown}..." in section, f"docs/cli.md 的 xxgk {name} 缺少 {flag}"
            assert param.help in section


def test_cli_md_does_not_depend_on_the_terminal(monkeypatch):
    from checker import docs_cli
    text = docs_cli.render()
    monkeypatch.setenv("COLUMNS", "40")
    assert docs_cli.render() == text and "…" not in text


def test_check_fails_when_cli_md_is_stale(tmp_path, monkeypatch, capsys):
    from checker import docs_cli
    rules, cli = tmp_path / "rules.md", tmp_path / "cli.md"
    monkeypatch.setattr(docs, "DOCS", rules)
    monkeypatch.setattr(docs_cli, "DOCS", cli)
    assert docs.main([]) == 0 and cli.read_text(encoding="utf-8") == docs_cli.render()
    assert docs.main(["--check"]) == 0
    cli.write_text(cli.read_text(encoding="utf-8").replace("--select", "--choose"), encoding="utf-8")
    assert docs.main(["--check"]) == 1
    assert f"{cli} 已过期" in capsys.readouterr().err
    cli.unlink()
    assert docs.main(["--check"]) == 1
