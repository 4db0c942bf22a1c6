"""Importing MathCAMPS items: reading and checking the file, the bank's upsert, the command, the committed copy."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from assessments import scoring
from assessments.item_import import (
    CORE,
    DIFFICULTY_BY_TYPE,
    STRETCH,
    ItemFile,
    ItemFileError,
    ParsedItem,
    SkippedProblem,
    parse_items,
    read_items_file,
)
from assessments.models import Assessment, Difficulty, Item, Response
from assessments.services import (
    ItemImportReport,
    assessment_create,
    assignment_create,
    attempt_answer_save,
    attempt_start,
    items_import,
    standards_import,
)

CCSS_MATH_DIRECTORY = Path(settings.BASE_DIR) / "data" / "ccss-math"
BANK_FILE = Path(settings.BASE_DIR) / "data" / "items" / "mathcamps.json"

KNOWN_CODES = {"6.EE.A.1", "6.NS.B.3", "7.NS.A.1", "8.EE.C.8", "HSA-SSE.A.1"}

SKIPPED_BANK_EXAMPLES = {
    "follow-up that leans on another question": tuple(
        SkippedProblem(
            f"4.NF.A.2-{number}-2",
            "follow-up that leans on another question",
            f"the follow-up to 4.NF.A.2-{number}-0 does not restate it or points back at it",
        )
        for number in range(3)
    ),
    "answer not a number or comparison": tuple(
        SkippedProblem(
            source_id, "answer not a number or comparison", f"answer '{answer}' is not a single number or a comparison"
        )
        for source_id, answer in (
            ("8.EE.C.8-0-0", "{q: 373/321, s: 2291/642}"),
            ("8.EE.C.8-1-0", "{b: 3027/145, m: 318/145}"),
            ("8.EE.C.8-2-0", "{g: 4606/1923, o: 2927/1923}"),
        )
    ),
    "a count of things that is not a whole number": tuple(
        SkippedProblem(
            source_id, "a count of things that is not a whole number", f"'{count}' counts things in fractions"
        )
        for source_id, count in (
            ("6.NS.B.3-0-0", "20.3 tenants"),
            ("6.NS.B.3-2-0", "39.2 hats"),
            ("6.NS.B.3-3-0", "18.06 cucumbers"),
        )
    ),
    "rounded decimal answer": tuple(
        SkippedProblem(
            source_id,
            "rounded decimal answer",
            f"answer '{answer}' is a decimal rounded to 15 significant digits, so its exact value is unknown",
        )
        for source_id, answer in (
            ("6.NS.B.3-62-2", "120.435294117647"),
            ("4.MD.A.2-decimal-103-2", "3.75888888888889"),
            ("5.NBT.B.7-98-2", "1.30705394190871"),
        )
    ),
}
BANK_SKIPPED = {
    "follow-up that leans on another question": 4257,
    "answer not a number or comparison": 200,
    "a count of things that is not a whole number": 88,
    "rounded decimal answer": 3,
}


def problem(problem_id: str = "6.EE.A.1-0-0", **fields) -> dict:
    """A MathCAMPS problem object; `fields` override the defaults."""
    return {
        "id": problem_id,
        "standard": "6.EE.A.1",
        "statement": "What is the value of 5^4?",
        "answer": "625",
        "type": "original-problem",
        "followup_to": None,
        **fields,
    }


def parse(entries: object) -> ItemFile:
    return parse_items(entries, file_name="mathcamps.json", known_codes=KNOWN_CODES)


def write_file(path: Path, entries: object) -> Path:
    path.write_text(json.dumps(entries, indent=1), encoding="utf-8")
    return path


def snapshot() -> dict[str, list[dict]]:
    """Every item, item tag and response row, ids and timestamps included, to show an import changed nothing."""
    return {
        "Item": list(Item.objects.order_by("pk").values()),
        "ItemTargets": list(Item.targets.through.objects.order_by("pk").values()),
        "Response": list(Response.objects.order_by("pk").values()),
    }


@pytest.fixture
def standards(db):
    """The committed Common Core standards, imported."""
    standards_import(directory=CCSS_MATH_DIRECTORY)


# Reading and checking the file (no database)


@pytest.mark.parametrize(
    ("answer", "item_type", "key"),
    [
        ("<", "comparison", {"correct": "<"}),
        (" = ", "comparison", {"correct": "="}),
        ("625", "numeric", {"value": "625", "tolerance": "0"}),
        ("59.4600000000000", "numeric", {"value": "59.46", "tolerance": "0"}),
        ("23.0000000000000", "numeric", {"value": "23", "tolerance": "0"}),
        ("3038.86998000000", "numeric", {"value": "3038.86998", "tolerance": "0"}),
        ("3/4", "numeric", {"value": "3/4", "tolerance": "0"}),
        (" 3 / 4 ", "numeric", {"value": "3/4", "tolerance": "0"}),
        ("6/8", "numeric", {"value": "3/4", "tolerance": "0"}),
        ("-7/2", "numeric", {"value": "-7/2", "tolerance": "0"}),
        ("-0.5", "numeric", {"value": "-0.5", "tolerance": "0"}),
        ("-12", "numeric", {"value": "-12", "tolerance": "0"}),
        ("1 1/2", "numeric", {"value": "3/2", "tolerance": "0"}),
    ],
)
def test_a_comparison_or_a_single_number_becomes_an_item_with_its_key(answer, item_type, key):
    # given a problem with this answer
    # when the entries are parsed
    parsed = parse([problem(answer=answer)])

    # then it becomes an item of the answer's type, with its canonical key, and a key scoring accepts
    assert parsed.skipped == []
    assert [(item.item_type, item.key) for item in parsed.items] == [(item_type, key)]
    scoring.validate_key(item_type, [], key)


def test_an_item_keeps_its_id_trimmed_statement_target_and_difficulty():
    # given an original problem, both kinds of follow-up, a problem without a type, and a standard variant
    entries = [
        problem("6.EE.A.1-0-0", statement="  What is the value of 5^4?\n"),
        problem("6.EE.A.1-0-1", type="incremental-followup", followup_to="6.EE.A.1-0-0"),
        problem("6.EE.A.1-0-2", type="counterfactual-followup", followup_to="6.EE.A.1-0-0"),
        {key: value for key, value in problem("6.EE.A.1-1-0").items() if key not in ("type", "followup_to")},
        problem("7.NS.A.1-fraction-0-0", standard="7.NS.A.1-fraction", answer="99/29"),
        problem("HSA-SSE.A.1-0-0", standard="HSA-SSE.A.1"),
    ]

    # when they are parsed
    parsed = parse(entries)

    # then each is an item: incremental follow-ups are a stretch, the variant belongs to its standard
    assert parsed.items[0] == ParsedItem(
        entry=0,
        source_id="6.EE.A.1-0-0",
        target_code="6.EE.A.1",
        item_type="numeric",
        stem="What is the value of 5^4?",
        key={"value": "625", "tolerance": "0"},
        difficulty=CORE,
    )
    assert [(item.entry, item.target_code, item.difficulty) for item in parsed.items] == [
        (0, "6.EE.A.1", CORE),
        (1, "6.EE.A.1", STRETCH),
        (2, "6.EE.A.1", CORE),
        (3, "6.EE.A.1", CORE),
        (4, "7.NS.A.1", CORE),
        (5, "HSA-SSE.A.1", CORE),
    ]
    assert parsed.skipped == []


def test_problems_that_cannot_be_items_are_skipped_with_their_reason():
    # given problems with a system, factor pairs, a rounded decimal, unknown standards, a blank statement and a
    # repeated id, between two good problems
    entries = [
        problem("6.EE.A.1-0-0"),
        problem("8.EE.C.8-0-0", standard="8.EE.C.8", answer="{x: 2, y: 3}"),
        problem("8.EE.C.8-1-0", standard="8.EE.C.8", answer="(2, 3)"),
        problem("4.OA.B.4-0-0", standard="8.EE.C.8", answer="[(1, 13)]"),
        problem("6.NS.B.3-0-2", standard="6.NS.B.3", answer="1.03448275862069"),
        problem("9.ZZ.A.1-0-0", standard="9.ZZ.A.1"),
        problem("7.NS.A.9-fraction-0-0", standard="7.NS.A.9-fraction"),
        problem("6.EE.A.1-1-0", statement=" \n "),
        problem("6.EE.A.1-0-0", answer="626"),
        problem("6.EE.A.1-2-0", answer="7"),
    ]

    # when they are parsed
    parsed = parse(entries)

    # then the good problems are items (the first of a repeated id wins) and each other one says why it is not
    assert [(item.source_id, item.key["value"]) for item in parsed.items] == [
        ("6.EE.A.1-0-0", "625"),
        ("6.EE.A.1-2-0", "7"),
    ]
    assert parsed.skipped == [
        SkippedProblem(
            "8.EE.C.8-0-0",
            "answer not a number or comparison",
            "answer '{x: 2, y: 3}' is not a single number or a comparison",
        ),
        SkippedProblem(
            "8.EE.C.8-1-0",
            "answer not a number or comparison",
            "answer '(2, 3)' is not a single number or a comparison",
        ),
        SkippedProblem(
            "4.OA.B.4-0-0",
            "answer not a number or comparison",
            "answer '[(1, 13)]' is not a single number or a comparison",
        ),
        SkippedProblem(
            "6.NS.B.3-0-2",
            "rounded decimal answer",
            "answer '1.03448275862069' is a decimal rounded to 15 significant digits, so its exact value is unknown",
        ),
        SkippedProblem("9.ZZ.A.1-0-0", "unknown standard", "standard '9.ZZ.A.1' is not a known target code"),
        SkippedProblem(
            "7.NS.A.9-fraction-0-0", "unknown standard", "standard '7.NS.A.9-fraction' is not a known target code"
        ),
        SkippedProblem("6.EE.A.1-1-0", "empty statement", "the statement is empty"),
        SkippedProblem("6.EE.A.1-0-0", "duplicate id", "id repeats entry 0"),
    ]


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"id": "6.EE.A.1-0-0"}, "mathcamps.json: expected a JSON list of problems, found an object"),
        ([problem(), "6.EE.A.1-1-0"], "mathcamps.json entry 1: expected an object, found text"),
        (
            [problem(), problem("6.EE.A.1-3-0"), {k: v for k, v in problem("6.EE.A.1-4-0").items() if k != "answer"}],
            "mathcamps.json entry 2 (id 6.EE.A.1-4-0): missing 'answer'",
        ),
        ([{k: v for k, v in problem().items() if k != "id"}], "mathcamps.json entry 0: missing 'id'"),
        ([problem(answer=625)], "mathcamps.json entry 0 (id 6.EE.A.1-0-0): 'answer' must be text, not a number"),
        ([problem(standard=None)], "mathcamps.json entry 0 (id 6.EE.A.1-0-0): 'standard' must be text, not null"),
        ([problem(problem_id=" ")], "mathcamps.json entry 0: 'id' is empty"),
        (
            [problem(type="harder-followup")],
            "mathcamps.json entry 0 (id 6.EE.A.1-0-0): 'type' must be one of original-problem, "
            'counterfactual-followup, incremental-followup, not "harder-followup"',
        ),
        # A malformed entry is reported even after problems that are skipped.
        (
            [problem(standard="9.ZZ.A.1"), problem("6.EE.A.1-0-0"), problem("6.EE.A.1-1-0", statement=[])],
            "mathcamps.json entry 2 (id 6.EE.A.1-1-0): 'statement' must be text, not a list",
        ),
    ],
)
def test_a_malformed_file_is_refused_naming_the_entry_and_id(entries, message):
    # given a file whose structure is wrong at one entry
    # when it is parsed
    with pytest.raises(ItemFileError) as refused:
        parse(entries)

    # then the error names the file, the entry index and, when it has one, the id
    assert str(refused.value) == message


def test_reading_a_file_accepts_a_byte_order_mark_and_refuses_what_is_not_json(tmp_path):
    # given a file with a byte order mark, a file that is not JSON and a path with no file
    with_mark = tmp_path / "with-mark.json"
    with_mark.write_bytes(b"\xef\xbb\xbf" + json.dumps([problem()]).encode("utf-8"))
    not_json = tmp_path / "not-json.json"
    not_json.write_text('[{"id": "6.EE.A.1-0-0",]', encoding="utf-8")

    # when each is read
    parsed = read_items_file(with_mark, known_codes=KNOWN_CODES)
    with pytest.raises(ItemFileError) as bad_json:
        read_items_file(not_json, known_codes=KNOWN_CODES)
    with pytest.raises(ItemFileError) as no_file:
        read_items_file(tmp_path / "nowhere.json", known_codes=KNOWN_CODES)

    # then the first is read, and the errors say what is wrong
    assert (parsed.file_name, [item.source_id for item in parsed.items]) == ("with-mark.json", ["6.EE.A.1-0-0"])
    assert str(bad_json.value) == (
        "not-json.json: is not JSON (Expecting property name enclosed in double quotes: line 1 column 24 (char 23))"
    )
    assert str(no_file.value) == f"{tmp_path / 'nowhere.json'}: no such file"


def test_the_importers_types_and_difficulties_are_the_models():
    # given the values the pure module writes
    # when compared with the model's choices
    # then they are the model's
    assert (CORE, STRETCH) == (Difficulty.CORE.value, Difficulty.STRETCH.value)
    assert set(DIFFICULTY_BY_TYPE.values()) == {CORE, STRETCH}
    assert {"numeric", "comparison"} <= set(Item.Type.values) & set(scoring.ITEM_TYPES)


def test_a_follow_up_becomes_an_item_only_when_it_stands_on_its_own():
    # given an original word problem and follow-ups: one that restates it with another step, one that restates it
    # with a number changed, one that points back at it, one that drops the setup, and one whose original is
    # missing from the file
    original = "Liam has 40 sets of blocks. Each set has 16 blocks. How many blocks does Liam have?"
    entries = [
        problem("6.EE.A.1-5-0", statement=original, answer="640"),
        problem(
            "6.EE.A.1-5-1",
            type="incremental-followup",
            followup_to="6.EE.A.1-5-0",
            answer="615",
            statement=original.replace(
                "How many blocks does Liam have?",
                "He gives 25 blocks to a friend. How many blocks does Liam have left?",
            ),
        ),
        problem(
            "6.EE.A.1-5-2",
            type="counterfactual-followup",
            followup_to="6.EE.A.1-5-0",
            answer="480",
            statement="Liam has 30 sets of blocks. Each set has 16 blocks. How many blocks does Liam have?",
        ),
        problem(
            "6.EE.A.1-5-3",
            type="counterfactual-followup",
            followup_to="6.EE.A.1-5-0",
            answer="480",
            statement="Using the previous problem, suppose Liam has 30 sets of 16 blocks. How many blocks?",
        ),
        problem(
            "6.EE.A.1-5-4",
            type="incremental-followup",
            followup_to="6.EE.A.1-5-0",
            answer="615",
            statement="Liam gives 25 blocks to a friend. How many blocks does he have left?",
        ),
        problem("6.EE.A.1-6-1", type="incremental-followup", followup_to="6.EE.A.1-6-0"),
    ]

    # when they are parsed
    parsed = parse(entries)

    # then the stems that stand on their own are items, as written, and the others are skipped saying why
    assert [(item.source_id, item.stem) for item in parsed.items] == [
        ("6.EE.A.1-5-0", original),
        ("6.EE.A.1-5-1", entries[1]["statement"]),
        ("6.EE.A.1-5-2", entries[2]["statement"]),
    ]
    assert parsed.skipped == [
        SkippedProblem(
            source_id,
            "follow-up that leans on another question",
            f"the follow-up to {followup_to} does not restate it or points back at it",
        )
        for source_id, followup_to in (
            ("6.EE.A.1-5-3", "6.EE.A.1-5-0"),
            ("6.EE.A.1-5-4", "6.EE.A.1-5-0"),
            ("6.EE.A.1-6-1", "6.EE.A.1-6-0"),
        )
    ]


@pytest.mark.parametrize(
    ("statement", "skipped"),
    [
        ("A company shipped 6548 glasses to 76.5 retail outlets. How many did each outlet get?", "76.5 retail"),
        ("A group of 35.3 monkeys eats 2047.4 pounds of bananas. How much does each eat?", "35.3 monkeys"),
        ("A car travels 775.644 miles on 43.6 gallons of fuel. How far per gallon?", ""),
        ("Add 2.5 and 3.75, then subtract 1.25 from the sum.", ""),
    ],
)
def test_a_problem_counting_things_in_fractions_is_skipped(statement, skipped):
    # given a problem with decimals before units, small words or things that come whole
    # when it is parsed
    parsed = parse([problem(statement=statement)])

    # then a decimal count of whole things skips it; measures and sums are fine
    if skipped:
        assert parsed.skipped == [
            SkippedProblem(
                "6.EE.A.1-0-0",
                "a count of things that is not a whole number",
                f"'{skipped}' counts things in fractions",
            )
        ]
    else:
        assert [item.stem for item in parsed.items] == [statement]


def test_the_committed_bank_is_the_mathcamps_file_as_published():
    # given the committed copy
    raw = BANK_FILE.read_bytes()
    problems = json.loads(raw)

    # when it is checked against its provenance (data/items/README.md)
    # then it is the published file, byte for byte: 9,607 problems over 44 standards of grades K-8
    assert hashlib.sha256(raw).hexdigest() == "2031791bad2dae10501633fc8e0f5770f2062b8ea6e95c20a8860e3922f740d8"
    assert len(problems) == 9607
    assert {problem["standard"][0] for problem in problems} == set("K12345678")
    assert Counter(problem.get("type", "original-problem") for problem in problems) == {
        "original-problem": 4900,
        "counterfactual-followup": 3126,
        "incremental-followup": 1581,
    }


# The service and the command, on the committed bank


def test_importing_the_committed_bank_creates_every_item_it_can(standards, django_assert_max_num_queries):
    # given the Common Core standards, imported, and an empty bank
    # when the committed bank is imported (in batches, not a query a row: SQLite batches inserts by its parameter
    # limit, PostgreSQL needs one insert a table)
    with django_assert_max_num_queries(120):
        report = items_import(path=BANK_FILE)

    # then 5,059 items are created, over 42 of the 44 standards; the skipped problems are follow-ups that lean on
    # another question, answers that are systems or factor pairs (8.EE.C.8, 4.OA.B.4), decimal counts of things
    # that come whole, and decimals SymPy cut at 15 digits
    assert report == ItemImportReport(
        file_name="mathcamps.json",
        created=5059,
        updated=0,
        unchanged=0,
        skipped=BANK_SKIPPED,
        skip_examples=SKIPPED_BANK_EXAMPLES,
        not_in_file=0,
    )
    items = Item.objects.filter(source="mathcamps")
    assert items.count() == 5059
    tags = Counter(Item.targets.through.objects.values_list("item_id", flat=True))
    assert set(tags.values()) == {1} and set(tags) == set(items.values_list("pk", flat=True))
    by_target = Counter(items.values_list("targets__code", flat=True))
    assert len(by_target) == 42 and by_target["3.MD.D.8"] == 300 and by_target["K.OA.A.5"] == 115
    assert min(by_target.values()) == by_target["6.NS.B.3"] == 66
    assert Counter(items.values_list("item_type", "difficulty")) == {
        ("numeric", 2): 4616,
        ("numeric", 3): 232,
        ("comparison", 2): 211,
    }
    for item_type, choices, key in items.values_list("item_type", "choices", "key"):
        scoring.validate_key(item_type, choices, key)
    assert not items.filter(stem__iregex=r"(previous|earlier|last|original) (problem|question)").exists()
    item = items.get(source_id="8.EE.C.7-0-0")
    assert (item.stem, item.key, item.key_version, item.is_active, item.school, item.worked_solution) == (
        "Solve the following equation for the variable u: 122 = 92 + 28 * u",
        {"value": "15/14", "tolerance": "0"},
        1,
        True,
        None,
        "",
    )


def test_a_second_import_changes_nothing_in_a_few_queries(standards, django_assert_max_num_queries):
    # given the committed bank, imported
    items_import(path=BANK_FILE)
    before = snapshot()

    # when it is imported again
    with django_assert_max_num_queries(10):
        report = items_import(path=BANK_FILE)

    # then nothing is created or updated, and every row, id and timestamp is as it was
    assert (report.created, report.updated, report.unchanged, report.skipped_total) == (0, 0, 5059, 4548)
    assert snapshot() == before


def test_the_command_prints_the_summary_and_what_it_skipped(standards, capsys):
    # given an empty bank
    # when the command imports the committed bank, then again quietly
    call_command("import_items", str(BANK_FILE))
    first = capsys.readouterr()
    call_command("import_items", str(BANK_FILE), "--quiet")
    second = capsys.readouterr()

    # then it prints the counts, the skipped problems by reason with examples, and a progress bar on stderr;
    # quietly, only the counts
    assert first.out == (
        "mathcamps.json: 9607 problems: 5059 items created, 0 updated, 0 unchanged, 4548 skipped.\n"
        "Skipped 4548 problems:\n"
        + "".join(
            f"  {count:>4}  {kind}, e.g.\n"
            + "".join(f"          {example.source_id}: {example.reason}\n" for example in SKIPPED_BANK_EXAMPLES[kind])
            for kind, count in sorted(BANK_SKIPPED.items(), key=lambda pair: -pair[1])
        )
    )
    assert "4/4" in first.err
    assert second.out == ("mathcamps.json: 9607 problems: 0 items created, 0 updated, 5059 unchanged, 4548 skipped.\n")
    assert second.err == ""


def broken_bank(path: Path, edit) -> Path:
    """A copy of the committed bank as `edit` returns it, given the list of problems."""
    return write_file(path, edit(json.loads(BANK_FILE.read_text(encoding="utf-8"))))


def drop_answer(problems: list[dict]) -> list[dict]:
    del problems[17]["answer"]
    return problems


def lengthen_id(problems: list[dict]) -> list[dict]:
    problems[2001]["id"] = "8.EE.C.7-" + "9" * 121
    return problems


def wrap_in_object(problems: list[dict]) -> dict:
    return {"problems": problems}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (drop_answer, "broken.json entry 17 (id 4.NF.A.2-8-2): missing 'answer'"),
        (
            lengthen_id,
            f"broken.json entry 2001 (id 8.EE.C.7-{'9' * 121}): id: Ensure this value has at most 120 characters "
            "(it has 130).",
        ),
        (wrap_in_object, "broken.json: expected a JSON list of problems, found an object"),
    ],
    ids=["missing answer", "id too long", "not a list"],
)
def test_a_malformed_file_fails_the_command_and_leaves_the_bank_as_it_was(standards, tmp_path, edit, message):
    # given the first 50 problems of the committed bank, imported, and a copy of the whole bank broken at one entry
    call_command("import_items", str(broken_bank(tmp_path / "start.json", lambda problems: problems[:50])), "--quiet")
    before = snapshot()
    assert len(before["Item"]) == 27  # the other 23 are follow-ups that lean on the problem before them
    path = broken_bank(tmp_path / "broken.json", edit)

    # when the broken copy is imported
    with pytest.raises(CommandError) as failed:
        call_command("import_items", str(path), "--quiet")

    # then the command names the file, entry and id, and the database is exactly as it was
    assert str(failed.value) == message
    assert snapshot() == before


def test_the_command_refuses_a_missing_file_and_a_bank_without_standards(db, tmp_path):
    # given no standards and no file at the path
    # when the command is pointed at a missing file, then at the committed bank
    with pytest.raises(CommandError) as no_file:
        call_command("import_items", str(tmp_path / "nowhere.json"), "--quiet")
    with pytest.raises(CommandError) as no_standards:
        call_command("import_items", str(BANK_FILE), "--quiet")

    # then each error says what is missing and what to do, and nothing is written
    assert str(no_file.value) == f"{tmp_path / 'nowhere.json'}: no such file"
    assert str(no_standards.value) == (
        "The Common Core State Standards for Mathematics (framework 'ccss-math') are not imported yet; "
        "run `manage.py import_standards data/ccss-math` first."
    )
    assert not Item.objects.exists()


# Updating items in place


def test_a_changed_problem_updates_its_item_in_place(standards, tmp_path):
    # given three problems, imported
    problems = [problem("6.EE.A.1-0-0"), problem("6.EE.A.1-1-0", answer="8"), problem("6.EE.A.1-2-0", answer="9")]
    path = write_file(tmp_path / "bank.json", problems)
    items_import(path=path)
    ids = dict(Item.objects.values_list("source_id", "pk"))

    # when one answer, one statement and one standard change and the file is imported again
    problems[0]["answer"] = "626"
    problems[1]["statement"] = "What is 2^3?"
    problems[2]["standard"] = "6.NS.B.3"
    report = items_import(path=write_file(path, problems))

    # then all three are updated in place; only the changed key raises its key version
    assert (report.created, report.updated, report.unchanged, report.skipped) == (0, 3, 0, {})
    rows = Item.objects.order_by("source_id").values_list("pk", "key", "key_version", "stem", "targets__code")
    assert list(rows) == [
        (ids["6.EE.A.1-0-0"], {"value": "626", "tolerance": "0"}, 2, "What is the value of 5^4?", "6.EE.A.1"),
        (ids["6.EE.A.1-1-0"], {"value": "8", "tolerance": "0"}, 1, "What is 2^3?", "6.EE.A.1"),
        (ids["6.EE.A.1-2-0"], {"value": "9", "tolerance": "0"}, 1, "What is the value of 5^4?", "6.NS.B.3"),
    ]


def test_items_the_file_no_longer_lists_are_kept_and_counted(standards, tmp_path):
    # given two problems, imported
    path = write_file(tmp_path / "bank.json", [problem("6.EE.A.1-0-0"), problem("6.EE.A.1-1-0")])
    items_import(path=path)

    # when the file loses one and is imported again
    report = items_import(path=write_file(path, [problem("6.EE.A.1-0-0")]))

    # then the other item stays, and the summary says so
    assert Item.objects.count() == 2
    assert report.summary() == (
        "bank.json: 1 problems: 0 items created, 0 updated, 1 unchanged, 0 skipped. "
        "Kept 1 mathcamps items the file does not list."
    )
    assert report.skip_table() == ""


def test_an_answered_items_key_is_not_changed_by_an_import(world, standards, tmp_path):
    # given two problems, imported, and a student's saved answer to the first in an open quiz
    problems = [problem("6.EE.A.1-0-0"), problem("6.EE.A.1-1-0", answer="8")]
    path = write_file(tmp_path / "bank.json", problems)
    items_import(path=path)
    answered = Item.objects.get(source_id="6.EE.A.1-0-0")
    now = timezone.now()
    quiz = assessment_create(
        title="Exponents", kind=Assessment.Kind.QUIZ, school=world.school, created_by=world.teacher, items=[answered]
    )
    assignment = assignment_create(
        assessment=quiz,
        section=world.section,
        opens_at=now - datetime.timedelta(hours=1),
        due_at=now + datetime.timedelta(days=1),
        assigned_by=world.teacher,
    )
    attempt = attempt_start(assignment=assignment, learner=world.student)
    attempt_answer_save(attempt=attempt, learner=world.student, item_id=answered.pk, answer="625")
    before = snapshot()

    # when both answers change in the file and it is imported again
    problems[0]["answer"] = "626"
    problems[1]["answer"] = "9"
    report = items_import(path=write_file(path, problems))

    # then the answered item is skipped and left as it was; the other is corrected
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    assert report.skipped == {"key change on an answered item": 1}
    assert report.skip_examples == {
        "key change on an answered item": (
            SkippedProblem(
                "6.EE.A.1-0-0",
                "key change on an answered item",
                "key differs from the bank's but the item has responses; correct it through the key-correction service",
            ),
        )
    }
    after = snapshot()
    assert after["Item"][0] == before["Item"][0]
    assert (after["Item"][1]["key"], after["Item"][1]["key_version"]) == ({"value": "9", "tolerance": "0"}, 2)
    assert after["Response"] == before["Response"]
