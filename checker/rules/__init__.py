"""Rules within and across reports. A rule in `schemas/rules/*.yaml` names a check kind, a function
registered with `@kind("module.name", Params)` in `checker/rules/kinds/module.py`:
`name(rule: Rule, reports: list[Report], ctx: Context) -> Iterable[Finding]` (see `registry`)."""
