"""xxgk-checker: cross-report consistency checks for 政府信息公开工作年度报告.

Public API: `extract` (read reports), `check` (check them), and the shapes they return.
Imported lazily, so that `xxgk` starts fast and a small check does not pay for pandas/pandera.
"""
from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "checker.extract",
    "check": "checker.check",
    "check_paths": "checker.check",
    "Report": "checker.model",
    "Finding": "checker.model",
    "CellRef": "checker.model",
    "ProseFact": "checker.model",
    "template": "checker.templates",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
