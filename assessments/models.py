"""Standards and assessments: frameworks, targets, the prerequisite graph, items, assessments, attempts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from learning_platform.models import GRADE_CHOICES


class Framework(models.Model):
    """A published set of standards, such as the Common Core State Standards for Mathematics."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    subject = models.CharField(max_length=32)
    source = models.CharField(max_length=500, blank=True, help_text="Where the standards and graph come from.")
    version = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} {self.version}".strip()


class LearningTarget(models.Model):
    """One standard (or sub-standard) a learner can master, e.g. 6.RP.A.3 and its part 6.RP.A.3a."""

    class WeightClass(models.TextChoices):
        MAJOR = "major", "Major"
        SUPPORTING = "supporting", "Supporting"
        ADDITIONAL = "additional", "Additional"

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="targets")
    code = models.CharField(max_length=40)
    text = models.TextField()
    grade = models.CharField(max_length=2, choices=GRADE_CHOICES)
    domain_code = models.CharField(max_length=20)
    domain_name = models.CharField(max_length=200)
    cluster_letter = models.CharField(max_length=4, blank=True)
    cluster_name = models.CharField(max_length=300, blank=True)
    weight_class = models.CharField(max_length=12, choices=WeightClass.choices, default=WeightClass.MAJOR)
    ordinal = models.CharField(max_length=20, blank=True, help_text="Position within the cluster, as published.")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="parts")
    source_id = models.CharField(max_length=40, blank=True, help_text="The identifier in the source data set.")
    short_name = models.CharField(
        max_length=60, blank=True, help_text='What a 12-year-old calls it ("dividing fractions"); reasons use it.'
    )

    class Meta:
        ordering = ["framework", "code"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="target_code_unique_in_framework")]
        indexes = [models.Index(fields=["framework", "grade", "domain_code"], name="target_grade_domain_idx")]

    def __str__(self) -> str:
        return self.code

    @property
    def name(self) -> str:
        """Its short name with the code after it, as people read it: "dividing fractions (6.NS.A.1)"."""
        return f"{self.short_name} ({self.code})" if self.short_name else self.code


class Prerequisite(models.Model):
    """`prerequisite` must be learned before `target`. Edges form a DAG within one framework.

    Edges are written only through `assessments.services.prerequisite_add` (and the importer),
    which refuse an edge that would close a cycle or join two frameworks.
    """

    prerequisite = models.ForeignKey(LearningTarget, on_delete=models.CASCADE, related_name="unlocks")
    target = models.ForeignKey(LearningTarget, on_delete=models.CASCADE, related_name="requires")

    class Meta:
        ordering = ["prerequisite__code", "target__code"]
        constraints = [
            models.UniqueConstraint(fields=["prerequisite", "target"], name="prerequisite_edge_unique"),
            models.CheckConstraint(condition=~Q(prerequisite=F("target")), name="prerequisite_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.prerequisite.code} → {self.target.code}"


class RelatedTarget(models.Model):
    """Two targets that are related without one being a prerequisite (stored once, lower id first)."""

    first = models.ForeignKey(LearningTarget, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(LearningTarget, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="related_pair_unique"),
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="related_pair_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.first.code} ↔ {self.second.code}"


class Difficulty(models.IntegerChoices):
    """How hard an item or activity is; shared by the item bank and the activity catalog."""

    INTRODUCTORY = 1, "Introductory"
    CORE = 2, "Core"
    STRETCH = 3, "Stretch"


class SchoolCatalogQuerySet(models.QuerySet):
    """Rows of a catalog every school shares (no school) beside each school's own, retired by `is_active`: the
    item bank and the activity catalog."""

    def usable_at(self, school) -> "SchoolCatalogQuerySet":
        """What a school (or a school id) may use: active, and either shared or the school's own."""
        return self.filter(Q(school__isnull=True) | Q(school=school), is_active=True)


class ItemQuerySet(SchoolCatalogQuerySet):
    def auto_scored(self) -> "ItemQuerySet":
        """Items the platform scores itself (everything but open responses, which a teacher scores)."""
        return self.exclude(item_type=Item.Type.OPEN_RESPONSE)


class Item(models.Model):
    """A question tagged to one or more learning targets.

    `choices`, `key` and `rubric` are JSON whose shape depends on `item_type` (see assessments.scoring);
    a key correction goes through `assessments.services.item_key_correct`, which rescores every attempt.
    `stem`, the hints and `worked_solution` are Markdown (learning_platform.content); `figure` is an SVG drawing
    that goes with the stem (generated items draw one for geometry and data).
    """

    class Type(models.TextChoices):
        SINGLE_CHOICE = "single_choice", "Single choice"
        MULTIPLE_SELECT = "multiple_select", "Multiple select"
        NUMERIC = "numeric", "Numeric"
        SHORT_TEXT = "short_text", "Short text"
        COMPARISON = "comparison", "Comparison (<, >, =)"
        OPEN_RESPONSE = "open_response", "Open response (rubric)"

    item_type = models.CharField(max_length=20, choices=Type.choices)
    stem = models.TextField(help_text="The question as the student reads it.")
    choices = models.JSONField(default=list, blank=True)
    key = models.JSONField(default=dict, blank=True)
    rubric = models.JSONField(default=dict, blank=True)
    targets = models.ManyToManyField(LearningTarget, related_name="items")
    difficulty = models.PositiveSmallIntegerField(choices=Difficulty.choices, default=Difficulty.CORE)
    max_points = models.DecimalField(max_digits=5, decimal_places=2, default=1)
    hints = models.JSONField(default=list, blank=True, help_text="Hints in order, each a line of Markdown.")
    worked_solution = models.TextField(blank=True, help_text="The solution step by step (Markdown).")
    figure = models.TextField(blank=True, help_text="An SVG drawing shown with the stem.")
    # Where the item comes from: an import ("mathcamps") or a teacher ("teacher"), and its id there.
    source = models.CharField(max_length=40, default="teacher")
    source_id = models.CharField(max_length=120, blank=True)
    school = models.ForeignKey(
        "learning_platform.School", null=True, blank=True, on_delete=models.CASCADE, related_name="items"
    )
    created_by = models.ForeignKey(
        "learning_platform.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    key_version = models.PositiveIntegerField(default=1, help_text="Raised by each key correction.")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            # An imported item's source id is unique in the shared bank and, separately, in each school's own
            # items: two schools may import the same QTI package.
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=Q(school__isnull=True) & ~Q(source_id=""),
                name="item_unique_shared_source_id",
            ),
            models.UniqueConstraint(
                fields=["school", "source", "source_id"],
                condition=Q(school__isnull=False) & ~Q(source_id=""),
                name="item_unique_school_source_id",
            ),
            models.CheckConstraint(condition=Q(max_points__gt=0), name="item_max_points_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_item_type_display()}: {self.stem[:60]}"

    def clean(self) -> None:
        from assessments import scoring
        from learning_platform.content import ContentError, check_markdown

        try:
            scoring.validate_key(self.item_type, self.choices, self.rubric if self.is_open else self.key)
        except ValueError as error:
            raise ValidationError({"key": str(error)}) from None
        problems = {}
        hints = self.hints if isinstance(self.hints, list) else None
        if hints is None or not all(isinstance(hint, str) and hint.strip() for hint in hints):
            problems["hints"] = "Hints are a list of non-empty lines of text."
        for field, text in [
            ("stem", self.stem),
            ("worked_solution", self.worked_solution),
            *(("hints", hint) for hint in hints or () if isinstance(hint, str)),
        ]:
            try:
                check_markdown(text, field=field.replace("_", " "))
            except ContentError as error:
                problems.setdefault(field, str(error))
        if problems:
            raise ValidationError(problems)

    @property
    def is_open(self) -> bool:
        return self.item_type == self.Type.OPEN_RESPONSE


class Assessment(models.Model):
    """A set of items students take: an exit ticket, a quiz, a diagnostic, a checkpoint or a rubric task."""

    class Kind(models.TextChoices):
        EXIT_TICKET = "exit_ticket", "Exit ticket"
        QUIZ = "quiz", "Quiz"
        DIAGNOSTIC = "diagnostic", "Pre-test / diagnostic"
        CHECKPOINT = "checkpoint", "Checkpoint"
        RUBRIC_TASK = "rubric_task", "Rubric task"

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    school = models.ForeignKey("learning_platform.School", on_delete=models.CASCADE, related_name="assessments")
    created_by = models.ForeignKey(
        "learning_platform.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    items = models.ManyToManyField(Item, through="AssessmentItem", related_name="assessments")
    attempts_allowed = models.PositiveSmallIntegerField(default=1)
    time_limit_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    show_answers_after_submit = models.BooleanField(default=False)
    show_feedback_after_submit = models.BooleanField(default=True)
    # An exit ticket the playlist engine wrote for one learner's path on one school day.
    written_for = models.ForeignKey(
        "learning_platform.User", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    written_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(attempts_allowed__gte=1), name="assessment_attempts_at_least_one"),
            models.CheckConstraint(
                condition=Q(time_limit_minutes__isnull=True) | Q(time_limit_minutes__gte=1),
                name="assessment_time_limit_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AssessmentItem(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="assessment_items")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["assessment", "position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="assessment_item_once"),
            models.UniqueConstraint(fields=["assessment", "position"], name="assessment_item_position_unique"),
        ]


class Assignment(models.Model):
    """An assessment given to a section, or to chosen students of it, between two moments."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="assignments")
    section = models.ForeignKey("learning_platform.Section", on_delete=models.CASCADE, related_name="assignments")
    students = models.ManyToManyField(
        "learning_platform.User",
        blank=True,
        related_name="assessment_assignments",
        help_text="Chosen students of the section; empty means the whole section.",
    )
    opens_at = models.DateTimeField()
    due_at = models.DateTimeField()
    assigned_by = models.ForeignKey(
        "learning_platform.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at", "id"]
        constraints = [models.CheckConstraint(condition=Q(due_at__gt=F("opens_at")), name="assignment_due_after_open")]

    def __str__(self) -> str:
        return f"{self.assessment} for {self.section}"


class Attempt(models.Model):
    """One learner's go at an assigned assessment: answers autosave until it is submitted, once."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        AWAITING_TEACHER = "awaiting_teacher", "Waiting for the teacher's scoring"
        SCORED = "scored", "Scored"

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="attempts")
    learner = models.ForeignKey("learning_platform.User", on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField()
    # The time limit stretched by the learner's extended-time accommodation; empty when untimed.
    deadline_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    points = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    max_points = models.DecimalField(max_digits=7, decimal_places=2, default=0)

    class Meta:
        ordering = ["-started_at", "id"]
        # The sweeper of lost mastery updates reads the attempts submitted in its window.
        indexes = [models.Index(fields=["submitted_at"], name="attempt_submitted_idx")]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "learner", "number"], name="attempt_number_unique"),
            models.CheckConstraint(
                condition=Q(status="in_progress", submitted_at__isnull=True)
                | (~Q(status="in_progress") & Q(submitted_at__isnull=False)),
                name="attempt_submitted_iff_not_in_progress",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner} on {self.assignment.assessment} (#{self.number})"


class ResponseQuerySet(models.QuerySet):
    def awaiting_rubric(self) -> "ResponseQuerySet":
        """Rubric work waiting: open responses of submitted attempts that no teacher has scored yet."""
        return self.filter(
            item__item_type=Item.Type.OPEN_RESPONSE,
            scored_at__isnull=True,
            attempt__status=Attempt.Status.AWAITING_TEACHER,
        )


class Response(models.Model):
    """A learner's answer to one item in one attempt, with its score once scored."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="responses")
    answer = models.JSONField(null=True, blank=True)
    saved_at = models.DateTimeField()
    correct = models.BooleanField(null=True, blank=True)
    points = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    feedback = models.TextField(blank=True)
    # Rubric scoring: the level chosen per criterion, the teacher's comment, who scored and when.
    rubric_levels = models.JSONField(default=dict, blank=True)
    teacher_comment = models.TextField(blank=True)
    scored_by = models.ForeignKey(
        "learning_platform.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scored_at = models.DateTimeField(null=True, blank=True)
    # Raised each time the response is scored again (a key correction); evidence records the revision.
    scoring_revision = models.PositiveIntegerField(default=0)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["attempt", "id"]
        constraints = [models.UniqueConstraint(fields=["attempt", "item"], name="response_once_per_item")]

    def __str__(self) -> str:
        return f"Response to item {self.item_id} in attempt {self.attempt_id}"


class TargetModelParams(models.Model):
    """The mastery model's parameters for one target at one school, fitted from the school's responses.

    `mean_correct` is the share of right answers on the target in the fitted data: the yardstick a learner's
    ability is measured against (see assessments.bkt).
    """

    school = models.ForeignKey("learning_platform.School", on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(LearningTarget, on_delete=models.CASCADE, related_name="+")
    prior = models.FloatField()
    learn = models.FloatField()
    guess = models.FloatField()
    slip = models.FloatField()
    forget = models.FloatField()
    mean_correct = models.FloatField()
    responses = models.PositiveIntegerField(help_text="How many responses the fit saw for this target.")
    fitted_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["school", "target"], name="params_unique_school_target")]


class MasteryModelFit(models.Model):
    """What a school's last fit found beyond each target's values: how much a learner's ability shifts
    (prior, learn, guess, slip, forget) on the logit scale, and what the fit saw."""

    school = models.OneToOneField("learning_platform.School", on_delete=models.CASCADE, related_name="+")
    ability_effect = models.JSONField(help_text="Logit shift per unit of ability of prior, learn, guess, slip, forget.")
    responses = models.PositiveIntegerField()
    targets = models.PositiveIntegerField()
    log_likelihood = models.FloatField()
    fitted_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Mastery model of {self.school} ({self.fitted_at:%Y-%m-%d})"


class PracticeSet(models.Model):
    """A few questions on one target that a learner practises one at a time, with immediate feedback, hints and
    the worked solution (an activity's practice). Each question's first answer is evidence for mastery, weighed
    less than an assessment's (see learners.mastery.PRACTICE_WEIGHT)."""

    learner = models.ForeignKey("learning_platform.User", on_delete=models.CASCADE, related_name="practice_sets")
    target = models.ForeignKey(LearningTarget, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["learner", "created_at"], name="practice_set_learner_idx")]

    def __str__(self) -> str:
        return f"{self.learner} practising {self.target}"


class PracticeResponse(models.Model):
    """One question of a practice set and what the learner did with it.

    `answer` and `correct` are the first answer, the one that counts as evidence; later tries only change
    `last_answer`/`last_correct`. `hints_shown` counts the hints opened, `hinted` says whether one was opened
    before the first answer, and `solution_shown` whether the learner saw the worked solution.
    """

    practice_set = models.ForeignKey(PracticeSet, on_delete=models.CASCADE, related_name="responses")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="practice_responses")
    position = models.PositiveSmallIntegerField()
    answer = models.JSONField(null=True, blank=True)
    correct = models.BooleanField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    hinted = models.BooleanField(default=False)
    last_answer = models.JSONField(null=True, blank=True)
    last_correct = models.BooleanField(null=True, blank=True)
    tries = models.PositiveSmallIntegerField(default=0)
    hints_shown = models.PositiveSmallIntegerField(default=0)
    solution_shown = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["practice_set", "position"]
        constraints = [
            models.UniqueConstraint(fields=["practice_set", "item"], name="practice_item_once"),
            models.UniqueConstraint(fields=["practice_set", "position"], name="practice_position_unique"),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True, correct__isnull=True)
                | Q(answered_at__isnull=False, correct__isnull=False),
                name="practice_answered_iff_scored",
            ),
        ]

    def __str__(self) -> str:
        return f"Practice on item {self.item_id} in set {self.practice_set_id}"

    @property
    def finished(self) -> bool:
        """Done with: answered right at some try, or the solution seen."""
        return bool(self.last_correct) or self.solution_shown
