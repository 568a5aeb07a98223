"""The rule catalogue: every rule's id, Chinese title, severity, formats, kind, parameters,
message template and documentation, loaded from `schemas/rules/*.yaml` (rules are data) and
checked as it loads: each rule's kind must be registered and its params must fit the kind's
params dataclass (`checker.rules.registry`); a reader rule (F1–F5) names the reader modules that
raise it instead of a kind. The catalogue also holds the two orders of rules: the order rules
run and are listed in (`order`), and which rule names a root cause that broke several
equalities (`schemas/rules/_priority.yaml`)."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any, Iterator, Protocol

import yaml

from .rules.registry import CatalogueError, build_params, kinds
from .templates import SCHEMAS

# libyaml's safe loader where installed: the pure-Python one dominates start-up (bench/NOTES.md)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The one severity vocabulary: every output (terminal, CSV, notes, 校验结果, 概览, `xxgk rules`,
# docs) takes its labels, order and fills from here.
SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}
SEVERITY_FILLS = {"error": "#FFC7CE", "warning": "#FFEB9C", "info": "#DDEBF7"}       # 校验结果's 严重程度
SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}            # the terminal


def severity_label(severity: str) -> str:
    return SEVERITY_LABELS.get(severity, severity)


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str
    formats: tuple[str, ...]
    kind: str                     # the registered check kind; "" for a reader rule
    message: str
    doc: dict = field(default_factory=dict, hash=False)
    params: Any = field(default=None, hash=False)     # the kind's Params dataclass
    raised_by: tuple[str, ...] = ()   # a reader rule: the modules under checker/ that raise it
    status: str = "stable"        # stable | preview | removed
    file: str = ""
    # lighter severities some of the rule's findings carry (F2: a figure read with its unit is 提示)
    also: tuple[str, ...] = ()

    @property
    def severities(self) -> tuple[str, ...]:
        return (self.severity, *self.also)

    def severity_text(self) -> str:
        """`错误` or `错误（部分为提示）`: what `xxgk rules` and the docs show."""
        head = severity_label(self.severity)
        return head + (f"（部分为{'、'.join(severity_label(s) for s in self.also)}）" if self.also else "")

    def matches(self, selectors: list[str]) -> bool:
        """True when the id is named (`R1`) or its family is (`R`, `F`): `R1` does not select `R10`."""
        return any(self.id == s or (s.isalpha() and self.id.startswith(s)) for s in selectors)


@cache
def catalogue() -> dict[str, Rule]:
    """Every rule, in rule order (`order`)."""
    return load(SCHEMAS / "rules")


class Folder(Protocol):
    """A folder of rule files: a `Path`, or the package resources of an installed wheel."""
    def iterdir(self) -> Iterator[Any]: ...
    def __truediv__(self, name: str) -> Any: ...


def load(folder: Folder) -> dict[str, Rule]:
    """The rules of every `*.yaml` in `folder` (not `_*.yaml`), checked; CatalogueError names
    the file and rule of the first problem."""
    rules: dict[str, Rule] = {}
    files = (f for f in folder.iterdir() if f.name.endswith(".yaml") and not f.name.startswith("_"))
    found = sorted(files, key=lambda f: f.name)
    if not found:
        raise RuntimeError(f"没有找到规则文件（{folder}）：安装不完整，请重新安装 xxgk-checker。")
    for path in found:
        with path.open(encoding="utf-8") as fh:
            specs = yaml.load(fh, Loader=_LOADER) or []
        if not isinstance(specs, list):
            raise CatalogueError(f"{path.name}：规则文件应是规则的列表。")
        for n, spec in enumerate(specs, 1):
            rule = _rule(spec, path.name, n)
            if rule.id in rules:
                raise ValueError(f"规则编号重复：{rule.id}（{path.name} 与 {rules[rule.id].file}）")
            if not set(rule.severities) <= set(SEVERITIES):
                raise ValueError(f"规则 {rule.id} 的严重程度无效：{'、'.join(rule.severities)}")
            rules[rule.id] = rule
    _check_priority(rules, folder / PRIORITY_FILE)
    return {rid: rules[rid] for rid in sorted(rules, key=order)}


_REQUIRED = ("id", "title", "severity", "message")


def _rule(spec: object, file: str, n: int) -> Rule:
    if not isinstance(spec, dict):
        raise CatalogueError(f"{file}：第 {n} 条规则应是键值对。")
    where = f"{file} 规则 {spec.get('id', f'第 {n} 条')}"
    known = {f.name for f in fields(Rule)} - {"file"}
    unknown = [k for k in spec if k not in known]
    missing = [k for k in _REQUIRED if k not in spec]
    if unknown or missing:
        raise CatalogueError(f"{where}：" + "；".join(
            ([f"未知字段 {'、'.join(map(str, unknown))}"] if unknown else [])
            + ([f"缺少字段 {'、'.join(missing)}"] if missing else [])) + "。")
    kind, raised_by = spec.get("kind", ""), tuple(spec.get("raised_by", ()))
    if bool(kind) == bool(raised_by):
        raise CatalogueError(f"{where}：应写明 kind（检查类型）或 raised_by（读取时发现它的模块），且只写其一。")
    if raised_by:
        if spec.get("params"):
            raise CatalogueError(f"{where}：读取时发现的规则没有 params。")
        _check_modules(raised_by, where)
    params = build_params(kind, spec.get("params"), where) if kind else None
    return Rule(
        id=spec["id"], title=spec["title"], severity=spec["severity"],
        formats=tuple(spec.get("formats", ())), kind=kind, message=spec["message"],
        doc=spec.get("doc", {}), params=params, raised_by=raised_by,
        status=spec.get("status", "stable"), file=file, also=tuple(spec.get("also", ())),
    )


def _check_modules(modules: tuple[str, ...], where: str) -> None:
    """Each `raised_by` entry is a module of the package (`readers.cellset` = checker/readers/cellset.py)."""
    package = Path(__file__).resolve().parent
    for m in modules:
        path = package.joinpath(*m.split("."))
        if not (path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()):
            raise CatalogueError(f"{where}：raised_by 中的模块 {m} 不存在（应为 checker/ 下的模块，如 readers.cellset）。")


# Which rule names a root cause's finding when it broke several equalities: read from this file.
PRIORITY_FILE = "_priority.yaml"


def _check_priority(rules: dict[str, Rule], path: Any) -> None:
    """Every rule whose kind registers evidence has a place in the priority list, and the list
    names only rules that exist."""
    listed = _priority_list(path)
    unknown = [rid for rid in listed if rid not in rules]
    registered = kinds()
    missing = [rid for rid, r in rules.items() if r.kind and registered[r.kind].evidence and rid not in listed]
    if unknown or missing:
        raise CatalogueError(f"{path.name}：" + "；".join(
            ([f"列出了不存在的规则 {'、'.join(unknown)}"] if unknown else [])
            + ([f"缺少规则 {'、'.join(missing)}（它们的检查类型登记等式证据，须有定位优先级）"] if missing else []))
            + "。")


def _priority_list(path: Any) -> tuple[str, ...]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_LOADER) or {}
    listed = data.get("localisation") if isinstance(data, dict) else None
    if not isinstance(listed, list) or not all(isinstance(x, str) for x in listed):
        raise CatalogueError(f"{path.name}：localisation 应为规则编号的列表。")
    return tuple(listed)


@cache
def priority() -> tuple[str, ...]:
    """Rule ids, the most specific first: the rule that names a root cause's finding."""
    catalogue()     # checks the list against the rules
    return _priority_list(SCHEMAS / "rules" / PRIORITY_FILE)


def order(rule_id: str) -> tuple[str, int]:
    """The order rules run and are listed in: by family letter, then number (R2 before R10)."""
    return rule_id[0], int("".join(ch for ch in rule_id if ch.isdigit()) or 0)


def rule(rule_id: str) -> Rule:
    return catalogue()[rule_id]


def select(select: list[str] | None = None, ignore: list[str] | None = None) -> set[str]:
    """The rule ids chosen by `--select` / `--ignore` (ids or prefixes such as `R`, `F`, `R1`)."""
    ids = {rid for rid, r in catalogue().items() if r.status != "removed"}
    if select:
        ids = {rid for rid in ids if catalogue()[rid].matches(select)}
    if ignore:
        ids = {rid for rid in ids if not catalogue()[rid].matches(ignore)}
    return ids


def parse_selectors(values: list[str]) -> tuple[list[str], list[str]]:
    """`["R1,F", "M1 M2"]` -> (["R1", "F", "M1", "M2"], unknown): each token an id or a family
    (letters) that names at least one rule of the catalogue; the others are returned as unknown."""
    import re
    tokens = [t.upper() for v in values for t in re.split(r"[\s,，、;；]+", v) if t]
    rules = [r for r in catalogue().values() if r.status != "removed"]
    unknown = [t for t in tokens if not any(r.matches([t]) for r in rules)]
    return [t for t in tokens if t not in unknown], unknown


def families() -> str:
    """`R1–R10、P1–P2…` for messages: the valid ids at a glance."""
    by: dict[str, list[int]] = {}
    for rid in catalogue():
        head = rid.rstrip("0123456789")
        by.setdefault(head, []).append(int(rid[len(head):] or 0))
    return "、".join(f"{h}{min(n)}–{h}{max(n)}" if len(n) > 1 else f"{h}{n[0]}" for h, n in sorted(by.items()))
