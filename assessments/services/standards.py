"""Importing a framework of standards (Common Core math by default) into learning targets."""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models, transaction
from tqdm import tqdm

from assessments.models import (
    Framework,
    LearningTarget,
    Prerequisite,
    RelatedTarget,
)
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
    "source_id",
    "text",
    "grade",
    "domain_code",
    "domain_name",
    "cluster_letter",
    "cluster_name",
    "weight_class",
    "ordinal",
    "short_name",
)
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
    with tqdm(
        desc="Reading files", total=_STANDARDS_IMPORT_STEPS, unit="step", file=sys.stderr, disable=not progress
    ) as bar:
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
