Attribute VB_Name = "xxgk"
Option Explicit

' xxgk-checker: the button on the first sheet runs RunXxgkCheck. It calls Python through
' xlwings (RunPython, from the xlwings module of this workbook), which checks every report sheet
' of this workbook and flags the cells in place. Set the Python interpreter in the sheet
' "xlwings.conf" (rename "_xlwings.conf") or with "xlwings addin install"; see README.md.

Sub RunXxgkCheck()
    RunPython "import checker.excel; checker.excel.run_check()"
End Sub
