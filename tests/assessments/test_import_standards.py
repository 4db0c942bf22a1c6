"""Importing standards: reading and checking the CSV files, the service's upsert and sync, the command."""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from assessments.models import Framework, LearningTarget, Prerequisite, RelatedTarget
from assessments.services import ImportReport, standards_import
from assessments.standards_csv import GRADES, Standard, StandardsData, StandardsFileError, read_standards_directory
from learning_platform.models import GRADE_CHOICES

CCSS_MATH_DIRECTORY = Path(settings.BASE_DIR) / "data" / "ccss-math"

STANDARDS_HEADER = (
    "atc_id,code,grade,domain_code,domain_name,cluster_letter,cluster_name,cluster_msa,ordinal,text,wap,modeling"
)
RATIOS_STANDARDS = [
    STANDARDS_HEADER,
    '288,6.RP.A.1,6,RP,Ratios,A,"Understand ratios.",0,1,"Understand the concept of a ratio.",1,0',
    '291,6.RP.A.2,6,RP,Ratios,A,"Understand ratios.",0,2,"Understand the concept of a unit rate a/b.",1,0',
    '294,6.RP.A.3,6,RP,Ratios,A,"Understand ratios.",0,3,"Use ratio and rate reasoning.",1,0',
    '295,6.RP.A.3a,6,RP,Ratios,A,"Understand ratios.",0,3.a,"Make tables of equivalent ratios.",1,0',
    '355,7.RP.A.2,7,RP,Ratios,A,"Analyze proportional relationships.",0,2,"Recognize “y = kx”.",1,0',
    '330,6.NS.B.2,6,NS,The Number System,B,"Compute fluently.",1,2,"Fluently divide multi-digit numbers.",1,0',
    '366,6.G.A.1,6,G,Geometry,A,"Solve problems.",2,1,"Find the area of right triangles.",1,1',
]
RATIOS_PREREQUISITES = [
    "from_id,from_code,to_id,to_code",
    "288,6.RP.A.1,291,6.RP.A.2",
    "291,6.RP.A.2,355,7.RP.A.2",
    "288,6.RP.A.1,295,6.RP.A.3a",
]
RATIOS_RELATED = [
    "a_id,a_code,b_id,b_code",
    "294,6.RP.A.3,355,7.RP.A.2",
    "355,7.RP.A.2,294,6.RP.A.3",
    "330,6.NS.B.2,366,6.G.A.1",
]


def write_directory(
    directory: Path,
    *,
    standards: list[str] = RATIOS_STANDARDS,
    prerequisites: list[str] = RATIOS_PREREQUISITES,
    related: list[str] = RATIOS_RELATED,
) -> Path:
    """A standards directory holding the given lines of each CSV file."""
    directory.mkdir(exist_ok=True)
    for name, lines in (("standards.csv", standards), ("prerequisites.csv", prerequisites), ("related.csv", related)):
        (directory / name).write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return directory


def replaced(lines: list[str], line_number: int, new_line: str) -> list[str]:
    """`lines` with line `line_number` (counting from 1, as the error messages do) replaced."""
    return [new_line if number == line_number else line for number, line in enumerate(lines, start=1)]


def edit_csv(path: Path, edit) -> None:
    """Rewrite the CSV file `path` after `edit` has changed its rows in place."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\r\n").writerows(rows)


def snapshot() -> dict[str, list[dict]]:
    """Every standards row, ids included, to show an import changed nothing."""
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Framework, LearningTarget, Prerequisite, RelatedTarget)
    }


def edges() -> list[tuple[str, str]]:
    return sorted(Prerequisite.objects.values_list("prerequisite__code", "target__code"))


def related_pairs() -> list[tuple[str, str]]:
    return sorted(RelatedTarget.objects.values_list("first__code", "second__code"))


# Reading and checking the files (no database)


def test_reading_a_directory_gives_checked_standards_edges_and_pairs(tmp_path):
    # given the small ratios directory
    directory = write_directory(tmp_path / "ratios")

    # when it is read
    data = read_standards_directory(directory)

    # then every standard is there, the sub-standard knows its parent, and each related pair is kept once
    assert [standard.code for standard in data.standards] == [
        "6.RP.A.1",
        "6.RP.A.2",
        "6.RP.A.3",
        "6.RP.A.3a",
        "7.RP.A.2",
        "6.NS.B.2",
        "6.G.A.1",
    ]
    assert data.standards[3] == Standard(
        line=5,
        source_id="295",
        code="6.RP.A.3a",
        grade="6",
        domain_code="RP",
        domain_name="Ratios",
        cluster_letter="A",
        cluster_name="Understand ratios.",
        weight_class="major",
        ordinal="3.a",
        text="Make tables of equivalent ratios.",
        parent_code="6.RP.A.3",
    )
    assert [standard.weight_class for standard in data.standards[-2:]] == ["supporting", "additional"]
    assert data.standards[4].text == "Recognize “y = kx”."
    assert data == StandardsData(
        standards=data.standards,
        prerequisites=[("6.RP.A.1", "6.RP.A.2"), ("6.RP.A.2", "7.RP.A.2"), ("6.RP.A.1", "6.RP.A.3a")],
        related=[("6.RP.A.3", "7.RP.A.2"), ("6.G.A.1", "6.NS.B.2")],
    )


def test_a_byte_order_mark_and_blank_lines_are_accepted(tmp_path):
    # given a standards file saved with a byte order mark and a blank line before its last row
    directory = write_directory(tmp_path / "ratios", standards=[*RATIOS_STANDARDS[:-1], "", RATIOS_STANDARDS[-1]])
    (directory / "standards.csv").write_bytes(b"\xef\xbb\xbf" + (directory / "standards.csv").read_bytes())

    # when it is read
    data = read_standards_directory(directory)

    # then the header is recognized, the blank line skipped and the last row keeps its own line number
    assert [(standard.code, standard.line) for standard in data.standards[-2:]] == [("6.NS.B.2", 7), ("6.G.A.1", 9)]


def test_the_grades_are_the_platforms_grades():
    # given the grades the platform knows
    # when compared with the grades the reader accepts
    # then they are the same
    assert list(GRADES) == [value for value, _label in GRADE_CHOICES]


@pytest.mark.parametrize(
    ("file_name", "line_number", "new_line", "message"),
    [
        (
            "standards.csv",
            3,
            '291,6.RP.A.2,6,RP,Ratios,A,"Understand ratios.",7,2,"Unit rates.",1,0',
            "standards.csv line 3: cluster_msa must be 0, 1 or 2, not '7'",
        ),
        (
            "standards.csv",
            3,
            '291,6.RP.A.2,13,RP,Ratios,A,"Understand ratios.",0,2,"Unit rates.",1,0',
            "standards.csv line 3: grade must be K, 1 to 12 or HS, not '13'",
        ),
        (
            "standards.csv",
            4,
            '294, ,6,RP,Ratios,A,"Understand ratios.",0,3,"Use ratio and rate reasoning.",1,0',
            "standards.csv line 4: code is empty",
        ),
        (
            "standards.csv",
            4,
            '294,6.RP.A.1,6,RP,Ratios,A,"Understand ratios.",0,3,"Use ratio and rate reasoning.",1,0',
            "standards.csv line 4: code 6.RP.A.1 is repeated (first on line 2)",
        ),
        (
            "standards.csv",
            4,
            '294,6.RP.A.3,6,RP,Ratios,A,"Understand ratios.",0,3,"Use ratio and rate reasoning.",1',
            "standards.csv line 4: has 11 values, the header has 12",
        ),
        (
            "standards.csv",
            1,
            STANDARDS_HEADER.replace("cluster_msa", "msa"),
            "standards.csv line 1: the header lacks cluster_msa (it has atc_id, code, grade, domain_code, "
            "domain_name, cluster_letter, cluster_name, msa, ordinal, text, wap, modeling)",
        ),
        (
            "prerequisites.csv",
            3,
            "291,6.RP.A.2,999,6.RP.A.9",
            "prerequisites.csv line 3: to_code '6.RP.A.9' is not a code in standards.csv",
        ),
        (
            "prerequisites.csv",
            3,
            "291,6.RP.A.2,291,6.RP.A.2",
            "prerequisites.csv line 3: 6.RP.A.2 cannot be its own prerequisite",
        ),
        (
            "prerequisites.csv",
            4,
            "288,6.RP.A.1,291,6.RP.A.2",
            "prerequisites.csv line 4: the edge 6.RP.A.1 -> 6.RP.A.2 is repeated (first on line 2)",
        ),
        (
            "prerequisites.csv",
            4,
            "355,7.RP.A.2,288,6.RP.A.1",
            "prerequisites.csv line 4: the edge 7.RP.A.2 -> 6.RP.A.1 closes the cycle "
            "6.RP.A.1 -> 6.RP.A.2 -> 7.RP.A.2 -> 6.RP.A.1",
        ),
        (
            "related.csv",
            2,
            "294,6.RP.A.3,0,HSF-IF.A.1",
            "related.csv line 2: b_code 'HSF-IF.A.1' is not a code in standards.csv",
        ),
        (
            "related.csv",
            2,
            "294,6.RP.A.3,294,6.RP.A.3",
            "related.csv line 2: 6.RP.A.3 cannot be related to itself",
        ),
    ],
)
def test_a_malformed_line_is_refused_naming_the_file_and_line(tmp_path, file_name, line_number, new_line, message):
    # given the small ratios directory with one line of one file broken
    files = {"standards": RATIOS_STANDARDS, "prerequisites": RATIOS_PREREQUISITES, "related": RATIOS_RELATED}
    stem = file_name.removesuffix(".csv")
    files[stem] = replaced(files[stem], line_number, new_line)
    directory = write_directory(tmp_path / "ratios", **files)

    # when it is read
    with pytest.raises(StandardsFileError) as refused:
        read_standards_directory(directory)

    # then the error names the file, the line and the problem
    assert str(refused.value) == message
    assert (refused.value.file_name, refused.value.line) == (file_name, line_number)


def test_a_file_that_is_not_utf8_is_refused_naming_the_line(tmp_path):
    # given a standards file whose third line is Latin-1
    directory = write_directory(tmp_path / "ratios")
    path = directory / "standards.csv"
    latin1 = path.read_bytes().replace(b"a unit rate", "a unit rate é".encode("latin-1"))
    path.write_bytes(latin1)

    # when it is read
    with pytest.raises(StandardsFileError) as refused:
        read_standards_directory(directory)

    # then the error names the file and line
    assert str(refused.value) == "standards.csv line 3: is not UTF-8 text"


def test_a_missing_file_or_directory_is_refused(tmp_path):
    # given a directory without related.csv, and a directory that does not exist
    directory = write_directory(tmp_path / "ratios")
    (directory / "related.csv").unlink()

    # when each is read
    with pytest.raises(StandardsFileError) as no_file:
        read_standards_directory(directory)
    with pytest.raises(StandardsFileError) as no_directory:
        read_standards_directory(tmp_path / "nowhere")

    # then each error says what is missing
    assert str(no_file.value) == f"related.csv: no such file in {directory}"
    assert str(no_directory.value) == f"{tmp_path / 'nowhere'}: no such directory"


# The service, on the small directory


def test_a_first_import_creates_the_framework_targets_edges_and_pairs(db, tmp_path):
    # given the small ratios directory and an empty database
    directory = write_directory(tmp_path / "ratios")

    # when it is imported
    report = standards_import(directory=directory)

    # then everything in the files is written, and the report counts it
    assert report == ImportReport(
        framework="Common Core State Standards for Mathematics 2010",
        targets_created=7,
        targets_updated=0,
        targets_unchanged=0,
        edges_added=3,
        edges_removed=0,
        edges_unchanged=0,
        related_added=2,
        related_removed=0,
        related_unchanged=0,
        targets_not_in_file=(),
    )
    framework = Framework.objects.get()
    assert (framework.slug, framework.name, framework.subject, framework.version) == (
        "ccss-math",
        "Common Core State Standards for Mathematics",
        "math",
        "2010",
    )
    assert framework.source.startswith("Achieve the Core, Coherence Map data")
    targets = LearningTarget.objects.order_by("code")
    assert list(targets.values_list("code", "grade", "weight_class", "parent__code", "source_id")) == [
        ("6.G.A.1", "6", "additional", None, "366"),
        ("6.NS.B.2", "6", "supporting", None, "330"),
        ("6.RP.A.1", "6", "major", None, "288"),
        ("6.RP.A.2", "6", "major", None, "291"),
        ("6.RP.A.3", "6", "major", None, "294"),
        ("6.RP.A.3a", "6", "major", "6.RP.A.3", "295"),
        ("7.RP.A.2", "7", "major", None, "355"),
    ]
    assert edges() == [("6.RP.A.1", "6.RP.A.2"), ("6.RP.A.1", "6.RP.A.3a"), ("6.RP.A.2", "7.RP.A.2")]
    # A pair is stored lower id first, and targets are created in file order: 6.NS.B.2 before 6.G.A.1.
    assert related_pairs() == [("6.NS.B.2", "6.G.A.1"), ("6.RP.A.3", "7.RP.A.2")]


def test_a_changed_text_updates_that_target_in_place(db, tmp_path):
    # given the small ratios directory, imported
    directory = write_directory(tmp_path / "ratios")
    standards_import(directory=directory)
    target_id = LearningTarget.objects.get(code="6.RP.A.2").pk

    # when the text of 6.RP.A.2 changes and the directory is imported again
    write_directory(
        directory,
        standards=replaced(
            RATIOS_STANDARDS,
            3,
            '291,6.RP.A.2,6,RP,Ratios,A,"Understand ratios.",0,2,"Understand a unit rate a/b with b ≠ 0.",1,0',
        ),
    )
    report = standards_import(directory=directory)

    # then that one target is updated, keeping its id, and nothing else changes
    assert (report.targets_created, report.targets_updated, report.targets_unchanged) == (0, 1, 6)
    assert (report.edges_added, report.edges_removed, report.related_added, report.related_removed) == (0, 0, 0, 0)
    assert LearningTarget.objects.get(pk=target_id).text == "Understand a unit rate a/b with b ≠ 0."


def test_edges_and_pairs_follow_the_file_and_dropped_targets_are_kept(db, tmp_path):
    # given the small ratios directory, imported
    directory = write_directory(tmp_path / "ratios")
    standards_import(directory=directory)

    # when 6.G.A.1 leaves the standards (and its related pair goes with it), one edge is swapped for another
    # and the directory is imported again
    write_directory(
        directory,
        standards=RATIOS_STANDARDS[:-1],
        prerequisites=replaced(RATIOS_PREREQUISITES, 4, "294,6.RP.A.3,355,7.RP.A.2"),
        related=RATIOS_RELATED[:-1],
    )
    report = standards_import(directory=directory)

    # then the edges and pairs are exactly the files' and 6.G.A.1 is kept and reported
    assert report.targets_not_in_file == ("6.G.A.1",)
    assert (report.targets_created, report.targets_updated, report.targets_unchanged) == (0, 0, 6)
    assert (report.edges_added, report.edges_removed, report.edges_unchanged) == (1, 1, 2)
    assert (report.related_added, report.related_removed, report.related_unchanged) == (0, 1, 1)
    assert edges() == [("6.RP.A.1", "6.RP.A.2"), ("6.RP.A.2", "7.RP.A.2"), ("6.RP.A.3", "7.RP.A.2")]
    assert related_pairs() == [("6.RP.A.3", "7.RP.A.2")]
    assert LearningTarget.objects.filter(code="6.G.A.1").exists()
    assert report.summary() == (
        "Common Core State Standards for Mathematics 2010: 6 targets (0 created, 0 updated, 6 unchanged), "
        "3 prerequisite edges (1 added, 1 removed), 1 related pairs (0 added, 1 removed). "
        "Kept 1 targets the file no longer lists: 6.G.A.1."
    )


def test_a_value_too_long_for_its_column_is_refused_before_writing(db, tmp_path):
    # given the small ratios directory with a 41-character code on line 8 (and its related pair dropped)
    long_code = "6.G.A." + "1" * 35
    directory = write_directory(
        tmp_path / "ratios",
        standards=replaced(
            RATIOS_STANDARDS, 8, f'366,{long_code},6,G,Geometry,A,"Solve problems.",2,1,"Find the area.",1,1'
        ),
        related=RATIOS_RELATED[:-1],
    )

    # when it is imported
    with pytest.raises(StandardsFileError) as refused:
        standards_import(directory=directory)

    # then the line is named and nothing is written
    assert str(refused.value) == "standards.csv line 8: code: Ensure this value has at most 40 characters (it has 41)."
    assert snapshot() == {"Framework": [], "LearningTarget": [], "Prerequisite": [], "RelatedTarget": []}


def test_an_import_takes_a_bounded_number_of_queries(db, tmp_path, django_assert_max_num_queries):
    # given the committed copy of the standards and an empty database
    # when it is imported, twice
    # then each import costs a few set-based queries, not one a row
    with django_assert_max_num_queries(30):
        standards_import(directory=CCSS_MATH_DIRECTORY)
    with django_assert_max_num_queries(12):
        standards_import(directory=CCSS_MATH_DIRECTORY)


# The committed copy of the Common Core standards, through the command


def test_importing_the_common_core_gives_every_target_edge_and_pair(db):
    # given an empty database
    # when the committed copy is imported
    call_command("import_standards", str(CCSS_MATH_DIRECTORY), verbosity=0)

    # then all 480 targets, 757 edges and 142 related pairs are there, weighted as published
    framework = Framework.objects.get(slug="ccss-math")
    assert LearningTarget.objects.filter(framework=framework).count() == 480
    assert Prerequisite.objects.filter(prerequisite__framework=framework, target__framework=framework).count() == 757
    assert RelatedTarget.objects.filter(first__framework=framework, second__framework=framework).count() == 142
    assert Counter(LearningTarget.objects.values_list("weight_class", flat=True)) == {
        "major": 384,
        "supporting": 43,
        "additional": 53,
    }
    assert Counter(LearningTarget.objects.values_list("grade", flat=True)) == {
        "K": 25,
        "1": 24,
        "2": 28,
        "3": 37,
        "4": 37,
        "5": 40,
        "6": 47,
        "7": 43,
        "8": 36,
        "HS": 163,
    }
    assert LearningTarget.objects.get(code="6.RP.A.3a").parent.code == "6.RP.A.3"
    assert LearningTarget.objects.filter(parent__isnull=False).count() == 116
    assert LearningTarget.objects.get(code="K.G.B.6").text.endswith(
        "For example, “Can you join these two triangles with full sides touching to make a rectangle?”"
    )


def test_the_command_prints_a_summary_and_a_second_run_changes_nothing(db, capsys):
    # given the committed copy, imported once
    call_command("import_standards", str(CCSS_MATH_DIRECTORY))
    first = capsys.readouterr()
    before = snapshot()

    # when it is imported again
    call_command("import_standards", str(CCSS_MATH_DIRECTORY))
    second = capsys.readouterr()

    # then the first run reports everything created, the second nothing changed, and every row and id is the same
    assert first.out == (
        "Common Core State Standards for Mathematics 2010: 480 targets (480 created, 0 updated, 0 unchanged), "
        "757 prerequisite edges (757 added, 0 removed), 142 related pairs (142 added, 0 removed).\n"
    )
    assert second.out == (
        "Common Core State Standards for Mathematics 2010: 480 targets (0 created, 0 updated, 480 unchanged), "
        "757 prerequisite edges (0 added, 0 removed), 142 related pairs (0 added, 0 removed).\n"
    )
    assert "5/5" in second.err
    assert snapshot() == before


def set_cell(row_index: int, column: int, value: str):
    def edit(rows: list[list[str]]) -> None:
        rows[row_index][column] = value

    return edit


@pytest.mark.parametrize(
    ("file_name", "edit", "message"),
    [
        (
            "standards.csv",
            set_cell(16, 7, "7"),
            "standards.csv line 17: cluster_msa must be 0, 1 or 2, not '7'",
        ),
        (
            "prerequisites.csv",
            set_cell(99, 3, "6.RP.A.9"),
            "prerequisites.csv line 100: to_code '6.RP.A.9' is not a code in standards.csv",
        ),
        (
            "prerequisites.csv",
            lambda rows: rows.append(["355", "7.RP.A.2", "288", "6.RP.A.1"]),
            "prerequisites.csv line 759: the edge 7.RP.A.2 -> 6.RP.A.1 closes the cycle "
            "6.RP.A.1 -> 6.RP.A.2 -> 7.RP.A.2 -> 6.RP.A.1",
        ),
        (
            "related.csv",
            set_cell(1, 1, "1.NBT.C.9"),
            "related.csv line 2: a_code '1.NBT.C.9' is not a code in standards.csv",
        ),
    ],
)
def test_a_broken_file_fails_the_command_and_leaves_the_database_as_it_was(db, tmp_path, file_name, edit, message):
    # given the committed copy, imported, and a copy of it with one line broken
    call_command("import_standards", str(CCSS_MATH_DIRECTORY), verbosity=0)
    before = snapshot()
    directory = Path(shutil.copytree(CCSS_MATH_DIRECTORY, tmp_path / "ccss-math"))
    edit_csv(directory / file_name, edit)

    # when the broken copy is imported
    with pytest.raises(CommandError) as failed:
        call_command("import_standards", str(directory), verbosity=0)

    # then the command names the file and line, and the database is exactly as it was
    assert str(failed.value) == message
    assert snapshot() == before


def test_the_command_refuses_a_missing_directory_or_file(db, tmp_path):
    # given a directory that does not exist, and a copy of the data without standards.csv
    directory = Path(shutil.copytree(CCSS_MATH_DIRECTORY, tmp_path / "ccss-math"))
    (directory / "standards.csv").unlink()

    # when the command is pointed at each
    with pytest.raises(CommandError) as no_directory:
        call_command("import_standards", str(tmp_path / "nowhere"), verbosity=0)
    with pytest.raises(CommandError) as no_file:
        call_command("import_standards", str(directory), verbosity=0)

    # then each error says what is missing, and nothing is written
    assert str(no_directory.value) == f"{tmp_path / 'nowhere'}: no such directory"
    assert str(no_file.value) == f"standards.csv: no such file in {directory}"
    assert Framework.objects.count() == 0
