"""Every dashboard table as CSV or XLSX.

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula:
an appeal title can carry one, so such text is prefixed with an apostrophe and stays text
(CSV injection, OWASP)."""

import csv
import io
import re
from collections.abc import Callable

from django.http import HttpResponse

from .tables import Cell, Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")
# Control characters a worksheet cannot hold (openpyxl refuses them; a form accepts them).
XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def inert(text: str) -> str:
    """Text a spreadsheet will show, never run."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _value(cell: Cell, clean: Callable[[str], str] = str) -> object:
    number = cell.number
    if number is not None:
        return number
    # Cleaned before it is made inert: a dropped control character must not uncover a formula.
    return inert(clean(cell.text))


def _xlsx_text(text: str) -> str:
    return XLSX_ILLEGAL.sub("", text)


def table_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([inert(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_value(cell) for cell in row])
    # With a byte-order mark, Excel opens the Chinese text as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_xlsx(table: Table) -> bytes:
    # Imported when a spreadsheet is asked for: web processes need not carry openpyxl.
    from openpyxl import Workbook  # noqa: PLC0415 - see above
    from openpyxl.styles import Font  # noqa: PLC0415 - see above

    book = Workbook()
    sheet = book.active
    sheet.title = table.name[:31]
    sheet.append([inert(_xlsx_text(h)) for h in table.headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_value(cell, _xlsx_text) for cell in row])
    for index, header in enumerate(table.headers, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(10, min(40, len(header) * 2 + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_response(table: Table, fmt: str, *, filename: str) -> HttpResponse:
    if fmt == "xlsx":
        response = HttpResponse(table_xlsx(table), content_type=XLSX)
    else:
        response = HttpResponse(table_csv(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
