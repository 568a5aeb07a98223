"""The collection workbook (one sheet per report, like the official tables) and blank templates."""
from .layout import HEADER_CELLS, HEADER_FIELDS, TABLE_TITLES, report_layout
from .save import OutputError, OutputExists, atomic_path, check_output, save_atomic, save_text
from .writer import INDEX_SHEET, Collection, write_collection, write_template

__all__ = ["HEADER_CELLS", "HEADER_FIELDS", "TABLE_TITLES", "report_layout", "OutputError", "OutputExists", "atomic_path", "check_output",
           "save_atomic", "save_text", "INDEX_SHEET",
           "Collection", "write_collection", "write_template"]
