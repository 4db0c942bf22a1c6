"""Importing QTI 3.0 items into the item bank and exporting a school's items as a QTI 3.0 package.

The reading and writing of QTI itself is assessments.qti (pure); this module matches items with the bank and
writes them, as assessments.services does for MathCAMPS.
"""

from __future__ import annotations

import dataclasses
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from assessments import qti
from assessments.models import Difficulty, Framework, Item, LearningTarget, Response
from assessments.services import (
    ANSWERED_KEY_CHANGE_REASON,
    CCSS_MATH,
    SKIP_ANSWERED_KEY_CHANGE,
    SKIP_EXAMPLES,
    _framework_locked,
)
from learning_platform.models import School

SOURCE = "qti"
MANIFEST = "imsmanifest.xml"
SKIP_REPEATED_ID = "identifier repeats an earlier file's"
# The Item fields an import owns; a change to the first five changes how answers are scored.
_QTI_FIELDS = ("item_type", "stem", "choices", "key", "rubric", "max_points", "worked_solution", "difficulty")
_KEY_FIELDS = frozenset({"item_type", "choices", "key", "rubric", "max_points"})
# The file's word for a model field, where they differ, so a field-check error says what to fix in the file.
_FILE_FIELD_OF = {"source_id": "identifier", "key": "correct response", "rubric": "rubric", "stem": "item body"}


class QtiExportError(ValueError):
    """An export that cannot be written as asked (the directory is not empty, or is a file)."""


@dataclass(frozen=True)
class QtiImportReport:
    """What `qti_import` changed, counted by interaction type ("choice", "text-entry", ...; several interactions
    are named together, "choice end-attempt"; none is ""), and the items imported by Waypoint item type."""

    source_name: str
    # interaction -> {"created": n, "updated": n, "unchanged": n, "skipped": n}
    by_interaction: dict[str, dict[str, int]]
    by_item_type: dict[str, int]  # the items the bank holds from the package, skips excepted
    skipped: tuple[qti.QtiSkip, ...]
    # Items from this source the package does not list; they are kept, as assessments may use them.
    not_in_package: int

    def total(self, outcome: str) -> int:
        return sum(counts.get(outcome, 0) for counts in self.by_interaction.values())

    @property
    def changed(self) -> int:
        return self.total("created") + self.total("updated")

    def summary(self) -> str:
        files = sum(sum(counts.values()) for counts in self.by_interaction.values())
        text = (
            f"{self.source_name}: {files} item files: {self.total('created')} items created, {self.total('updated')} "
            f"updated, {self.total('unchanged')} unchanged, {self.total('skipped')} skipped."
        )
        if self.not_in_package:
            text += f" Kept {self.not_in_package} QTI items the package does not list."
        return text

    def table(self) -> str:
        """Counts per interaction type, the imported items per Waypoint type, and the skips by reason."""
        lines = [f"{'By interaction:':<28}created  updated  unchanged  skipped"]
        for interaction, counts in sorted(self.by_interaction.items()):
            lines.append(
                f"  {interaction or '(none)':<26} {counts.get('created', 0):>7}  {counts.get('updated', 0):>7}  "
                f"{counts.get('unchanged', 0):>9}  {counts.get('skipped', 0):>7}"
            )
        if self.by_item_type:
            lines.append("Items by Waypoint type (created, updated or unchanged):")
            lines += [f"  {item_type:<20} {count:>7}" for item_type, count in sorted(self.by_item_type.items())]
        if self.skipped:
            lines.append(f"Skipped {len(self.skipped)} items:")
            reasons = Counter((skip.kind, skip.interaction) for skip in self.skipped)
            for (kind, interaction), count in sorted(reasons.items(), key=lambda pair: (-pair[1], pair[0])):
                examples = [skip for skip in self.skipped if (skip.kind, skip.interaction) == (kind, interaction)]
                lines.append(f"  {count:>4}  {kind} ({interaction or 'none'}), e.g.")
                lines += [f"          {skip.file_name}: {skip.reason}" for skip in examples[:SKIP_EXAMPLES]]
        return "\n".join(lines)


@dataclass(frozen=True)
class QtiExportReport:
    directory: Path
    written: dict[str, int]
    # Items not written, with why (an item with a figure: QTI items here carry no images).
    left_out: dict[str, int]

    def summary(self) -> str:
        total = sum(self.written.values())
        text = f"Wrote {total} items and {MANIFEST} to {self.directory}"
        text += f" ({', '.join(f'{count} {kind}' for kind, count in sorted(self.written.items()))})." if total else "."
        if self.left_out:
            text += " Left out: " + ", ".join(f"{count} {why}" for why, count in sorted(self.left_out.items())) + "."
        return text


# ---------------------------------------------------------------------------------------------------------
# Import


@transaction.atomic
def qti_import(*, path: Path, school=None, progress: bool = False) -> QtiImportReport:
    """Create or update items from the QTI 3.0 package at `path` (a folder or a .zip of item files, with or
    without imsmanifest.xml): the shared bank's when `school` is None, else that school's own items.

    Items are matched by (school, source "qti", source_id = the item's identifier) and updated in place, so a
    second run changes nothing. An item whose key would change but which has responses is left alone and
    reported, as the MathCAMPS import does (its attempts must be rescored through item_key_correct). Items the
    package's manifest tags with target codes are tagged to those Common Core targets (replacing their tags);
    difficulty comes from the manifest too, else core. Interactions Waypoint has no type for are skipped and
    reported (see assessments.qti), as is an item whose identifier an earlier file of the package has.

    Every file is read and every item checked (Item.clean_fields and Item.clean) before the first write, and the
    writes share one transaction: a malformed file, an unknown interaction, a numeric key that is no number or
    an unknown target code raises qti.QtiError naming the file (and line), with nothing written.
    """
    files = _package_files(path)
    name_of = {}
    manifest_name = next(
        (name for name in sorted(files, key=lambda n: (n.count("/"), n)) if PurePosixPath(name).name == MANIFEST), None
    )
    if manifest_name is not None:
        base = PurePosixPath(manifest_name).parent
        entries = qti.read_manifest(files[manifest_name], file_name=manifest_name)
        listed = []
        for entry in entries:
            name = str(base / entry.href) if str(base) != "." else entry.href
            if name not in files:
                raise qti.QtiError(
                    manifest_name, f"lists {entry.href}, which the package does not hold", line=entry.line
                )
            listed.append((name, entry))
    else:
        listed = [(name, None) for name in sorted(files) if name.lower().endswith(".xml")]

    read: list[qti.QtiItem | qti.QtiSkip] = []
    for name, entry in tqdm(listed, desc="Reading items", unit="file", file=sys.stderr, disable=not progress):
        outcome = qti.read_item(files[name], file_name=name)
        if isinstance(outcome, qti.QtiItem) and entry is not None:
            outcome = dataclasses.replace(outcome, target_codes=entry.target_codes, difficulty=entry.difficulty)
            name_of[outcome.identifier] = manifest_name
        read.append(outcome)
    items, skipped = _without_repeats(read)

    # Two imports into the same bank take turns, so neither creates an item the other is creating.
    if school is not None:
        School.objects.select_for_update().filter(pk=school.pk).first()
    else:
        Framework.objects.select_for_update().filter(slug=CCSS_MATH.slug).first()
    codes = {code for item in items for code in item.target_codes}
    target_ids: dict[str, int] = {}
    if codes:
        framework = _framework_locked()
        target_ids = dict(LearningTarget.objects.filter(framework=framework, code__in=codes).values_list("code", "id"))
        for item in items:
            unknown = [code for code in item.target_codes if code not in target_ids]
            if unknown:
                raise qti.QtiError(
                    name_of.get(item.identifier, item.file_name),
                    f"{item.file_name} is tagged to {', '.join(unknown)}, not a Common Core target code",
                )
    checked = [(_checked_item(item, school), item) for item in items]
    plan = _plan(checked, target_ids, school=school, listed={item.identifier for item in items})
    _write(plan, school=school)

    by_interaction: dict[str, Counter] = {}
    for item in items:
        outcome = plan.outcome.get(item.identifier, "unchanged")
        by_interaction.setdefault(item.interaction, Counter())[outcome] += 1
    for skip in [*skipped, *plan.skipped]:
        by_interaction.setdefault(skip.interaction, Counter())["skipped"] += 1
    imported = Counter(item.item_type for item in items if plan.outcome.get(item.identifier) != "skipped")
    return QtiImportReport(
        source_name=path.name,
        by_interaction={key: dict(value) for key, value in by_interaction.items()},
        by_item_type=dict(imported),
        skipped=tuple([*skipped, *plan.skipped]),
        not_in_package=plan.not_in_package,
    )


def _package_files(path: Path) -> dict[str, bytes]:
    """The files of a folder (recursively) or a zip, by their path inside it (with "/")."""
    if path.is_dir():
        return {
            file.relative_to(path).as_posix(): file.read_bytes()
            for file in sorted(path.rglob("*"))
            if file.is_file() and not file.name.startswith(".")
        }
    if not path.exists():
        raise qti.QtiError(str(path), "no such file or folder")
    if not zipfile.is_zipfile(path):
        raise qti.QtiError(path.name, "is neither a folder nor a .zip package")
    with zipfile.ZipFile(path) as package:
        return {
            info.filename: package.read(info)
            for info in package.infolist()
            if not info.is_dir() and not info.filename.startswith("__MACOSX/")
        }


def _without_repeats(read: list[qti.QtiItem | qti.QtiSkip]) -> tuple[list[qti.QtiItem], list[qti.QtiSkip]]:
    """The items to import and the skips: an item whose identifier an earlier file (in package order) already
    has is skipped, as the MathCAMPS import skips a repeated id (14 of the sample files share one identifier)."""
    items, skipped, first = [], [], {}
    for outcome in read:
        if isinstance(outcome, qti.QtiSkip):
            skipped.append(outcome)
        elif outcome.identifier in first:
            skipped.append(
                qti.QtiSkip(
                    outcome.file_name,
                    outcome.identifier,
                    outcome.interaction,
                    SKIP_REPEATED_ID,
                    f"the identifier '{outcome.identifier}' repeats {first[outcome.identifier]}",
                )
            )
        else:
            first[outcome.identifier] = outcome.file_name
            items.append(outcome)
    return items, skipped


def _checked_item(parsed: qti.QtiItem, school) -> Item:
    item = Item(
        source=SOURCE,
        source_id=parsed.identifier,
        school=school,
        item_type=parsed.item_type,
        stem=parsed.stem,
        choices=parsed.choices,
        key=parsed.key,
        rubric=parsed.rubric,
        max_points=parsed.max_points,
        worked_solution=parsed.worked_solution,
        difficulty=parsed.difficulty or Difficulty.CORE,
    )
    try:
        # The foreign keys are left out: checking them costs a query each, and the importer chose them.
        item.clean_fields(exclude=["school", "created_by"])
        item.clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise qti.QtiError(parsed.file_name, f"{_FILE_FIELD_OF.get(field, field)}: {' '.join(messages)}") from None
    return item


@dataclass
class _Plan:
    new_items: list[Item]
    changed_items: list[Item]
    # The target ids each item is tagged with, by source id, for new items and items whose tags change.
    new_tags: dict[str, set[int]]
    retagged_item_ids: list[int]
    # "created", "updated" or "skipped" by identifier; unchanged items are not listed.
    outcome: dict[str, str]
    skipped: list[qti.QtiSkip]
    not_in_package: int


def _plan(checked: list[tuple[Item, qti.QtiItem]], target_ids: dict[str, int], *, school, listed: set[str]) -> _Plan:
    """What to create, update and skip so that the school's (or the shared bank's) QTI items are `checked`."""
    bank = Item.objects.filter(source=SOURCE, school=school).exclude(source_id="")
    existing = {item.source_id: item for item in bank.only("source_id", "key_version", *_QTI_FIELDS)}
    tags: dict[int, set[int]] = {}
    for item_id, target_id in Item.targets.through.objects.filter(item__in=bank).values_list(
        "item_id", "learningtarget_id"
    ):
        tags.setdefault(item_id, set()).add(target_id)

    plan = _Plan([], [], {}, [], {}, [], not_in_package=len(existing.keys() - listed))
    changes = []
    for wanted, parsed in checked:
        wanted_tags = {target_ids[code] for code in parsed.target_codes}
        item = existing.get(wanted.source_id)
        if item is None:
            plan.new_items.append(wanted)
            plan.new_tags[wanted.source_id] = wanted_tags
            plan.outcome[wanted.source_id] = "created"
            continue
        differences = {name for name in _QTI_FIELDS if getattr(item, name) != getattr(wanted, name)}
        # A package without targets for the item leaves its tags alone.
        retag = bool(wanted_tags) and tags.get(item.pk, set()) != wanted_tags
        if differences or retag:
            changes.append((item, wanted, parsed, differences, wanted_tags if retag else None))

    key_changes = [item.pk for item, _, _, differences, _ in changes if differences & _KEY_FIELDS]
    answered = set(Response.objects.filter(item_id__in=key_changes).values_list("item_id", flat=True).distinct())
    now = timezone.now()
    for item, wanted, parsed, differences, new_tags in changes:
        key_changed = bool(differences & _KEY_FIELDS)
        if key_changed and item.pk in answered:
            plan.skipped.append(
                qti.QtiSkip(
                    parsed.file_name,
                    parsed.identifier,
                    parsed.interaction,
                    SKIP_ANSWERED_KEY_CHANGE,
                    ANSWERED_KEY_CHANGE_REASON,
                )
            )
            plan.outcome[item.source_id] = "skipped"
            continue
        for name in differences:
            setattr(item, name, getattr(wanted, name))
        if key_changed:
            item.key_version += 1
        item.updated_at = now
        plan.changed_items.append(item)
        plan.outcome[item.source_id] = "updated"
        if new_tags is not None:
            plan.retagged_item_ids.append(item.pk)
            plan.new_tags[item.source_id] = new_tags
    return plan


def _write(plan: _Plan, *, school) -> None:
    Item.objects.bulk_create(plan.new_items)
    Item.objects.bulk_update(plan.changed_items, fields=[*_QTI_FIELDS, "key_version", "updated_at"])
    if not plan.new_tags:
        return
    item_tags = Item.targets.through
    item_tags.objects.filter(item_id__in=plan.retagged_item_ids).delete()
    # Read the ids back rather than rely on bulk_create setting them, which not every database backend does.
    item_ids = dict(
        Item.objects.filter(source=SOURCE, school=school, source_id__in=plan.new_tags).values_list("source_id", "id")
    )
    item_tags.objects.bulk_create(
        item_tags(item_id=item_ids[source_id], learningtarget_id=target_id)
        for source_id, target_ids in plan.new_tags.items()
        for target_id in sorted(target_ids)
    )


# ---------------------------------------------------------------------------------------------------------
# Export


def export_identifier(item: Item) -> str:
    """The QTI identifier of an item: the one it was imported with, else "waypoint-item-<pk>"."""
    if item.source == SOURCE and item.source_id:
        return item.source_id
    return f"waypoint-item-{item.pk}"


def qti_export(*, school, directory: Path, overwrite: bool = False) -> QtiExportReport:
    """Write the school's own active items to `directory` (created if missing) as QTI 3.0 item files, one per
    item, and an imsmanifest.xml carrying their target codes and difficulty. Refuses (QtiExportError) a
    directory that already holds files unless `overwrite`, so an export never mixes with another package.
    Items with a figure are left out: the figure would not travel (see assessments.qti)."""
    if directory.exists() and not directory.is_dir():
        raise QtiExportError(f"{directory} is a file, not a folder.")
    if directory.exists() and any(directory.iterdir()) and not overwrite:
        raise QtiExportError(
            f"{directory} is not empty; an export there would mix with the files it holds. "
            "Choose an empty or new folder."
        )
    directory.mkdir(parents=True, exist_ok=True)
    items = Item.objects.filter(school=school, is_active=True).prefetch_related("targets").order_by("id")
    written: Counter = Counter()
    left_out: Counter = Counter()
    entries = []
    used_names: set[str] = set()
    for item in items:
        if item.figure:
            left_out["items with a figure"] += 1
            continue
        identifier = export_identifier(item)
        file_name = _file_name(identifier, item, used_names)
        qti_item = qti.QtiItem(
            identifier=identifier,
            title=_title(item.stem),
            interaction="",
            item_type=item.item_type,
            stem=item.stem,
            choices=item.choices,
            key=item.key,
            rubric=item.rubric,
            max_points=item.max_points,
            worked_solution=item.worked_solution,
        )
        (directory / file_name).write_bytes(qti.write_item(qti_item))
        codes = tuple(sorted(target.code for target in item.targets.all()))
        entries.append(
            qti.ManifestEntry(
                identifier=f"resource-{file_name[:-4]}", href=file_name, target_codes=codes, difficulty=item.difficulty
            )
        )
        written[item.item_type] += 1
    (directory / MANIFEST).write_bytes(qti.write_manifest(entries, identifier=f"waypoint-{school.slug}"))
    return QtiExportReport(directory=directory, written=dict(written), left_out=dict(left_out))


def _file_name(identifier: str, item: Item, used: set[str]) -> str:
    safe = all(char.isalnum() or char in "-_." for char in identifier) and not identifier.startswith(".")
    name = f"{identifier}.xml" if safe else f"waypoint-item-{item.pk}.xml"
    if name.lower() in used:
        name = f"{name[:-4]}-{item.pk}.xml"
    used.add(name.lower())
    return name


def _title(stem: str) -> str:
    first = next((line.strip() for line in stem.splitlines() if line.strip()), "")
    return first[:77] + "..." if len(first) > 80 else first
