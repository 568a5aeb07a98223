"""The typed contract between a rule in `schemas/rules/*.yaml` and the code that checks it.

A check kind is a function `check(rule, reports, ctx) -> Iterable[Finding]` in a module of
`checker/rules/kinds/`, registered with the parameters it accepts:

    @dataclass(frozen=True)
    class AtMostParams(Params):
        total: str
        parts: list[str]

    @kind("legacy.at_most", AtMostParams)
    def at_most(rule, reports, ctx): ...   # rule.params is an AtMostParams

`catalogue()` builds every rule's params from its YAML with `build_params`: an unknown kind, an
unknown or missing parameter, or a value of the wrong type is an error naming the file and rule.
"""
from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import types
import typing
from dataclasses import dataclass
from typing import Any, Callable, Iterable


class CatalogueError(ValueError):
    """A rule file that does not fit the contract; the message names the file and the rule."""


@dataclass(frozen=True)
class Params:
    """Base of every kind's parameters, read as attributes (`rule.params.total`). Item access
    (`params["total"]`, `params.get("soft")`) works too, for code written against the YAML dict."""

    def problems(self) -> list[str]:
        """What is wrong beyond the types (a kind overrides this); empty when the params are fine."""
        return []

    def __getitem__(self, name: str) -> Any:
        if name not in self._names():
            raise KeyError(name)
        return getattr(self, name)

    def get(self, name: str, default: Any = None) -> Any:
        return getattr(self, name) if name in self._names() else default

    @classmethod
    def _names(cls) -> set[str]:
        return {f.name for f in dataclasses.fields(cls)}


@dataclass(frozen=True)
class NoParams(Params):
    """A kind without parameters: its rules give `params: {}` or none."""


CheckFn = Callable[..., Iterable[Any]]     # (rule, reports, ctx) -> findings


@dataclass(frozen=True)
class Kind:
    name: str                                   # `module.function`, as rules name it
    check: CheckFn
    params: type[Params]
    evidence: bool                              # registers equalities for localisation, no findings


KINDS: dict[str, Kind] = {}


def kind(name: str, params: type[Params] = NoParams, *, evidence: bool = False) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as check kind `name` (`module.function` in checker/rules/kinds)."""
    def register(check: CheckFn) -> CheckFn:
        if name in KINDS and KINDS[name].check is not check:
            raise CatalogueError(f"检查类型 {name} 注册了两次")
        KINDS[name] = Kind(name, check, params, evidence)
        return check
    return register


def kinds() -> dict[str, Kind]:
    """Every registered kind: importing each module of checker/rules/kinds runs its decorators."""
    from . import kinds as package
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    return KINDS


def build_params(kind_name: str, raw: object, where: str) -> Params:
    """The kind's params dataclass from a rule's YAML `params`; `where` names file and rule."""
    spec = kinds().get(kind_name)
    if spec is None:
        module, _, func = kind_name.partition(".")
        raise CatalogueError(
            f"{where}：检查类型“{kind_name}”不存在（已注册：{'、'.join(sorted(KINDS))}）。"
            f"新的检查类型写在 checker/rules/kinds/{module or '…'}.py 中，"
            f"并用 @kind(\"{kind_name}\", 参数类) 注册函数 {func or '…'}。")
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where}：params 应为键值对，实为 {type(raw).__name__}。")
    hints = typing.get_type_hints(spec.params)
    fields = {f.name: f for f in dataclasses.fields(spec.params)}
    unknown = [k for k in raw if k not in fields]
    if unknown:
        raise CatalogueError(f"{where}：检查类型 {kind_name} 没有参数 {'、'.join(map(str, unknown))}"
                             f"（可用参数：{'、'.join(fields) or '无'}）。")
    missing = [n for n, f in fields.items() if n not in raw and f.default is dataclasses.MISSING
               and f.default_factory is dataclasses.MISSING]
    if missing:
        raise CatalogueError(f"{where}：检查类型 {kind_name} 缺少参数 {'、'.join(missing)}。")
    for name, value in raw.items():
        if not _conforms(value, hints[name]):
            raise CatalogueError(f"{where}：参数 {name} 应为 {_show(hints[name])}，"
                                 f"实为 {value!r}（{type(value).__name__}）。")
    params = spec.params(**raw)
    problems = params.problems()
    if problems:
        raise CatalogueError(f"{where}：" + "；".join(problems) + "。")
    return params


def _conforms(value: object, tp: Any) -> bool:
    """`value` (as YAML gives it) is of type `tp`: str, int, float, bool, lists, dicts, unions."""
    if tp is Any:
        return True
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, a) for a in args)
    if origin is list:
        return isinstance(value, list) and all(_conforms(v, args[0]) for v in value)
    if origin is dict:
        return isinstance(value, dict) and all(_conforms(k, args[0]) and _conforms(v, args[1])
                                               for k, v in value.items())
    if tp is bool:
        return isinstance(value, bool)
    if tp in (int, float):      # YAML's true/false are no numbers
        return isinstance(value, (int, float) if tp is float else int) and not isinstance(value, bool)
    return isinstance(value, tp)


def _show(tp: Any) -> str:
    return tp.__name__ if isinstance(tp, type) else str(tp).replace("typing.", "")
