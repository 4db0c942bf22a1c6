"""Nightly snapshots behind the admin dashboards: one row per learner, per group and per target, per school and
local date. Dashboards read these, never the live tables, so they stay fast and a week's figures stay what they
were when the week ended."""

from __future__ import annotations

from django.db import models

from learning_platform.models import LearnerBatch


class SnapshotRun(models.Model):
    """The snapshot of one school for one local date, cut into batches of learners.

    A batch is marked done in the transaction that writes its learners' rows, so a run that resumes after a crash
    redoes only the batches without `done_at`; the last batch to finish rolls the school up and sets
    `finished_at`. Taking the snapshot of a date again (an admin's refresh, or the night after a refresh during
    the day) replaces that date's rows, never adds to them.
    """

    school = models.ForeignKey("learning_platform.School", on_delete=models.CASCADE, related_name="+")
    as_of = models.DateField(help_text="The school's local date the figures describe (usage: the 7 days to it).")
    started_at = models.DateTimeField(help_text="When the current pass over the batches began.")
    finished_at = models.DateTimeField(null=True, blank=True)
    requested_by = models.ForeignKey(
        "learning_platform.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The admin who asked for this pass; empty for the nightly job.",
    )

    class Meta:
        ordering = ["-as_of", "school"]
        constraints = [models.UniqueConstraint(fields=["school", "as_of"], name="snapshot_run_one_per_day")]

    def __str__(self) -> str:
        return f"{self.school} as of {self.as_of}"


class SnapshotBatch(LearnerBatch):
    """Some learners of a snapshot run, whose rows are written in the transaction that marks it done."""

    run = models.ForeignKey(SnapshotRun, on_delete=models.CASCADE, related_name="batches")

    class Meta:
        ordering = ["run", "number"]
        constraints = [models.UniqueConstraint(fields=["run", "number"], name="snapshot_batch_number_unique")]


class LearnerSnapshot(models.Model):
    """Where one learner stood at the end of a date: grade-level targets proficient against the pace plan, the
    week's growth, and the week's use of the platform."""

    as_of = models.DateField()
    school = models.ForeignKey("learning_platform.School", on_delete=models.CASCADE, related_name="+")
    learner = models.ForeignKey("learning_platform.User", on_delete=models.CASCADE, related_name="+")
    grade = models.CharField(max_length=2)
    has_iep = models.BooleanField(default=False)
    has_504 = models.BooleanField(default=False)
    english_learner = models.BooleanField(default=False)
    grade_targets = models.PositiveSmallIntegerField(help_text="Learning targets of the learner's grade.")
    proficient = models.PositiveSmallIntegerField(help_text="Of those, how many at Proficient or Mastered.")
    expected = models.FloatField(help_text="How many the pace plan expects by this date.")
    on_track = models.BooleanField()
    growth = models.SmallIntegerField(null=True, blank=True, help_text="Proficient now minus 7 days earlier.")
    activities = models.PositiveIntegerField(default=0)
    assessments = models.PositiveIntegerField(default=0)
    minutes = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=False)

    class Meta:
        ordering = ["as_of", "learner"]
        constraints = [models.UniqueConstraint(fields=["learner", "as_of"], name="learner_snapshot_one_per_day")]
        indexes = [models.Index(fields=["school", "as_of"], name="learner_snapshot_school_idx")]

    def __str__(self) -> str:
        return f"{self.learner_id} as of {self.as_of}"


class GroupSnapshot(models.Model):
    """A school's learners summed over one group (everyone, a grade, a section, a teacher or a subgroup).

    Only sums are kept, so a district adds its schools' rows and a subgroup's "rest" is everyone minus the group.
    """

    class Dimension(models.TextChoices):
        ALL = "all", "Everyone"
        GRADE = "grade", "Grade"
        SECTION = "section", "Section"
        TEACHER = "teacher", "Teacher"
        SUBGROUP = "subgroup", "Subgroup"

    as_of = models.DateField()
    school = models.ForeignKey("learning_platform.School", on_delete=models.CASCADE, related_name="+")
    dimension = models.CharField(max_length=10, choices=Dimension.choices)
    key = models.CharField(max_length=40)
    label = models.CharField(max_length=200)
    learners = models.PositiveIntegerField()
    on_track = models.PositiveIntegerField()
    proficient = models.PositiveIntegerField()
    expected = models.FloatField()
    growth_sum = models.IntegerField()
    growth_learners = models.PositiveIntegerField()
    active = models.PositiveIntegerField()
    activities = models.PositiveIntegerField()
    assessments = models.PositiveIntegerField()
    minutes = models.PositiveIntegerField()

    class Meta:
        ordering = ["as_of", "school", "dimension", "key"]
        constraints = [
            models.UniqueConstraint(fields=["school", "as_of", "dimension", "key"], name="group_snapshot_unique")
        ]

    def __str__(self) -> str:
        return f"{self.school} {self.dimension}={self.key} as of {self.as_of}"


class TargetSnapshot(models.Model):
    """How a school's learners stood on one learning target at the end of a date."""

    as_of = models.DateField()
    school = models.ForeignKey("learning_platform.School", on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey("assessments.LearningTarget", on_delete=models.CASCADE, related_name="+")
    cohort = models.PositiveIntegerField(help_text="Learners in the target's grade.")
    assessed = models.PositiveIntegerField(help_text="Learners with evidence on the target, any grade.")
    proficient = models.PositiveIntegerField(help_text="Of those, at Proficient or Mastered.")

    class Meta:
        ordering = ["as_of", "school", "target"]
        constraints = [models.UniqueConstraint(fields=["school", "as_of", "target"], name="target_snapshot_unique")]

    def __str__(self) -> str:
        return f"{self.school} {self.target_id} as of {self.as_of}"
