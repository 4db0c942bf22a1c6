"""Many rows at once: reading the rows of many ids (`any_of`), writing rows with COPY on PostgreSQL and the ORM's
bulk_create elsewhere (SQLite, small batches), and building them with the cycle collector paused."""

from __future__ import annotations

import contextlib
import datetime
import gc
import io
import json
from collections.abc import Iterator

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Lookup


class AnyOf(Lookup):
    """`field__any_of=ids`: the rows whose field is one of the integers `ids`, as `__in` finds them. On PostgreSQL
    the ids go as one array (`= ANY(%s)`): a batch reads a thousand learners in a dozen queries, and `__in` made
    Django prepare, and the database parse, each id of each of them one by one. Registered on every field (see
    LearningPlatformConfig.ready)."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self) -> list[int]:
        return sorted({int(value) for value in self.rhs})

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        if not self.rhs:
            raise EmptyResultSet
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*params, self.rhs]
        return f"{lhs} IN ({', '.join(['%s'] * len(self.rhs))})", [*params, *self.rhs]


# From this many rows on PostgreSQL, rows are written with COPY rather than INSERT.
COPY_FROM_ROWS = 200


def copying(rows: list) -> bool:
    return connection.vendor == "postgresql" and len(rows) >= COPY_FROM_ROWS


def copy_rows(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """COPY the rows (tuples in `columns` order) into `table`, on the current connection and transaction."""
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(map(copy_text, row)))
        buffer.write("\n")
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)


def copy_text(value) -> str:
    """A value in COPY's text format."""
    kind = type(value)
    if kind is int:
        return str(value)
    if value is None:
        return r"\N"
    if kind is bool:
        return "t" if value else "f"
    if kind is str:
        text = value
    elif kind is list:
        text = json.dumps(value)
    elif kind is datetime.datetime:
        text = value.isoformat()
    else:
        text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


def rows_insert(model, columns: tuple[str, ...], rows: list[tuple], *, batch_size: int = 1000) -> None:
    """Insert rows of `model` given as tuples of `columns` (attribute names, e.g. `learner_id`): with COPY on
    PostgreSQL when there are many, otherwise with the ORM."""
    if copying(rows):
        copy_rows(model._meta.db_table, tuple(model._meta.get_field(column).column for column in columns), rows)
    else:
        model.objects.bulk_create([model(**dict(zip(columns, row))) for row in rows], batch_size=batch_size)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused for the block, and resumed after it (if it ran before).

    A batch that builds the rows of a thousand learners keeps hundreds of thousands of objects alive until it
    writes them; each of them counts toward the collector's next pass, and each pass walks every object the
    process holds (the whole framework's), only to find that the batch's objects are still in use. They are
    freed by reference counting when the batch ends; the few cycles among them wait for the next pass after it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
