"""Writes to standards, items, assessments and attempts, one function per use case."""
from __future__ import annotations

import random
from collections import Counter
import sys
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from tqdm import tqdm

from assessments import graph, scoring
from assessments.item_import import SOURCE, ItemFile, ItemFileError, SkippedProblem, load_entries, parse_items
from assessments.models import (
    Assessment, AssessmentItem, Assignment, Attempt, Framework, Item, LearningTarget, PracticeResponse, PracticeSet,
    Prerequisite, RelatedTarget, Response,
)  # fmt: skip
from learning_platform.locks import learners_lock, learners_lock_free
from learning_platform.models import User
from learning_platform.permissions import not_in_message
from learning_platform.signals import attempt_scored, path_inputs_changed, practice_answered
from assessments.standards_csv import STANDARDS_FILE, Standard, StandardsFileError, read_standards_directory


@dataclass(frozen=True)
class FrameworkInfo:
    """What names and describes a framework; the importer finds it by `slug` and writes the other values."""

    slug: str
    name: str
    subject: str
    version: str
    source: str


CCSS_MATH = FrameworkInfo(
    slug="ccss-math",
    name="Common Core State Standards for Mathematics",
    subject="math",
    version="2010",
    source=(
        "Achieve the Core, Coherence Map data (github.com/markpaik/coherence-map-explorer, data/raw/data.js, "
        "commit eaa8c0f6); standards text © 2010 NGA Center and CCSSO"
    ),
)


@dataclass(frozen=True)
class ImportReport:
    """What `standards_import` changed. Totals count the rows the files hold."""

    framework: str
    targets_created: int
    targets_updated: int
    targets_unchanged: int
    edges_added: int
    edges_removed: int
    edges_unchanged: int
    related_added: int
    related_removed: int
    related_unchanged: int
    # Codes of the framework's targets that the file no longer lists. They are kept: learners' mastery,
    # items and playlists may point at them.
    targets_not_in_file: tuple[str, ...]

    @property
    def targets_total(self) -> int:
        return self.targets_created + self.targets_updated + self.targets_unchanged

    @property
    def edges_total(self) -> int:
        return self.edges_added + self.edges_unchanged

    @property
    def related_total(self) -> int:
        return self.related_added + self.related_unchanged

    def summary(self) -> str:
        """One sentence for people, e.g. "… 480 targets (480 created, 0 updated, 0 unchanged), …"."""
        text = (
            f"{self.framework}: {self.targets_total} targets ({self.targets_created} created, "
            f"{self.targets_updated} updated, {self.targets_unchanged} unchanged), "
            f"{self.edges_total} prerequisite edges ({self.edges_added} added, {self.edges_removed} removed), "
            f"{self.related_total} related pairs ({self.related_added} added, {self.related_removed} removed)."
        )
        if self.targets_not_in_file:
            text += (
                f" Kept {len(self.targets_not_in_file)} targets the file no longer lists: "
                f"{', '.join(self.targets_not_in_file)}."
            )
        return text


# LearningTarget fields the importer writes from a Standard (besides `parent`, which needs the ids).
_TARGET_FIELDS = (
    "source_id", "text", "grade", "domain_code", "domain_name", "cluster_letter", "cluster_name", "weight_class",
    "ordinal", "short_name",
)  # fmt: skip
# The standards.csv column a field comes from, where the names differ, so an error names the column.
_COLUMN_OF_FIELD = {"source_id": "atc_id", "weight_class": "cluster_msa"}
_STANDARDS_IMPORT_STEPS = 5


@transaction.atomic
def standards_import(*, directory: Path, framework: FrameworkInfo = CCSS_MATH, progress: bool = False) -> ImportReport:
    """Create or update `framework` from the CSV files in `directory` (see assessments.standards_csv).

    Targets are matched by code and updated in place, so their ids (and the learner data pointing at them)
    survive; prerequisite edges and related pairs become exactly the files' sets. Targets the file no longer
    lists are kept and reported. Everything is read and checked before the first write and the writes share
    one transaction, so bad input raises StandardsFileError (naming the file and line) with nothing written.
    With `progress`, a progress bar goes to stderr.
    """
    with tqdm(desc="Reading files", total=_STANDARDS_IMPORT_STEPS, unit="step", file=sys.stderr, disable=not progress) as bar:
        data = read_standards_directory(directory)
        bar.update()

        bar.set_description("Checking fields")
        _check_fields(data.standards, framework)
        bar.update()

        bar.set_description("Writing targets")
        framework_row = _framework_upsert(framework)
        targets_created, targets_updated, targets_not_in_file = _targets_sync(framework_row, data.standards)
        target_ids = dict(LearningTarget.objects.filter(framework=framework_row).values_list("code", "id"))
        bar.update()

        bar.set_description("Writing prerequisites")
        edges_added, edges_removed = _pairs_sync(
            Prerequisite.objects.filter(prerequisite__framework=framework_row),
            fields=("prerequisite_id", "target_id"),
            wanted={(target_ids[prerequisite], target_ids[target]) for prerequisite, target in data.prerequisites},
        )
        bar.update()

        bar.set_description("Writing related pairs")
        related_added, related_removed = _pairs_sync(
            RelatedTarget.objects.filter(first__framework=framework_row),
            fields=("first_id", "second_id"),
            # The table keeps a pair once, the lower id first (a check constraint insists).
            wanted={tuple(sorted((target_ids[first], target_ids[second]))) for first, second in data.related},
        )
        bar.update()

    return ImportReport(
        framework=str(framework_row),
        targets_created=targets_created,
        targets_updated=targets_updated,
        targets_unchanged=len(data.standards) - targets_created - targets_updated,
        edges_added=edges_added,
        edges_removed=edges_removed,
        edges_unchanged=len(data.prerequisites) - edges_added,
        related_added=related_added,
        related_removed=related_removed,
        related_unchanged=len(data.related) - related_added,
        targets_not_in_file=targets_not_in_file,
    )


def _target_values(standard: Standard) -> dict[str, str]:
    return {name: getattr(standard, name) for name in _TARGET_FIELDS}


def _check_fields(standards: list[Standard], framework: FrameworkInfo) -> None:
    """Run the models' field checks (lengths, choices, blanks) so the database never refuses a row mid-import.

    A bad `framework` is the caller's mistake, not the files', so it raises ValidationError as it is.
    """
    Framework(**asdict(framework)).clean_fields()
    for standard in standards:
        try:
            # The foreign keys are left out: checking them would cost a query a row, and the importer sets them.
            LearningTarget(code=standard.code, **_target_values(standard)).clean_fields(exclude=["framework", "parent"])
        except ValidationError as error:
            raise StandardsFileError(STANDARDS_FILE, standard.line, _first_problem(error)) from None


def _first_problem(error: ValidationError) -> str:
    field, messages = next(iter(error.message_dict.items()))
    return f"{_COLUMN_OF_FIELD.get(field, field)}: {' '.join(messages)}"


def _framework_upsert(info: FrameworkInfo) -> Framework:
    """The framework with `info.slug`, created or brought up to date, locked until the transaction ends."""
    values = {name: value for name, value in asdict(info).items() if name != "slug"}
    framework_id = Framework.objects.get_or_create(slug=info.slug, defaults=values)[0].pk
    # The lock serializes imports and prerequisite_add on one framework, so the graph's checks see every edge.
    framework = Framework.objects.select_for_update().get(pk=framework_id)
    changed = [name for name, value in values.items() if getattr(framework, name) != value]
    if changed:
        for name in changed:
            setattr(framework, name, values[name])
        framework.save(update_fields=changed)
    return framework


def _targets_sync(framework: Framework, standards: list[Standard]) -> tuple[int, int, tuple[str, ...]]:
    """Create and update the framework's targets to match `standards`.

    Returns (created, updated, codes of targets the standards do not list).
    """
    existing_codes = set(LearningTarget.objects.filter(framework=framework).values_list("code", flat=True))
    # New targets are created without their parent, which may itself be new; the pass below sets it.
    LearningTarget.objects.bulk_create(
        LearningTarget(framework=framework, code=standard.code, **_target_values(standard))
        for standard in standards
        if standard.code not in existing_codes
    )
    targets = {target.code: target for target in LearningTarget.objects.filter(framework=framework)}
    changed_targets = []
    for standard in standards:
        target = targets[standard.code]
        parent_id = targets[standard.parent_code].pk if standard.parent_code else None
        wanted = {**_target_values(standard), "parent_id": parent_id}
        differences = [name for name, value in wanted.items() if getattr(target, name) != value]
        for name in differences:
            setattr(target, name, wanted[name])
        if differences:
            changed_targets.append(target)
    LearningTarget.objects.bulk_update(changed_targets, fields=[*_TARGET_FIELDS, "parent"])
    file_codes = {standard.code for standard in standards}
    updated = sum(1 for target in changed_targets if target.code in existing_codes)
    return len(file_codes - existing_codes), updated, tuple(sorted(existing_codes - file_codes))


def _pairs_sync(queryset: models.QuerySet, *, fields: tuple[str, str], wanted: set[tuple[int, int]]) -> tuple[int, int]:
    """Make the rows of `queryset` exactly the id pairs `wanted` in `fields`; returns (added, removed)."""
    existing = {(first, second): pk for pk, first, second in queryset.values_list("pk", *fields)}
    missing = sorted(wanted - existing.keys())
    extra = [pk for pair, pk in existing.items() if pair not in wanted]
    queryset.model.objects.bulk_create(queryset.model(**dict(zip(fields, pair))) for pair in missing)
    if extra:
        queryset.model.objects.filter(pk__in=extra).delete()
    return len(missing), len(extra)


@transaction.atomic
def prerequisite_add(*, prerequisite: LearningTarget, target: LearningTarget) -> Prerequisite:
    """Record that `prerequisite` must be learned before `target`; adding an existing edge returns it.

    Raises ValidationError, writing nothing, for a self edge, an edge joining two frameworks or an edge that
    would close a cycle (the message names the cycle).
    """
    edge = f"{prerequisite.code} -> {target.code}"
    if prerequisite.pk == target.pk:
        raise ValidationError(f"Prerequisite {edge} refused: a target cannot be its own prerequisite.", code="self")
    if prerequisite.framework_id != target.framework_id:
        raise ValidationError(
            f"Prerequisite {edge} refused: the targets are in different frameworks "
            f"({prerequisite.framework.slug}, {target.framework.slug}).",
            code="cross_framework",
        )
    # Two additions running at once could each pass the cycle check and together close a cycle; locking the
    # framework makes them take turns.
    Framework.objects.select_for_update().get(pk=target.framework_id)
    existing = Prerequisite.objects.filter(prerequisite=prerequisite, target=target).first()
    if existing:
        return existing
    edges = Prerequisite.objects.filter(target__framework_id=target.framework_id).values_list(
        "prerequisite__code", "target__code"
    )
    cycle = graph.cycle_closed_by(edges, prerequisite=prerequisite.code, target=target.code)
    if cycle:
        raise ValidationError(
            f"Prerequisite {edge} refused: it would close the cycle {' -> '.join(cycle)}.", code="cycle"
        )
    return Prerequisite.objects.create(prerequisite=prerequisite, target=target)


# ---------------------------------------------------------------------------------------------------------
# Items and assessments

# An exit ticket is the short daily check: three to five items on today's targets.
EXIT_TICKET_SIZE = (3, 5)
# Default sizes when a teacher has an assessment generated and does not say how many items.
GENERATED_SIZE = {
    Assessment.Kind.QUIZ: 10,
    Assessment.Kind.CHECKPOINT: 8,
    Assessment.Kind.RUBRIC_TASK: 1,
}


@transaction.atomic
def item_create(
    *, item_type: str, stem: str, targets: list[LearningTarget], school=None, created_by=None,
    choices: list | None = None, key: dict | None = None, rubric: dict | None = None, difficulty: int = 2,
    max_points: Decimal = Decimal("1"), hints: list[str] | None = None, worked_solution: str = "",
    source: str = "teacher", source_id: str = "",
) -> Item:  # fmt: skip
    """A new item in the bank, tagged to at least one target; its key is checked against its type."""
    if not targets:
        raise ValidationError({"targets": "An item needs at least one learning target."})
    item = Item(
        item_type=item_type, stem=stem.strip(), choices=choices or [], key=key or {}, rubric=rubric or {},
        difficulty=difficulty, max_points=max_points, hints=hints or [], worked_solution=worked_solution,
        school=school, created_by=created_by, source=source, source_id=source_id,
    )  # fmt: skip
    item.full_clean()
    item.save()
    item.targets.set(targets)
    return item


@transaction.atomic
def assessment_create(
    *, title: str, kind: str, school, created_by, items: list[Item], attempts_allowed: int = 1,
    time_limit_minutes: int | None = None, show_answers_after_submit: bool = False,
    show_feedback_after_submit: bool = True, written: tuple | None = None,
) -> Assessment:  # fmt: skip
    """An assessment of `items`, in that order, built from the bank by a teacher, or written by the playlist engine
    for one learner's day (`written`: (learner, school day)), which may check more targets than a teacher's exit
    ticket of EXIT_TICKET_SIZE items would."""
    items = list(items)
    if not items:
        raise ValidationError({"items": "Choose at least one item."})
    if len({item.pk for item in items}) != len(items):
        raise ValidationError({"items": "Each item can appear once."})
    low, high = EXIT_TICKET_SIZE
    if kind == Assessment.Kind.EXIT_TICKET and not written and not low <= len(items) <= high:
        raise ValidationError({"items": f"An exit ticket has {low} to {high} items; this one has {len(items)}."})
    if kind == Assessment.Kind.RUBRIC_TASK and not any(item.is_open for item in items):
        raise ValidationError({"items": "A rubric task needs at least one open-response item."})
    usable = set(Item.objects.usable_at(school).filter(pk__in=[item.pk for item in items]).values_list("pk", flat=True))
    unusable = [str(item.pk) for item in items if item.pk not in usable]
    if unusable:
        raise ValidationError({"items": f"These items are retired or belong to another school: {', '.join(unusable)}."})
    written_for, written_on = written or (None, None)
    assessment = Assessment(
        title=title.strip(), kind=kind, school=school, created_by=created_by, attempts_allowed=attempts_allowed,
        time_limit_minutes=time_limit_minutes, show_answers_after_submit=show_answers_after_submit,
        show_feedback_after_submit=show_feedback_after_submit, written_for=written_for, written_on=written_on,
    )  # fmt: skip
    assessment.full_clean()
    assessment.save()
    AssessmentItem.objects.bulk_create(
        AssessmentItem(assessment=assessment, item=item, position=position)
        for position, item in enumerate(items, start=1)
    )
    return assessment


def generated_size(kind: str, target_count: int) -> int:
    """How many items a generated assessment of `kind` on `target_count` targets gets by default."""
    if kind == Assessment.Kind.EXIT_TICKET:
        low, high = EXIT_TICKET_SIZE
        return min(high, max(low, 2 * target_count))
    if kind == Assessment.Kind.DIAGNOSTIC:
        return 2 * target_count
    return GENERATED_SIZE[kind]


@transaction.atomic
def assessment_generate(
    *, title: str, kind: str, school, created_by, targets: list[LearningTarget], item_count: int | None = None,
    seed: int = 0, **options,
) -> Assessment:  # fmt: skip
    """An assessment drawn from the bank for `targets`: items spread evenly over the targets, in target order,
    those with a worked solution first.

    The same seed draws the same items. Open-response items are drawn only for rubric tasks.
    """
    targets = list(targets)
    if not targets:
        raise ValidationError({"targets": "Choose at least one learning target."})
    wanted = item_count or generated_size(kind, len(targets))
    wants_open = kind == Assessment.Kind.RUBRIC_TASK
    pools = {}
    for target in targets:
        usable = Item.objects.usable_at(school).filter(targets=target)
        pool = list(
            (usable.filter(item_type=Item.Type.OPEN_RESPONSE) if wants_open else usable.auto_scored()).order_by("id")
        )
        random.Random(f"{seed}:{target.code}").shuffle(pool)
        # Items with a worked solution first: after the submit, a wrong answer then shows how it is solved.
        pool.sort(key=lambda item: not item.worked_solution)
        pools[target.code] = pool
    empty = [code for code, pool in pools.items() if not pool]
    if empty:
        raise ValidationError({"targets": f"The item bank has no items for {', '.join(empty)}."})
    chosen: list[Item] = []
    seen: set[int] = set()
    while len(chosen) < wanted and any(pools.values()):
        for target in targets:
            pool = pools[target.code]
            while pool and pool[0].pk in seen:
                pool.pop(0)
            if pool and len(chosen) < wanted:
                item = pool.pop(0)
                chosen.append(item)
                seen.add(item.pk)
    if len(chosen) < wanted:
        raise ValidationError(
            {"item_count": f"The item bank has only {len(chosen)} items for these targets; {wanted} were asked for."}
        )
    return assessment_create(title=title, kind=kind, school=school, created_by=created_by, items=chosen, **options)


@transaction.atomic
def assignment_create(
    *, assessment: Assessment, section, opens_at: datetime, due_at: datetime, assigned_by, students=(),
) -> Assignment:  # fmt: skip
    """Give an assessment to a section, or to chosen students of it, between `opens_at` and `due_at`. An
    assessment the engine wrote is on its learner's path already, so it changes no path's inputs."""
    if section.school_id != assessment.school_id:
        raise ValidationError({"section": "The section is in another school than the assessment."})
    if due_at <= opens_at:
        raise ValidationError({"due_at": "The due date must come after the opening date."})
    students = list(students)
    enrolled = set(
        section.enrollments.active().filter(student__in=students).values_list("student_id", flat=True)
    )
    outsiders = [student.pk for student in students if student.pk not in enrolled]
    if outsiders:
        message = not_in_message(viewer=assigned_by, place=section, outsider_ids=outsiders)
        raise ValidationError({"students": message})
    assignment = Assignment.objects.create(
        assessment=assessment, section=section, opens_at=opens_at, due_at=due_at, assigned_by=assigned_by
    )
    assignment.students.set(students)
    if assessment.written_for_id is None:
        reached = [student.pk for student in students] or list(
            section.enrollments.active().values_list("student_id", flat=True)
        )
        path_inputs_changed.send(sender=Assignment, learner_ids=reached, reason="assignment")
    return assignment


# ---------------------------------------------------------------------------------------------------------
# Attempts: start, autosave, submit once, score

# Answers that reach the server within this much of a deadline still count (the network is not instant).
SUBMIT_GRACE = timedelta(seconds=30)


def assignment_reaches(*, assignment: Assignment, learner) -> bool:
    """Is `learner` one of the students the assignment was given to (actively enrolled, and chosen if any)?"""
    if not assignment.section.enrollments.active().filter(student=learner).exists():
        return False
    chosen = assignment.students.all()
    return not chosen.exists() or chosen.filter(pk=learner.pk).exists()


def _extended_time_factor(learner) -> Decimal:
    # Through the user's reverse relation: the learner's profile lives in a later app of the data flow, which this
    # one does not import.
    factor = User.objects.filter(pk=learner.pk).values_list(
        "learner_profile__extended_time_factor", flat=True
    ).first()
    return factor or Decimal("1")


def _when(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%b %-d at %-I:%M %p")


@transaction.atomic
def attempt_start(*, assignment: Assignment, learner, now: datetime | None = None) -> Attempt:
    """Start (or resume) the learner's attempt; the time limit is stretched by their extended-time factor."""
    now = now or timezone.now()
    # Locking the assignment makes two tabs starting at once get the same attempt.
    assignment = Assignment.objects.select_for_update().select_related("assessment").get(pk=assignment.pk)
    if not assignment_reaches(assignment=assignment, learner=learner):
        raise ValidationError("This assessment is not assigned to you.")
    if now < assignment.opens_at:
        raise ValidationError(f"This assessment opens {_when(assignment.opens_at)}.")
    if now > assignment.due_at:
        raise ValidationError(f"This assessment closed {_when(assignment.due_at)}.")
    attempts = Attempt.objects.filter(assignment=assignment, learner=learner)
    open_attempt = attempts.filter(status=Attempt.Status.IN_PROGRESS).first()
    if open_attempt:
        return open_attempt
    used = attempts.count()
    allowed = assignment.assessment.attempts_allowed
    if used >= allowed:
        raise ValidationError(f"You have used all {allowed} attempt{'s' if allowed != 1 else ''}.")
    deadline = None
    if assignment.assessment.time_limit_minutes:
        minutes = assignment.assessment.time_limit_minutes * _extended_time_factor(learner)
        deadline = now + timedelta(minutes=float(minutes))
    return Attempt.objects.create(
        assignment=assignment, learner=learner, number=used + 1, started_at=now, deadline_at=deadline,
        max_points=sum(item.max_points for item in assignment.assessment.items.all()),
    )  # fmt: skip


def _refuse_unless_open(attempt: Attempt, learner, now: datetime) -> None:
    if attempt.learner_id != learner.pk:
        raise ValidationError("This attempt belongs to another learner.")
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise ValidationError("This attempt was already submitted.")
    if attempt.deadline_at and now > attempt.deadline_at + SUBMIT_GRACE:
        raise ValidationError(f"Time ran out {_when(attempt.deadline_at)}; your saved answers were kept.")
    if now > attempt.assignment.due_at + SUBMIT_GRACE:
        raise ValidationError(f"This assessment closed {_when(attempt.assignment.due_at)}.")


# Typed answers autosave as drafts while the student types ("3/" on the way to "3/4"); their shape is
# checked at submit. Choices are checked at once.
TYPED_TYPES = {Item.Type.NUMERIC, Item.Type.SHORT_TEXT, Item.Type.OPEN_RESPONSE}
MAX_TYPED_LENGTH = 5000


def _checked_answers(attempt: Attempt, answers: dict, *, draft: bool = False) -> dict[int, tuple[Item, object]]:
    """The answers by item id, each checked for shape (drafts: typed ones only for type and length);
    all problems are reported together."""
    items = {item.pk: item for item in attempt.assignment.assessment.items.all()}
    checked, problems = {}, {}
    for raw_id, answer in answers.items():
        try:
            item = items[int(raw_id)]
        except (KeyError, ValueError, TypeError):
            problems[str(raw_id)] = "That question is not part of this assessment."
            continue
        if draft and item.item_type in TYPED_TYPES:
            if not isinstance(answer, str) or len(answer) > MAX_TYPED_LENGTH:
                problems[str(item.pk)] = f"Type your answer as text of at most {MAX_TYPED_LENGTH} characters."
            else:
                checked[item.pk] = (item, answer)
            continue
        try:
            checked[item.pk] = (item, scoring.validate_answer(item.item_type, item.choices, answer))
        except scoring.AnswerShapeError as error:
            problems[str(item.pk)] = str(error)
    if problems:
        raise ValidationError(problems)
    return checked


def _save_answers(attempt: Attempt, checked: dict[int, tuple[Item, object]], now: datetime) -> None:
    """Write the answers in two queries; the attempt row is locked, so nobody else writes them meanwhile."""
    if not checked:
        return
    existing = {response.item_id: response for response in Response.objects.filter(attempt=attempt, item_id__in=checked)}
    new, changed = [], []
    for item_id, (item, answer) in checked.items():
        response = existing.get(item_id)
        if response is None:
            new.append(Response(attempt=attempt, item=item, answer=answer, saved_at=now))
        else:
            response.answer, response.saved_at = answer, now
            changed.append(response)
    Response.objects.bulk_create(new)
    Response.objects.bulk_update(changed, ["answer", "saved_at"])


def _locked_attempt(attempt: Attempt) -> Attempt:
    # Lock the attempt row only: every learner's submit joins the same assignment row.
    return Attempt.objects.select_for_update(of=("self",)).select_related("assignment__assessment").get(pk=attempt.pk)


@transaction.atomic
def attempt_answer_save(*, attempt: Attempt, learner, item_id: int, answer, now: datetime | None = None) -> Response:
    """Autosave one answer as it is typed; a bad shape is refused and the saved answer stays."""
    now = now or timezone.now()
    attempt = _locked_attempt(attempt)
    _refuse_unless_open(attempt, learner, now)
    checked = _checked_answers(attempt, {item_id: answer}, draft=True)
    _save_answers(attempt, checked, now)
    return Response.objects.get(attempt=attempt, item_id=int(item_id))


@transaction.atomic
def attempt_submit(*, attempt: Attempt, learner, answers: dict | None = None, now: datetime | None = None) -> Attempt:
    """Submit the attempt once and score it; a second submit (two tabs, a retry) returns the first result."""
    now = now or timezone.now()
    # The learner before the attempt and their path's items (the lock order: learning_platform.locks); the
    # mastery update and the path's marking below take the same row again.
    learners_lock([attempt.learner_id])
    attempt = _locked_attempt(attempt)
    if attempt.learner_id == learner.pk and attempt.status != Attempt.Status.IN_PROGRESS:
        return attempt
    _refuse_unless_open(attempt, learner, now)
    checked = _checked_answers(attempt, answers or {})
    # Drafts saved earlier (and not replaced now) must have a final shape too.
    _checked_answers(
        attempt,
        {
            response.item_id: response.answer
            for response in attempt.responses.all()
            if response.answer is not None and response.item_id not in checked
        },
    )
    _save_answers(attempt, checked, now)
    _score_and_close(attempt, submitted_at=now)
    # The student is waiting on what comes next: their mastery moves in this transaction (the learners app
    # falls back to its task if it cannot), so only the path's rebuild waits for a worker.
    attempt_scored.send(sender=Attempt, attempt_id=attempt.pk)
    return attempt


def _score_and_close(attempt: Attempt, *, submitted_at: datetime) -> None:
    """Score every auto-scored item (unanswered ones count as wrong) and close the attempt."""
    responses = {response.item_id: response for response in attempt.responses.all()}
    scored = []
    for link in attempt.assignment.assessment.assessment_items.select_related("item").order_by("position"):
        item = link.item
        response = responses.get(item.pk) or Response(attempt=attempt, item=item, answer=None, saved_at=submitted_at)
        response.item = item
        if not item.is_open:
            _apply_score(response, item)
        scored.append(response)
    Response.objects.bulk_create([response for response in scored if response.pk is None])
    Response.objects.bulk_update(
        [response for response in scored if not response.item.is_open], ["correct", "points", "feedback"]
    )
    attempt.submitted_at = submitted_at
    _attempt_totals(attempt)


def _apply_score(response: Response, item: Item) -> bool:
    """Score `response` against the item's current key; returns whether anything changed."""
    try:
        if response.answer is None:
            raise scoring.AnswerShapeError("Not answered.")
        result = scoring.score(item.item_type, item.choices, item.key, response.answer, max_points=item.max_points)
        correct, points, feedback = result.correct, result.points, result.feedback
    except scoring.AnswerShapeError:
        # Unanswered, or a draft left unfinished when time ran out: wrong, not an error.
        correct, points, feedback = False, Decimal("0"), ""
    changed = (response.correct, response.points, response.feedback) != (correct, points, feedback)
    response.correct, response.points, response.feedback = correct, points, feedback
    return changed


def _attempt_totals(attempt: Attempt) -> None:
    """Points so far, and the status: waiting for the teacher while an open response is unscored."""
    rows = list(attempt.responses.select_related("item"))
    waiting = any(response.item.is_open and response.scored_at is None for response in rows)
    attempt.points = sum((response.points or Decimal("0")) for response in rows)
    attempt.status = Attempt.Status.AWAITING_TEACHER if waiting else Attempt.Status.SCORED
    attempt.save(update_fields=["points", "status", "submitted_at"])


@transaction.atomic
def response_rubric_score(
    *, response: Response, teacher, levels: dict, comment: str = "", now: datetime | None = None
) -> Response:
    """A teacher scores an open response criterion by criterion, with a comment; what follows any scoring follows
    (`attempt_scored`: mastery, the assessment done on the learner's path, the path's rebuild)."""
    response = Response.objects.select_for_update(of=("self",)).select_related("item", "attempt").get(pk=response.pk)
    if not response.item.is_open:
        raise ValidationError("Only open responses are scored with a rubric.")
    if response.attempt.status == Attempt.Status.IN_PROGRESS:
        raise ValidationError("The student has not submitted this work yet.")
    try:
        result = scoring.rubric_score(response.item.rubric, levels)
    except scoring.AnswerShapeError as error:
        raise ValidationError({"levels": str(error)}) from None
    response.rubric_levels = dict(levels)
    response.points = (result.points / result.max_points * response.item.max_points).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    response.correct = result.correct
    response.teacher_comment = comment.strip()
    response.scored_by = teacher
    response.scored_at = now or timezone.now()
    response.scoring_revision += 1
    response.save(update_fields=["rubric_levels", "points", "correct", "teacher_comment", "scored_by", "scored_at",
                                 "scoring_revision"])  # fmt: skip
    attempt = _locked_attempt(response.attempt)
    _attempt_totals(attempt)
    attempt_scored.send(sender=Attempt, attempt_id=attempt.pk)
    return response


@transaction.atomic
def item_key_correct(*, item: Item, key: dict, choices: list | None = None) -> int:
    """Correct an item's key and rescore every submitted response to it; returns how many changed.

    Each changed response gets a new scoring revision, and each rescored attempt goes on as any scored attempt
    does (`attempt_scored`): its mastery is recomputed from the evidence log (the old evidence is superseded, never
    edited) and the learner's path follows.
    """
    item = Item.objects.select_for_update().get(pk=item.pk)
    if item.is_open:
        raise ValidationError("Open responses are scored by the teacher; change the rubric scores instead.")
    item.key = key
    if choices is not None:
        item.choices = choices
    item.full_clean()
    item.key_version += 1
    item.save(update_fields=["key", "choices", "key_version", "updated_at"])
    changed = []
    for response in Response.objects.select_for_update(of=("self",)).filter(item=item).exclude(
        attempt__status=Attempt.Status.IN_PROGRESS
    ):
        response.item = item
        if _apply_score(response, item):
            response.scoring_revision += 1
            changed.append(response)
    Response.objects.bulk_update(changed, ["correct", "points", "feedback", "scoring_revision"])
    for attempt in Attempt.objects.select_for_update().filter(pk__in={response.attempt_id for response in changed}):
        _attempt_totals(attempt)
        attempt_scored.send(sender=Attempt, attempt_id=attempt.pk)
    return len(changed)


@transaction.atomic
def attempts_close_expired(*, now: datetime | None = None) -> int:
    """Submit, with their saved answers, attempts whose time or assessment window has run out; what follows a
    submit follows (`attempt_scored`: mastery, the assessment done on the learner's path, the path's rebuild)."""
    now = now or timezone.now()
    expired = Attempt.objects.filter(status=Attempt.Status.IN_PROGRESS).filter(
        Q(deadline_at__lt=now - SUBMIT_GRACE) | Q(assignment__due_at__lt=now - SUBMIT_GRACE)
    )
    # The learners' rows before their attempts' (the lock order: learning_platform.locks), as a submit takes
    # them. Skipped while someone holds them: a learner submitting right now closes their own attempt, and
    # whatever else is still open is closed on the next run.
    learner_ids = learners_lock_free(expired.order_by().values_list("learner_id", flat=True).distinct())
    closed = 0
    for attempt in (
        expired.filter(learner_id__in=learner_ids).select_for_update(skip_locked=True, of=("self",))
        .select_related("assignment__assessment").order_by("pk")
    ):  # fmt: skip
        _score_and_close(attempt, submitted_at=now)
        attempt_scored.send(sender=Attempt, attempt_id=attempt.pk)
        closed += 1
    return closed


# ---------------------------------------------------------------------------------------------------------
# The item bank's import

SKIP_ANSWERED_KEY_CHANGE = "key change on an answered item"
ANSWERED_KEY_CHANGE_REASON = (
    "key differs from the bank's but the item has responses; correct it through the key-correction service"
)
# How many skipped problems of each kind the report keeps as examples.
SKIP_EXAMPLES = 3

# The Item fields the importer owns. Choices are always empty for the types it makes (numeric, comparison), but
# they are part of the key's shape, so an item a teacher gave choices to is brought back in line.
_ITEM_FIELDS = ("item_type", "stem", "choices", "key", "difficulty")
_KEY_FIELDS = frozenset({"item_type", "choices", "key"})
# The file's name for a model field, where they differ, so a field-check error names what to fix in the file.
_FILE_FIELD_OF = {"source_id": "id", "stem": "statement", "key": "answer", "item_type": "answer"}
_ITEM_IMPORT_STEPS = 4


class FrameworkMissingError(LookupError):
    """The framework items are tagged to has not been imported."""


@dataclass(frozen=True)
class ItemImportReport:
    """What `items_import` changed. `skipped` counts the problems not imported by kind of reason."""

    file_name: str
    created: int
    updated: int
    unchanged: int
    skipped: dict[str, int]
    # The first few skipped problems of each kind, in file order.
    skip_examples: dict[str, tuple[SkippedProblem, ...]]
    # Bank items from the same source that the file does not list. They are kept: assessments and responses may
    # point at them.
    not_in_file: int
    source: str = SOURCE

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    @property
    def problems_total(self) -> int:
        return self.created + self.updated + self.unchanged + self.skipped_total

    def summary(self) -> str:
        """One sentence for people, e.g. "x.json: 2332 problems: 2219 items created, 0 updated, …, 113 skipped."."""
        noun = "problems" if self.source == SOURCE else "items written"
        text = (
            f"{self.file_name}: {self.problems_total} {noun}: {self.created} items created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped_total} skipped."
        )
        if self.not_in_file:
            text += f" Kept {self.not_in_file} {self.source} items the file does not list."
        return text

    def skip_table(self) -> str:
        """The skipped problems by reason, most frequent first, each with its first examples; "" when none."""
        if not self.skipped:
            return ""
        width = len(str(max(self.skipped.values())))
        lines = [f"Skipped {self.skipped_total} problems:"]
        for kind, count in sorted(self.skipped.items(), key=lambda pair: (-pair[1], pair[0])):
            lines.append(f"  {count:>{width}}  {kind}, e.g.")
            lines.extend(
                f"  {'':>{width}}    {example.source_id}: {example.reason}" for example in self.skip_examples[kind]
            )
        return "\n".join(lines)


@transaction.atomic
def items_import(*, path: Path, progress: bool = False) -> ItemImportReport:
    """Create or update the bank's MathCAMPS items from the file at `path` (see assessments.item_import).

    Items are matched by (source "mathcamps", source_id = the problem's id) and updated in place, so their ids
    (and the assessments and responses pointing at them) survive; a key change raises the item's key_version. An
    item whose key would change but which already has responses is left alone and reported: its attempts must
    be rescored, which only the key-correction service does. Each item is tagged to exactly the target of its
    standard in the Common Core framework, which must already be imported (FrameworkMissingError otherwise).

    The file is read and every item checked before the first write, and the writes share one transaction, so bad
    input raises ItemFileError (naming the file, entry and id) with nothing written. With `progress`, a progress
    bar goes to stderr.
    """
    with tqdm(desc="Reading file", total=_ITEM_IMPORT_STEPS, unit="step", file=sys.stderr, disable=not progress) as bar:
        entries = load_entries(path)
        framework = _framework_locked()
        target_ids = dict(LearningTarget.objects.filter(framework=framework).values_list("code", "id"))
        data = parse_items(entries, file_name=path.name, known_codes=target_ids)
        bar.update()

        bar.set_description("Checking items")
        checked = _checked_items(data)
        bar.update()

        bar.set_description("Comparing with the bank")
        plan = _plan(data, checked, target_ids)
        bar.update()

        bar.set_description("Writing items")
        _write(plan)
        bar.update()

    skipped = [*data.skipped, *plan.skipped]
    examples: dict[str, list[SkippedProblem]] = {}
    for problem in skipped:
        kind_examples = examples.setdefault(problem.kind, [])
        if len(kind_examples) < SKIP_EXAMPLES:
            kind_examples.append(problem)
    return ItemImportReport(
        file_name=data.file_name,
        created=len(plan.new_items),
        updated=len(plan.changed_items),
        unchanged=plan.unchanged,
        skipped=dict(Counter(problem.kind for problem in skipped)),
        skip_examples={kind: tuple(problems) for kind, problems in examples.items()},
        not_in_file=plan.not_in_file,
    )


# The Item fields the item generators own.
_GENERATED_FIELDS = ("item_type", "stem", "choices", "key", "hints", "worked_solution", "figure", "difficulty")
K8_GRADES = ("K", "1", "2", "3", "4", "5", "6", "7", "8")


class GeneratorError(ValueError):
    """An item generator wrote an item the bank refuses (a bug in the generator); names the item's source id."""


@transaction.atomic
def generated_items_sync(
    *, grades: tuple[str, ...] = K8_GRADES, per_target: int | None = None, progress: bool = False
) -> ItemImportReport:
    """Create or update the shared bank's generated items (assessments.generators): `per_target` items for every
    target of `grades` in the Common Core framework that has templates, tagged to that target.

    Items are matched by (source "waypoint-generator", source_id = "<code>/<template>/<seed>"), so re-running
    changes nothing, and an item a changed template now writes differently is updated in place; one whose key
    would change but which has responses is left alone and reported, as the MathCAMPS import does. Every item is
    checked as the admin checks one (key, Markdown) before the first write; a generator's bad item raises
    GeneratorError naming it, with nothing written. `per_target` defaults to generators.ITEMS_PER_TARGET."""
    # Imported here: the templates load only when items are generated, not with every process that scores.
    from assessments import generators

    per_target = per_target or generators.ITEMS_PER_TARGET
    framework = _framework_locked()
    targets = dict(
        LearningTarget.objects.filter(framework=framework, grade__in=grades).values_list("code", "id").order_by("code")
    )
    wanted: list[tuple[Item, int]] = []
    for code in tqdm(targets, desc="Generating items", unit="target", file=sys.stderr, disable=not progress):
        for generated in generators.items_for(code, count=per_target):
            item = Item(
                source=generators.SOURCE, source_id=generated.source_id, item_type=generated.item_type,
                stem=generated.stem, choices=generated.choices, key=generated.key, hints=generated.hints,
                worked_solution=generated.worked_solution, figure=generated.figure, difficulty=generated.difficulty,
            )  # fmt: skip
            try:
                item.clean_fields(exclude=["school", "created_by"])
                item.clean()
            except ValidationError as error:
                field, messages = next(iter(error.message_dict.items()))
                raise GeneratorError(f"{generated.source_id}: {field}: {' '.join(messages)}") from None
            wanted.append((item, targets[code]))
    plan = _bank_plan(
        source=generators.SOURCE, fields=_GENERATED_FIELDS, wanted=wanted, listed={item.source_id for item, _ in wanted}
    )
    _write(plan, source=generators.SOURCE, fields=_GENERATED_FIELDS)
    counted = Counter(problem.kind for problem in plan.skipped)
    return ItemImportReport(
        file_name="item generators", source=generators.SOURCE, created=len(plan.new_items), updated=len(plan.changed_items),
        unchanged=plan.unchanged, skipped=dict(counted),
        skip_examples={kind: tuple(p for p in plan.skipped if p.kind == kind)[:SKIP_EXAMPLES] for kind in counted},
        not_in_file=plan.not_in_file,
    )  # fmt: skip


@dataclass
class _Plan:
    """The writes an import makes, worked out before any of them."""

    new_items: list[Item]
    changed_items: list[Item]
    # Target ids to tag each item with, by source id, for new items and items whose tags change.
    new_tags: dict[str, int]
    # Items whose tags are replaced.
    retagged_item_ids: list[int]
    unchanged: int
    skipped: list[SkippedProblem]
    not_in_file: int


@dataclass(frozen=True)
class _Change:
    """How an existing item differs from the file's (`wanted`): the fields that differ, its new target if retagged."""

    item: Item
    wanted: Item
    differences: set[str]
    target_id: int | None

    @property
    def key_changed(self) -> bool:
        return bool(self.differences & _KEY_FIELDS)


def _framework_locked() -> Framework:
    # The lock makes two imports take turns (and wait for a standards import), so neither creates an item the
    # other is creating.
    framework = Framework.objects.select_for_update().filter(slug=CCSS_MATH.slug).first()
    if framework is None:
        raise FrameworkMissingError(
            f"The {CCSS_MATH.name} (framework '{CCSS_MATH.slug}') are not imported yet; "
            "run `manage.py import_standards data/ccss-math` first."
        )
    return framework


def _checked_items(data: ItemFile) -> list[Item]:
    """The file's items, unsaved, each through the model's field checks and key check (ItemFileError if one fails).

    Checking them all before writing means the database never refuses a row mid-import.
    """
    items = []
    for parsed in data.items:
        item = Item(
            source=SOURCE,
            source_id=parsed.source_id,
            item_type=parsed.item_type,
            stem=parsed.stem,
            choices=[],
            key=parsed.key,
            difficulty=parsed.difficulty,
        )
        try:
            # The foreign keys are left out: the importer sets none of them, and checking would cost queries.
            item.clean_fields(exclude=["school", "created_by"])
            item.clean()
        except ValidationError as error:
            field, messages = next(iter(error.message_dict.items()))
            raise ItemFileError(
                data.file_name,
                f"{_FILE_FIELD_OF.get(field, field)}: {' '.join(messages)}",
                entry=parsed.entry,
                item_id=parsed.source_id,
            ) from None
        items.append(item)
    return items


def _plan(data: ItemFile, checked: list[Item], target_ids: dict[str, int]) -> _Plan:
    """What to create, update and skip to bring the bank in line with `data`; `checked` are its items, unsaved."""
    wanted = [(item, target_ids[parsed.target_code]) for parsed, item in zip(data.items, checked, strict=True)]
    listed = {parsed.source_id for parsed in data.items} | {problem.source_id for problem in data.skipped}
    return _bank_plan(source=SOURCE, fields=_ITEM_FIELDS, wanted=wanted, listed=listed)


def _bank_plan(*, source: str, fields: tuple[str, ...], wanted: list[tuple[Item, int]], listed: set[str]) -> _Plan:
    """What to create, update and skip so that the bank's items from `source` are `wanted` (unsaved items, each
    with the id of the one target it is tagged to), comparing `fields`; `listed` are the source ids the source
    still holds (those it holds no longer are counted, and kept)."""
    bank_items = Item.objects.filter(source=source).exclude(source_id="")
    existing = {item.source_id: item for item in bank_items.only("source_id", "key_version", *fields)}
    tags: dict[int, set[int]] = {}
    for item_id, target_id in Item.targets.through.objects.filter(item__source=source).values_list(
        "item_id", "learningtarget_id"
    ):
        tags.setdefault(item_id, set()).add(target_id)

    new_items, new_tags, changes = [], {}, []
    for wanted_item, target_id in wanted:
        item = existing.get(wanted_item.source_id)
        if item is None:
            new_items.append(wanted_item)
            new_tags[wanted_item.source_id] = target_id
            continue
        change = _Change(
            item=item,
            wanted=wanted_item,
            differences={name for name in fields if getattr(item, name) != getattr(wanted_item, name)},
            target_id=target_id if tags.get(item.pk, set()) != {target_id} else None,
        )
        if change.differences or change.target_id:
            changes.append(change)

    key_changes = [change.item.pk for change in changes if change.key_changed]
    answered = set(Response.objects.filter(item_id__in=key_changes).values_list("item_id", flat=True).distinct())
    changed_items, retagged_item_ids, skipped = [], [], []
    now = timezone.now()
    for change in changes:
        item = change.item
        if change.key_changed and item.pk in answered:
            skipped.append(SkippedProblem(item.source_id, SKIP_ANSWERED_KEY_CHANGE, ANSWERED_KEY_CHANGE_REASON))
            continue
        for name in change.differences:
            setattr(item, name, getattr(change.wanted, name))
        if change.key_changed:
            item.key_version += 1
        item.updated_at = now
        changed_items.append(item)
        if change.target_id:
            retagged_item_ids.append(item.pk)
            new_tags[item.source_id] = change.target_id

    return _Plan(
        new_items=new_items,
        changed_items=changed_items,
        new_tags=new_tags,
        retagged_item_ids=retagged_item_ids,
        unchanged=len(wanted) - len(new_items) - len(changes),
        skipped=skipped,
        not_in_file=len(existing.keys() - listed),
    )


def _write(plan: _Plan, *, source: str = SOURCE, fields: tuple[str, ...] = _ITEM_FIELDS) -> None:
    Item.objects.bulk_create(plan.new_items)
    Item.objects.bulk_update(plan.changed_items, fields=[*fields, "key_version", "updated_at"])
    if not plan.new_tags:
        return
    item_tags = Item.targets.through
    item_tags.objects.filter(item_id__in=plan.retagged_item_ids).delete()
    # Read the ids back rather than rely on bulk_create setting them, which not every database backend does.
    item_ids = dict(Item.objects.filter(source=source).exclude(source_id="").values_list("source_id", "id"))
    item_tags.objects.bulk_create(
        item_tags(item_id=item_ids[source_id], learningtarget_id=target_id)
        for source_id, target_id in plan.new_tags.items()
    )


# ---------------------------------------------------------------------------------------------------------
# Practice: questions answered one at a time with immediate feedback, hints and the worked solution

# After this many wrong tries at a practice question its worked solution opens with the right answer: a third
# try rarely teaches more than seeing how it is done.
PRACTICE_TRIES = 2


def practice_items(*, learner, target: LearningTarget, school, count: int, seed: str, exclude=()) -> list[Item]:
    """Up to `count` items for practising `target`: usable at the school and scored by the platform; items with a
    worked solution and hints before bare ones (feedback is the point of practice), items the learner has not met
    before first, then easiest first, ties in an order drawn from `seed`. Items in `exclude` (already drawn for
    another target, an item may check two) are not drawn again."""
    excluded = {item.pk for item in exclude}
    pool = [item for item in Item.objects.usable_at(school).auto_scored().filter(targets=target).order_by("pk")
            if item.pk not in excluded]  # fmt: skip
    met = set(
        PracticeResponse.objects.filter(practice_set__learner=learner, item__in=pool).values_list("item_id", flat=True)
    ) | set(Response.objects.filter(attempt__learner=learner, item__in=pool).values_list("item_id", flat=True))
    random.Random(seed).shuffle(pool)
    pool.sort(key=lambda item: (not item.worked_solution, not item.hints, item.pk in met))
    return sorted(pool[:count], key=lambda item: item.difficulty)


@transaction.atomic
def practice_set_start(
    *, learner, target: LearningTarget, school, size: int, seed: str = "", now: datetime | None = None
) -> PracticeSet | None:
    """A new practice set of `size` questions on `target` for `learner`; None when the bank has none for it."""
    items = practice_items(learner=learner, target=target, school=school, count=size, seed=seed or str(learner.pk))
    if not items:
        return None
    practice_set = PracticeSet.objects.create(learner=learner, target=target, created_at=now or timezone.now())
    PracticeResponse.objects.bulk_create(
        PracticeResponse(practice_set=practice_set, item=item, position=position)
        for position, item in enumerate(items, start=1)
    )
    return practice_set


def _own_practice(learner, practice_id) -> PracticeResponse:
    """The learner's own practice question, locked after the learner (the lock order: learning_platform.locks);
    ValidationError when it is not theirs."""
    learners_lock([learner.pk])
    practice = (
        PracticeResponse.objects.select_for_update(of=("self",)).select_related("item")
        .filter(pk=practice_id, practice_set__learner=learner).first()
    )  # fmt: skip
    if practice is None:
        raise ValidationError("This question is not one of yours.")
    return practice


def _practice_save(practice: PracticeResponse, *, first_answer=None, correct: bool = False, now: datetime) -> None:
    """Save a practice question; when it has no answer yet and `correct` is for its first one (`first_answer`,
    None for "I don't know"), record that answer as the one that counts, and have mastery follow in this
    transaction."""
    first = practice.answered_at is None
    if first:
        practice.answer, practice.correct, practice.answered_at = first_answer, correct, now
        practice.hinted = practice.hints_shown > 0
    practice.save(update_fields=_PRACTICE_FIELDS)
    if first:
        practice_answered.send(sender=PracticeResponse, practice_id=practice.pk)


_PRACTICE_FIELDS = ["answer", "correct", "answered_at", "hinted", "last_answer", "last_correct", "tries",
                    "hints_shown", "solution_shown", "updated_at"]  # fmt: skip


@transaction.atomic
def practice_answer(*, learner, practice_id: int, answer, now: datetime | None = None) -> PracticeResponse:
    """Score a try at a practice question at once. The first try is evidence for mastery; after PRACTICE_TRIES
    wrong tries the worked solution opens. A malformed answer is refused (ValidationError naming `answer`) and
    nothing is written."""
    now = now or timezone.now()
    practice = _own_practice(learner, practice_id)
    if practice.finished:
        raise ValidationError("You have finished this question; go on to the next one.")
    item = practice.item
    try:
        result = scoring.score(item.item_type, item.choices, item.key, answer, max_points=item.max_points)
        answer = scoring.validate_answer(item.item_type, item.choices, answer)
    except scoring.AnswerShapeError as error:
        raise ValidationError({"answer": str(error)}) from None
    practice.last_answer, practice.last_correct = answer, bool(result.correct)
    practice.tries += 1
    if not result.correct and practice.tries >= PRACTICE_TRIES:
        practice.solution_shown = True
    _practice_save(practice, first_answer=answer, correct=bool(result.correct), now=now)
    return practice


@transaction.atomic
def practice_hint(*, learner, practice_id: int) -> PracticeResponse:
    """Open the next hint of a practice question (a hint opened before the first answer makes that answer count
    for less)."""
    practice = _own_practice(learner, practice_id)
    if practice.finished:
        raise ValidationError("You have finished this question; go on to the next one.")
    if practice.hints_shown >= len(practice.item.hints):
        raise ValidationError("There are no more hints for this question; try it, or ask to see how it is solved.")
    practice.hints_shown += 1
    practice.save(update_fields=["hints_shown", "updated_at"])
    return practice


@transaction.atomic
def practice_show_solution(*, learner, practice_id: int, now: datetime | None = None) -> PracticeResponse:
    """"I don't know: show me how": the worked solution and the right answer open; before any answer this counts
    as a wrong first answer (as ALEKS counts "I don't know")."""
    practice = _own_practice(learner, practice_id)
    if not practice.solution_shown:
        practice.solution_shown = True
        _practice_save(practice, first_answer=None, correct=False, now=now or timezone.now())
    return practice
