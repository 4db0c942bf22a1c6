"""Importing QTI 3.0 packages into the item bank and exporting a school's items (assessments.qti_bank)."""

from __future__ import annotations

import datetime
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments import qti
from assessments.models import Assessment, Difficulty, Item
from assessments.qti_bank import SKIP_REPEATED_ID, QtiExportError, qti_export, qti_import
from assessments.services import (
    SKIP_ANSWERED_KEY_CHANGE,
    assessment_create,
    assignment_create,
    attempt_answer_save,
    attempt_start,
    item_create,
)
from tests.conftest import RUBRIC

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "qti3-sample"
COMPARED = ("item_type", "stem", "choices", "key", "rubric", "max_points", "worked_solution", "difficulty")


def snapshot(items) -> list[tuple]:
    return [
        (*(getattr(item, name) for name in COMPARED), sorted(target.code for target in item.targets.all()))
        for item in items
    ]


def test_difficulty_values_match_the_model():
    assert set(qti.LOM_BY_DIFFICULTY) == set(Difficulty.values)


@pytest.mark.django_db
def test_the_sample_imports_into_the_shared_bank_and_a_second_run_changes_nothing():
    # when
    report = qti_import(path=SAMPLE)
    # then
    assert report.by_item_type == {"single_choice": 5, "multiple_select": 1, "short_text": 1, "open_response": 1}
    assert report.by_interaction == {
        "choice": {"created": 4, "skipped": 4},
        "inline-choice": {"created": 2},
        "text-entry": {"created": 1, "skipped": 1},
        "extended-text": {"created": 1},
        "": {"skipped": 1},
        "hottext": {"skipped": 1},
        "match": {"skipped": 1},
        "order": {"skipped": 1},
        "portable-custom": {"skipped": 1},
        "select-point": {"skipped": 1},
    }
    assert sorted((skip.file_name, skip.kind) for skip in report.skipped if skip.interaction == "choice") == [
        ("murata-meta-1.xml", qti.SKIP_MEDIA),
        ("q2-choice-interaction-multiple-sv-4a.xml", qti.SKIP_SEVERAL),
        ("sbac-choice-templated-qti3.xml", qti.SKIP_TEMPLATE),
        ("vertical-choice-6.xml", SKIP_REPEATED_ID),
    ]
    items = Item.objects.filter(source="qti")
    assert items.count() == 8 and not items.filter(school__isnull=False).exists()
    inline = items.get(source_id="inline-choice-1")
    assert (inline.item_type, inline.key, inline.difficulty) == ("single_choice", {"correct": "Y"}, Difficulty.CORE)
    before = snapshot(items.order_by("id"))
    # when run again
    again = qti_import(path=SAMPLE)
    # then
    assert (again.total("created"), again.total("updated"), again.total("unchanged")) == (0, 0, 8)
    assert snapshot(Item.objects.filter(source="qti").order_by("id")) == before
    assert again.summary() == "qti3-sample: 19 item files: 0 items created, 0 updated, 8 unchanged, 11 skipped."


@pytest.mark.django_db
def test_a_school_import_makes_the_school_items_beside_the_shared_ones(world):
    # given the shared bank holds the sample already
    qti_import(path=SAMPLE)
    # when
    report = qti_import(path=SAMPLE, school=world.school)
    # then
    assert report.total("created") == 8
    assert Item.objects.filter(source="qti", school=world.school).count() == 8
    assert Item.objects.filter(source="qti", school__isnull=True).count() == 8
    # one identifier once per school: the database refuses a second
    with pytest.raises(IntegrityError), transaction.atomic():
        Item.objects.create(
            item_type="numeric",
            stem="x",
            key={"value": "1"},
            source="qti",
            source_id="inline-choice-1",
            school=world.school,
        )


@pytest.mark.django_db
def test_an_import_from_a_zip_is_the_same_as_from_the_folder(tmp_path, world):
    # given
    package = tmp_path / "sample.zip"
    with zipfile.ZipFile(package, "w") as archive:
        for path in SAMPLE.glob("*.xml"):
            archive.write(path, f"items/{path.name}")
    # when
    report = qti_import(path=package, school=world.school)
    # then
    assert report.total("created") == 8 and report.total("skipped") == 11
    folder = qti_import(path=SAMPLE, school=world.other_school)
    assert snapshot(Item.objects.filter(school=world.school).order_by("source_id")) == snapshot(
        Item.objects.filter(school=world.other_school).order_by("source_id")
    )
    assert folder.total("created") == 8


@pytest.mark.django_db
def test_export_then_import_into_another_school_gives_identical_items(tmp_path, world, bank):
    # given a school's own items of every type, with targets, difficulty and a worked solution
    choices = [{"id": "a", "text": "2:3", "feedback": "Yes: *2 cups* for every 3."}, {"id": "b", "text": "3:2"}]
    school, ratios, rates = world.school, bank.ratios, bank.rates
    make = lambda **values: item_create(school=school, targets=values.pop("targets", [ratios]), **values)  # noqa: E731
    made = [
        make(
            item_type="single_choice",
            stem="Flour to **sugar**?",
            choices=choices,
            key={"correct": "a"},
            difficulty=Difficulty.INTRODUCTORY,
            worked_solution="Flour first:\n\n1. 2 cups\n2. 3 cups",
        ),
        make(
            item_type="multiple_select",
            stem="Which equal 1:2?",
            key={"correct": ["a", "b"]},
            choices=[{"id": "a", "text": "2:4"}, {"id": "b", "text": "3:6"}, {"id": "c", "text": "2:3"}],
            targets=[ratios, rates],
            max_points=Decimal("2"),
        ),
        make(item_type="numeric", stem="Cost of one pound, in dollars: _____", key={"value": "3/4", "tolerance": "0"}),
        make(
            item_type="numeric",
            stem="About how far?\n\n| h | km |\n| --- | --- |\n| 1 | 60 |",
            key={"value": "2.5", "tolerance": "0.5"},
            difficulty=Difficulty.STRETCH,
        ),
        make(
            item_type="short_text",
            stem="Name a *comparison* of two quantities.",
            key={"accepted": ["ratio", "rate"], "case_sensitive": True},
        ),
        make(item_type="comparison", stem="1/8 _ 4/1", key={"correct": "<"}),
        make(
            item_type="open_response",
            stem="Explain your unit rate.\n\n- show work\n- label units",
            rubric=RUBRIC,
            max_points=Decimal("4"),
            targets=[rates],
        ),
        make(item_type="short_text", stem="_Written_ otherwise\nthan canonical", key={"accepted": ["x"]}),
    ]
    archived = make(item_type="numeric", stem="Archived", key={"value": "1", "tolerance": "0"})
    Item.objects.filter(pk=archived.pk).update(is_active=False)
    # when
    report = qti_export(school=school, directory=tmp_path / "package")
    imported = qti_import(path=tmp_path / "package", school=world.other_school)
    # then
    assert sorted(path.name for path in (tmp_path / "package").iterdir()) == sorted(
        ["imsmanifest.xml", *(f"waypoint-item-{item.pk}.xml" for item in made)]
    )
    assert report.written == {
        "single_choice": 1,
        "multiple_select": 1,
        "numeric": 2,
        "short_text": 2,
        "comparison": 1,
        "open_response": 1,
    }
    assert imported.total("created") == 8 and imported.total("skipped") == 0
    copies = Item.objects.filter(school=world.other_school).order_by("id")
    assert [copy.source_id for copy in copies] == [f"waypoint-item-{item.pk}" for item in made]
    assert snapshot(copies) == snapshot(Item.objects.filter(pk__in=[item.pk for item in made]).order_by("id"))


@pytest.mark.django_db
def test_an_item_imported_from_qti_keeps_its_identifier_when_exported(tmp_path, world, bank):
    # given
    qti_import(path=SAMPLE, school=world.school)
    # when
    qti_export(school=world.school, directory=tmp_path / "out")
    # then
    assert (tmp_path / "out" / "inline-choice-1.xml").exists()
    entries = qti.read_manifest((tmp_path / "out" / "imsmanifest.xml").read_bytes())
    assert len(entries) == 8 and {entry.difficulty for entry in entries} == {Difficulty.CORE}
    # and importing the export into another school gives the same items under the same identifiers
    qti_import(path=tmp_path / "out", school=world.other_school)
    assert snapshot(Item.objects.filter(school=world.school).order_by("source_id")) == snapshot(
        Item.objects.filter(school=world.other_school).order_by("source_id")
    )


def write_package(directory: Path, files: dict[str, bytes]) -> Path:
    directory.mkdir()
    for name, data in files.items():
        (directory / name).write_bytes(data)
    return directory


NUMERIC_ITEM = b"""<?xml version="1.0"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="n1" title="N">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="integer">
    <qti-correct-response><qti-value>VALUE</qti-value></qti-correct-response>
  </qti-response-declaration>
  <qti-item-body><p>How many? <qti-text-entry-interaction response-identifier="RESPONSE"/></p></qti-item-body>
</qti-assessment-item>"""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bad_file", "message"),
    [
        (
            NUMERIC_ITEM.replace(b"VALUE", b"twelve"),
            "bad.xml line 4: the integer response RESPONSE has the value 'twelve', which is not a number",
        ),
        (
            NUMERIC_ITEM.replace(b"VALUE", b"12").replace(b"qti-text-entry-interaction", b"qti-count-interaction"),
            "bad.xml line 6: <qti-count-interaction> is not a QTI 3.0 interaction",
        ),
        (NUMERIC_ITEM.replace(b"VALUE", b"12").replace(b"</p>", b""), "bad.xml line 6: is not well-formed XML"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "bad.xml line 1: is not a QTI 3.0 assessment item"),
    ],
    ids=["numeric key not a number", "unknown interaction", "broken XML", "not QTI"],
)
def test_a_bad_file_is_an_error_naming_file_and_line_and_nothing_is_written(tmp_path, world, bad_file, message):
    # given a good item and a bad one
    package = write_package(
        tmp_path / "package",
        {
            "good.xml": NUMERIC_ITEM.replace(b"VALUE", b"12"),
            "bad.xml": bad_file,
        },
    )
    # when / then
    with pytest.raises(qti.QtiError) as raised:
        qti_import(path=package, school=world.school)
    assert str(raised.value).startswith(message)
    assert not Item.objects.filter(source="qti").exists()


@pytest.mark.django_db
def test_manifest_targets_tag_the_items_and_an_unknown_code_writes_nothing(tmp_path, bank):
    # given
    def manifest(*codes):
        return qti.write_manifest([qti.ManifestEntry(identifier="r1", href="n1.xml", target_codes=codes, difficulty=3)])

    files = {"n1.xml": NUMERIC_ITEM.replace(b"VALUE", b"12")}
    good = write_package(tmp_path / "good", {**files, "imsmanifest.xml": manifest("6.RP.A.1", "6.RP.A.2")})
    bad = write_package(tmp_path / "bad", {**files, "imsmanifest.xml": manifest("6.RP.A.1", "9.ZZ.Z.9")})
    # when / then
    with pytest.raises(qti.QtiError, match=r"^imsmanifest\.xml: n1\.xml is tagged to 9\.ZZ\.Z\.9, not a Common Core"):
        qti_import(path=bad)
    assert not Item.objects.filter(source="qti").exists()
    qti_import(path=good)
    item = Item.objects.get(source="qti")
    assert sorted(item.targets.values_list("code", flat=True)) == ["6.RP.A.1", "6.RP.A.2"]
    assert (item.item_type, item.key, item.difficulty, item.stem) == (
        "numeric",
        {"value": "12", "tolerance": "0"},
        Difficulty.STRETCH,
        "How many? _____",
    )


@pytest.mark.django_db
def test_a_key_change_on_an_answered_item_is_skipped_and_reported(tmp_path, world, bank):
    # given an imported item a student has answered
    first = write_package(tmp_path / "first", {"n1.xml": NUMERIC_ITEM.replace(b"VALUE", b"12")})
    qti_import(path=first, school=world.school)
    item = Item.objects.get(source="qti")
    item.targets.set([bank.ratios])
    assessment = assessment_create(
        title="Quiz", kind=Assessment.Kind.QUIZ, school=world.school, items=[item], created_by=world.teacher
    )
    now = timezone.now()
    assignment = assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now,
        due_at=now + datetime.timedelta(days=1),
        assigned_by=world.teacher,
    )
    attempt = attempt_start(assignment=assignment, learner=world.student)
    attempt_answer_save(attempt=attempt, learner=world.student, item_id=item.pk, answer="12")
    # when the package changes the key
    second = write_package(tmp_path / "second", {"n1.xml": NUMERIC_ITEM.replace(b"VALUE", b"13")})
    report = qti_import(path=second, school=world.school)
    # then
    assert [(skip.file_name, skip.kind) for skip in report.skipped] == [("n1.xml", SKIP_ANSWERED_KEY_CHANGE)]
    item.refresh_from_db()
    assert (item.key, item.key_version) == ({"value": "12", "tolerance": "0"}, 1)


# -- the commands


@pytest.mark.django_db
def test_import_qti_prints_counts_per_interaction_and_skips(world, capsys):
    call_command("import_qti", str(SAMPLE), "--school", "lincoln")
    out = capsys.readouterr().out
    assert out.startswith("qti3-sample: 19 item files: 8 items created, 0 updated, 0 unchanged, 11 skipped.\n")
    assert "  choice                           4        0          0        4\n" in out
    assert "vertical-choice-6.xml: the identifier '季語' repeats vertical-choice-1.xml" in out
    assert Item.objects.filter(school=world.school).count() == 8
    # a school may also be named by id
    call_command("import_qti", str(SAMPLE), "--school", str(world.school.pk), "--quiet")
    assert "0 items created, 0 updated, 8 unchanged" in capsys.readouterr().out


@pytest.mark.django_db
def test_import_qti_errors_are_command_errors(tmp_path, world):
    package = write_package(tmp_path / "p", {"bad.xml": b"<qti-assessment-item"})
    with pytest.raises(CommandError, match=r"^bad\.xml line 1: is not well-formed XML"):
        call_command("import_qti", str(package))
    with pytest.raises(CommandError, match="No school has the slug or id 'nowhere'"):
        call_command("import_qti", str(package), "--school", "nowhere")


@pytest.mark.django_db
def test_export_qti_refuses_a_folder_that_is_not_empty_unless_forced(tmp_path, world, capsys):
    qti_import(path=SAMPLE, school=world.school)
    target = tmp_path / "out"
    call_command("export_qti", str(target), "--school", "lincoln")
    assert capsys.readouterr().out.startswith(f"Wrote 8 items and imsmanifest.xml to {target}")
    with pytest.raises(CommandError, match="is not empty; an export there would mix with the files it holds"):
        call_command("export_qti", str(target), "--school", "lincoln")
    call_command("export_qti", str(target), "--school", "lincoln", "--force")
    with pytest.raises(QtiExportError):
        qti_export(school=world.school, directory=target)
    shutil.rmtree(target)
