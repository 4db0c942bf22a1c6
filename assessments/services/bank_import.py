"""The item bank's import from files, and the sync of generated items."""

from __future__ import annotations

from collections import Counter
import sys
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from assessments.item_import import SOURCE, ItemFile, ItemFileError, SkippedProblem, load_entries, parse_items
from assessments.models import (
    Framework,
    Item,
    LearningTarget,
    Response,
)
from assessments.services.standards import CCSS_MATH


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
                source=generators.SOURCE,
                source_id=generated.source_id,
                item_type=generated.item_type,
                stem=generated.stem,
                choices=generated.choices,
                key=generated.key,
                hints=generated.hints,
                worked_solution=generated.worked_solution,
                figure=generated.figure,
                difficulty=generated.difficulty,
            )
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
        file_name="item generators",
        source=generators.SOURCE,
        created=len(plan.new_items),
        updated=len(plan.changed_items),
        unchanged=plan.unchanged,
        skipped=dict(counted),
        skip_examples={kind: tuple(p for p in plan.skipped if p.kind == kind)[:SKIP_EXAMPLES] for kind in counted},
        not_in_file=plan.not_in_file,
    )


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
