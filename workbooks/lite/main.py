"""xlwings Lite (Excel on the web, Windows, macOS): paste this into the add-in's main.py, and the
lines of requirements.txt into its requirements.txt. The script "运行校验" checks every report
sheet of the open workbook and flags it in place, as the desktop button does (README: Excel 网页版)."""
from checker.excel import xxgk_check  # noqa: F401  the @script xlwings Lite lists as 运行校验
