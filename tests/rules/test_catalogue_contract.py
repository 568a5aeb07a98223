"""The typed rule contract: every rule's kind is registered and its params fit the kind's params
dataclass, checked when the catalogue loads; a broken rule file fails at load, naming file and rule."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checker.catalogue import catalogue, load, priority
from checker.rules.registry import CatalogueError, NoParams, kinds

CHECKER = Path(__file__).resolve().parents[2] / "checker"
R1 = {"id": "R1", "title": "表三每列平衡", "severity": "error", "formats": ["2021"], "kind": "tables.equality",
      "message": "{where}", "params": {"equation": "requests.received.{col} = requests.handled_total.{col}",
                                       "over": {"col": "requests.columns"}}}


def _folder(tmp_path: Path, rules: list[dict], priority_list: list[str] | None = None) -> Path:
    (tmp_path / "tables.yaml").write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    (tmp_path / "_priority.yaml").write_text(
        yaml.safe_dump({"localisation": priority_list if priority_list is not None else ["R1"]}), encoding="utf-8")
    return tmp_path


def _load_error(tmp_path: Path, rules: list[dict], priority_list: list[str] | None = None) -> str:
    with pytest.raises(CatalogueError) as e:
        load(_folder(tmp_path, rules, priority_list))
    return str(e.value)


def test_the_catalogue_loads_with_typed_params():
    registered = kinds()
    for rid, r in catalogue().items():
        if r.kind:
            assert isinstance(r.params, registered[r.kind].params), rid
        else:
            assert r.raised_by and r.params is None, rid
    assert catalogue()["L4"].params.total == "legacy.active.total"
    assert catalogue()["R8"].params.soft is True and catalogue()["R6"].params.soft is False
    assert catalogue()["M2"].params == NoParams()


def test_a_good_folder_loads(tmp_path):
    rules = load(_folder(tmp_path, [R1]))
    assert list(rules) == ["R1"] and rules["R1"].params.over == {"col": "requests.columns"}


def test_unknown_kind_names_file_and_rule(tmp_path):
    msg = _load_error(tmp_path, [{**R1, "kind": "tables.balance"}])
    assert "tables.yaml 规则 R1" in msg and "tables.balance" in msg and "@kind(" in msg


def test_unknown_parameter(tmp_path):
    msg = _load_error(tmp_path, [{**R1, "params": {**R1["params"], "tolerance": 1}}])
    assert msg.startswith("tables.yaml 规则 R1：") and "没有参数 tolerance" in msg and "equation" in msg


def test_missing_parameter(tmp_path):
    msg = _load_error(tmp_path, [{**R1, "params": {"over": {"col": "requests.columns"}}}])
    assert "tables.yaml 规则 R1" in msg and "缺少参数 equation" in msg


def test_parameter_of_the_wrong_type(tmp_path):
    msg = _load_error(tmp_path, [{**R1, "params": {**R1["params"], "soft": "yes"}}])
    assert "tables.yaml 规则 R1" in msg and "参数 soft 应为 bool" in msg and "'yes'" in msg
    at_most = {**R1, "id": "L4", "kind": "legacy.at_most", "params": {"total": "legacy.active.total", "parts": "x"}}
    assert "参数 parts 应为 list[str]" in _load_error(tmp_path, [at_most], [])
    dates = {**R1, "id": "M1", "kind": "meta.dates", "params": {"normal_months": True}}
    assert "参数 normal_months 应为 int" in _load_error(tmp_path, [dates], [])


def test_an_equation_placeholder_without_values(tmp_path):
    msg = _load_error(tmp_path, [{**R1, "params": {"equation": R1["params"]["equation"]}}])
    assert "tables.yaml 规则 R1" in msg and "{col} 没有在 over 中给出取值" in msg


def test_a_misspelt_field_and_a_rule_without_kind(tmp_path):
    spelt = {k: v for k, v in R1.items() if k != "params"} | {"parms": R1["params"]}
    assert "未知字段 parms" in _load_error(tmp_path, [spelt])
    no_kind = {k: v for k, v in R1.items() if k != "kind"}
    assert "应写明 kind" in _load_error(tmp_path, [no_kind])


def test_a_reader_rule_names_modules_that_exist(tmp_path):
    f1 = {k: v for k, v in R1.items() if k not in ("kind", "params")} | {"id": "F1", "raised_by": ["readers.cellsplitter"]}
    msg = _load_error(tmp_path, [f1], [])
    assert "tables.yaml 规则 F1" in msg and "readers.cellsplitter 不存在" in msg


def test_every_evidence_rule_has_a_priority(tmp_path):
    assert "缺少规则 R1" in _load_error(tmp_path, [R1], [])
    assert "不存在的规则 R2" in _load_error(tmp_path, [R1], ["R1", "R2"])


def test_priority_comes_from_the_catalogue():
    from checker.rules import localise
    assert localise.PRIORITY == priority()
    evidence = {rid for rid, r in catalogue().items() if r.kind and kinds()[r.kind].evidence}
    assert evidence <= set(priority())


def test_catalogue_lists_rules_in_rule_order():
    ids = list(catalogue())
    assert ids.index("R2") < ids.index("R10") and ids.index("F5") < ids.index("L1")


def test_reader_rules_name_the_modules_that_raise_them():
    """`raised_by` is true both ways: each module named makes the rule's findings, and every module
    that makes a reader rule's finding is named."""
    makers: dict[str, set[str]] = {}
    for path in CHECKER.rglob("*.py"):
        module = ".".join(path.relative_to(CHECKER).with_suffix("").parts).removesuffix(".__init__")
        for rid in re.findall(r'make\(\s*"(F\d+)"', path.read_text(encoding="utf-8")):
            makers.setdefault(rid, set()).add(module)
    readers = {rid: set(r.raised_by) for rid, r in catalogue().items() if r.raised_by}
    assert readers and makers == readers


def test_make_check_fails_on_a_broken_rule_file_naming_it(tmp_path):
    """As a rule author meets it: a copy of the package whose legacy.yaml names a kind that does
    not exist; `python -m checker.docs --check` (run by make check) fails with the file and rule."""
    import shutil
    import subprocess
    import sys
    root = CHECKER.parent
    for folder in ("checker", "schemas", "docs"):
        shutil.copytree(root / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    # the rules also where an installed package has them (checker.schemas), which an editable
    # install of this checkout would otherwise map to the repository's own folder
    shutil.copytree(root / "schemas", tmp_path / "checker" / "schemas", ignore=shutil.ignore_patterns("__pycache__"))
    for rules in (tmp_path / "schemas" / "rules" / "legacy.yaml", tmp_path / "checker" / "schemas" / "rules" / "legacy.yaml"):
        rules.write_text(rules.read_text(encoding="utf-8").replace("kind: legacy.at_most", "kind: legacy.at_mots"),
                         encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "checker.docs", "--check"], cwd=tmp_path, capture_output=True,
                         text=True, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)})
    assert run.returncode != 0
    assert "legacy.yaml 规则 L4：检查类型“legacy.at_mots”不存在" in run.stderr


def test_rules_load_from_package_resources_too(tmp_path):
    """An installed wheel gives the rule folder as importlib resources, not a Path: a zip's
    `zipfile.Path` is such a folder, and gives the same catalogue."""
    import zipfile
    archive = tmp_path / "schemas.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in (CHECKER.parent / "schemas" / "rules").iterdir():
            z.write(f, f"rules/{f.name}")
    rules = load(zipfile.Path(archive, "rules/"))
    assert list(rules) == list(catalogue())
    assert rules["R1"].params == catalogue()["R1"].params
