"""The rule catalogue: every rule's id, Chinese title, severity, formats, kind, parameters,
message template and documentation, loaded from `schemas/rules/*.yaml` (rules are data)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import yaml

# libyaml's safe loader where installed: ten times faster at start-up than the pure-Python one
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from .templates import SCHEMAS

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str
    formats: tuple[str, ...]
    kind: str
    message: str
    doc: dict = field(default_factory=dict, hash=False)
    params: dict = field(default_factory=dict, hash=False)
    status: str = "stable"        # stable | preview | removed
    file: str = ""

    def matches(self, selectors: list[str]) -> bool:
        """True when the id is named (`R1`) or its family is (`R`, `F`): `R1` does not select `R10`."""
        return any(self.id == s or (s.isalpha() and self.id.startswith(s)) for s in selectors)


@cache
def catalogue() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    files = sorted((f for f in (SCHEMAS / "rules").iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    if not files:
        raise RuntimeError(f"没有找到规则文件（{SCHEMAS / 'rules'}）：安装不完整，请重新安装 xxgk-checker。")
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for spec in yaml.load(fh, Loader=_LOADER) or []:
                rule = Rule(
                    id=spec["id"], title=spec["title"], severity=spec["severity"],
                    formats=tuple(spec.get("formats", ())), kind=spec["kind"], message=spec["message"],
                    doc=spec.get("doc", {}), params=spec.get("params", {}),
                    status=spec.get("status", "stable"), file=path.name,
                )
                if rule.id in rules:
                    raise ValueError(f"规则编号重复：{rule.id}（{path.name} 与 {rules[rule.id].file}）")
                if rule.severity not in SEVERITIES:
                    raise ValueError(f"规则 {rule.id} 的严重程度无效：{rule.severity}")
                rules[rule.id] = rule
    return rules


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
