"""xxgk-checker: cross-report consistency checks for 政府信息公开工作年度报告.

Public API: read reports (`extract`), check them (`check`), and the shapes they return.
"""
from .extract import extract
from .model import CellRef, Finding, ProseFact, Report
from .templates import template

__all__ = ["extract", "Report", "Finding", "CellRef", "ProseFact", "template"]
__version__ = "0.1.0"
