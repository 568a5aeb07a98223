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
