"""Read and check a standards directory: the Coherence Map CSV files described in data/ccss-math/README.md.

Pure Python, no Django. `read_standards_directory` returns plain dataclasses, or raises StandardsFileError
naming the file and line of the first problem it meets:

- `standards.csv`: one standard a row; codes are unique and not empty, grades are K, 1 to 12 or HS,
  cluster_msa is 0 (major), 1 (supporting) or 2 (additional). A code ending in a lowercase letter
  (6.RP.A.3a) is a part of the standard with that letter dropped (6.RP.A.3) when the file has one.
- `prerequisites.csv`: from_code is a prerequisite of to_code. Both must be codes in standards.csv; a self
  edge, a repeated edge (an editing mistake, so refused rather than merged) and a cycle are errors.
- `related.csv`: pairs of related codes, listed both ways in the source; each pair is kept once.
- `short_names.csv` (optional): `code,short_name`, the name a 12-year-old reads for a target ("dividing
  fractions"); each code must be in standards.csv and named once, a name is at most SHORT_NAME_MAX characters
  and no two targets share one. A target it does not name has none.

Codes are the keys: the id columns of the edge files are informational and not checked. Columns beyond the
documented ones are ignored, and blank lines are skipped. Values are stripped of surrounding spaces.
"""

from __future__ import annotations

import csv
import io
import string
from collections.abc import Container, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from assessments import graph

STANDARDS_FILE = "standards.csv"
PREREQUISITES_FILE = "prerequisites.csv"
RELATED_FILE = "related.csv"
SHORT_NAMES_FILE = "short_names.csv"
SHORT_NAME_MAX = 60

STANDARDS_COLUMNS = (
    "atc_id",
    "code",
    "grade",
    "domain_code",
    "domain_name",
    "cluster_letter",
    "cluster_name",
    "cluster_msa",
    "ordinal",
    "text",
    "wap",
    "modeling",
)
PREREQUISITES_COLUMNS = ("from_id", "from_code", "to_id", "to_code")
RELATED_COLUMNS = ("a_id", "a_code", "b_id", "b_code")
SHORT_NAMES_COLUMNS = ("code", "short_name")

# The grades of learning_platform.models.GRADE_CHOICES, repeated so this module needs no Django; a test keeps
# the two equal.
GRADES = ("K", *(str(grade) for grade in range(1, 13)), "HS")
# The Coherence Map's cluster_msa: whether the standard's cluster is major, supporting or additional work.
WEIGHT_CLASSES = {"0": "major", "1": "supporting", "2": "additional"}


class StandardsFileError(ValueError):
    """A problem in a standards directory, located by file name and, when it has one, line number."""

    def __init__(self, file_name: str, line: int | None, problem: str) -> None:
        self.file_name = file_name
        self.line = line
        self.problem = problem
        super().__init__(f"{file_name}: {problem}" if line is None else f"{file_name} line {line}: {problem}")


@dataclass(frozen=True)
class Standard:
    """One checked row of standards.csv; `parent_code` is the standard this one is a part of, if any."""

    line: int
    source_id: str
    code: str
    grade: str
    domain_code: str
    domain_name: str
    cluster_letter: str
    cluster_name: str
    weight_class: str
    ordinal: str
    text: str
    parent_code: str | None
    short_name: str = ""


@dataclass(frozen=True)
class StandardsData:
    """Everything a standards directory holds, checked."""

    standards: list[Standard]
    # (prerequisite code, target code), in file order.
    prerequisites: list[tuple[str, str]]
    # (code, code) with the lower code first, each pair once, in order of first mention.
    related: list[tuple[str, str]]


def read_standards_directory(directory: Path) -> StandardsData:
    """Read and check the three CSV files in `directory`; raises StandardsFileError on the first problem."""
    if not directory.is_dir():
        raise StandardsFileError(str(directory), None, "no such directory")
    standards = _read_standards(directory / STANDARDS_FILE)
    codes = {standard.code for standard in standards}
    if (directory / SHORT_NAMES_FILE).exists():
        names = _read_short_names(directory / SHORT_NAMES_FILE, codes)
        standards = [replace(standard, short_name=names.get(standard.code, "")) for standard in standards]
    return StandardsData(
        standards=standards,
        prerequisites=_read_prerequisites(directory / PREREQUISITES_FILE, codes),
        related=_read_related(directory / RELATED_FILE, codes),
    )


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """The data rows of the CSV file `path` as (line number, {column: value}), once its header has `columns`."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StandardsFileError(path.name, None, f"no such file in {path.parent}") from None
    except OSError as error:
        raise StandardsFileError(path.name, None, f"cannot be read ({error.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise StandardsFileError(path.name, line, "is not UTF-8 text") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
        missing = [name for name in columns if name not in header]
        if missing:
            raise StandardsFileError(
                path.name, 1, f"the header lacks {', '.join(missing)} (it has {', '.join(header) or 'nothing'})"
            )
        while True:
            # A quoted value may span lines; a row is reported by the line it starts on.
            line = reader.line_num + 1
            values = next(reader, None)
            if values is None:
                return
            if not any(value.strip() for value in values):
                continue
            if len(values) != len(header):
                raise StandardsFileError(path.name, line, f"has {len(values)} values, the header has {len(header)}")
            yield line, {name: value.strip() for name, value in zip(header, values)}
    except csv.Error as error:
        raise StandardsFileError(path.name, reader.line_num, str(error)) from None


def _read_standards(path: Path) -> list[Standard]:
    first_line: dict[str, int] = {}
    rows: list[tuple[int, dict[str, str]]] = []
    for line, row in _rows(path, STANDARDS_COLUMNS):
        code = row["code"]
        if not code:
            raise StandardsFileError(path.name, line, "code is empty")
        if code in first_line:
            raise StandardsFileError(path.name, line, f"code {code} is repeated (first on line {first_line[code]})")
        if row["grade"] not in GRADES:
            raise StandardsFileError(path.name, line, f"grade must be K, 1 to 12 or HS, not {row['grade']!r}")
        if row["cluster_msa"] not in WEIGHT_CLASSES:
            raise StandardsFileError(path.name, line, f"cluster_msa must be 0, 1 or 2, not {row['cluster_msa']!r}")
        first_line[code] = line
        rows.append((line, row))
    if not rows:
        raise StandardsFileError(path.name, None, "has no standards")
    return [
        Standard(
            line=line,
            source_id=row["atc_id"],
            code=row["code"],
            grade=row["grade"],
            domain_code=row["domain_code"],
            domain_name=row["domain_name"],
            cluster_letter=row["cluster_letter"],
            cluster_name=row["cluster_name"],
            weight_class=WEIGHT_CLASSES[row["cluster_msa"]],
            ordinal=row["ordinal"],
            text=row["text"],
            parent_code=_parent_code(row["code"], first_line),
        )
        for line, row in rows
    ]


def _parent_code(code: str, codes: Container[str]) -> str | None:
    """The standard `code` is a part of: 6.RP.A.3 for 6.RP.A.3a, when there is one."""
    if code[-1] in string.ascii_lowercase and code[:-1] in codes:
        return code[:-1]
    return None


def _check_known(path: Path, line: int, row: dict[str, str], columns: tuple[str, str], codes: set[str]) -> None:
    for column in columns:
        if row[column] not in codes:
            raise StandardsFileError(path.name, line, f"{column} {row[column]!r} is not a code in {STANDARDS_FILE}")


def _read_prerequisites(path: Path, codes: set[str]) -> list[tuple[str, str]]:
    edge_lines: dict[tuple[str, str], int] = {}
    for line, row in _rows(path, PREREQUISITES_COLUMNS):
        _check_known(path, line, row, ("from_code", "to_code"), codes)
        prerequisite, target = edge = (row["from_code"], row["to_code"])
        if prerequisite == target:
            raise StandardsFileError(path.name, line, f"{target} cannot be its own prerequisite")
        if edge in edge_lines:
            raise StandardsFileError(
                path.name, line, f"the edge {prerequisite} -> {target} is repeated (first on line {edge_lines[edge]})"
            )
        edge_lines[edge] = line
    cycle = graph.find_cycle(edge_lines)
    if cycle:
        # Blame the cycle's edge that comes last in the file, and name the shortest cycle through it the way
        # prerequisite_add does, from that edge's target round to the edge itself.
        prerequisite, target = closing = max(zip(cycle, cycle[1:]), key=edge_lines.__getitem__)
        shortest = graph.cycle_closed_by(
            (edge for edge in edge_lines if edge != closing), prerequisite=prerequisite, target=target
        )
        raise StandardsFileError(
            path.name,
            edge_lines[closing],
            f"the edge {prerequisite} -> {target} closes the cycle {' -> '.join(shortest)}",
        )
    return list(edge_lines)


def _read_related(path: Path, codes: set[str]) -> list[tuple[str, str]]:
    pairs: dict[tuple[str, str], None] = {}
    for line, row in _rows(path, RELATED_COLUMNS):
        _check_known(path, line, row, ("a_code", "b_code"), codes)
        if row["a_code"] == row["b_code"]:
            raise StandardsFileError(path.name, line, f"{row['a_code']} cannot be related to itself")
        low, high = sorted((row["a_code"], row["b_code"]))
        pairs[low, high] = None
    return list(pairs)


def _read_short_names(path: Path, codes: set[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    named_on: dict[str, int] = {}
    for line, row in _rows(path, SHORT_NAMES_COLUMNS):
        code, name = row["code"], row["short_name"]
        _check_known(path, line, row, ("code",), codes)
        if code in names:
            raise StandardsFileError(path.name, line, f"{code} is named twice")
        if not name or len(name) > SHORT_NAME_MAX:
            raise StandardsFileError(path.name, line, f"the short name must be 1 to {SHORT_NAME_MAX} characters")
        if name in named_on:
            raise StandardsFileError(path.name, line, f"the short name {name!r} is also line {named_on[name]}'s")
        names[code], named_on[name] = name, line
    return names
