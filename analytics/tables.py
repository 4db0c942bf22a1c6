"""The tables of the dashboards: one definition gives the table on the page and its CSV, cell for cell."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field

import pandas as pd
from django.http import Http404, HttpResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe


def cell_text(value) -> str:
    """A value as the page and the CSV both show it: nothing for a missing value, yes/no, numbers as written."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:.12g}"
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return cell_text(value.item())
    return str(value)


@dataclass
class Table:
    """A table of a dashboard. `columns` maps row keys to headings; the first column heads each row and links to
    the row's `url`, if it has one. `note` says what the table leaves out, when it does."""

    name: str
    caption: str
    columns: dict[str, str]
    rows: list[dict]
    note: str = ""
    empty: str = "Nothing to show yet."
    url_key: str = "url"
    charts: list[dict] = field(default_factory=list)

    @property
    def body_html(self) -> str:
        """The rows as HTML, built here rather than in a template loop: a standards report has thousands of
        cells, and a template tag per cell cost more than the rest of the request."""
        keys = list(self.columns)
        rows = []
        for row in self.rows:
            head = escape(cell_text(row.get(keys[0])))
            url = row.get(self.url_key)
            head = f'<a href="{escape(url)}">{head}</a>' if url else head
            cells = "".join(f"<td>{escape(cell_text(row.get(key)))}</td>" for key in keys[1:])
            rows.append(f'<tr><th scope="row">{head}</th>{cells}</tr>')
        return mark_safe("\n".join(rows))

    def csv_response(self, filename: str) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}-{self.name}.csv"'
        writer = csv.writer(response)
        writer.writerow(self.columns.values())
        writer.writerows([cell_text(row.get(key)) for key in self.columns] for row in self.rows)
        return response


def csv_or_none(request, tables: list[Table], filename: str) -> HttpResponse | None:
    """The CSV of the table named by `?table=` when `?format=csv` asks for one (404 for a name the page lacks)."""
    if request.GET.get("format") != "csv":
        return None
    wanted = request.GET.get("table", "")
    for table in tables:
        if table.name == wanted:
            return table.csv_response(filename)
    raise Http404("This page has no table of that name.")
