"""Learner profiles, goals, and the mastery state: what the platform believes each learner knows."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from learning_platform.models import GRADE_CHOICES


class Modality(models.TextChoices):
    """Ways of learning; shared by learner preferences and the activity catalog."""

    VIDEO = "video", "Video"
    READING = "reading", "Reading"
    WORKED_EXAMPLES = "worked_examples", "Worked examples"
    PRACTICE = "practice", "Practice"
    HANDS_ON = "hands_on", "Hands-on"
    SMALL_GROUP = "small_group", "Small group with the teacher"
    PEER_WORK = "peer_work", "Peer work"


def validate_modalities(value) -> None:
    if not isinstance(value, list):
        raise ValidationError("Preferred ways of learning must be a list.")
    unknown = [item for item in value if item not in Modality.values]
    if unknown:
        raise ValidationError(
            "Unknown way of learning: %(unknown)s (choose from %(choices)s).",
            params={"unknown": ", ".join(map(str, unknown)), "choices": ", ".join(Modality.values)},
        )
    if len(set(value)) != len(value):
        raise ValidationError("Each way of learning may be listed once.")


def validate_short_phrases(value) -> None:
    """A list of up to 20 short phrases (interests, career goals, interest tags)."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError("Must be a list of short phrases.")
    if len(value) > 20:
        raise ValidationError("At most 20 entries.")
    for item in value:
        if not item.strip() or len(item) > 60:
            raise ValidationError("Each entry must be 1 to 60 characters: %(item)r.", params={"item": item})


class LearnerProfile(models.Model):
    """What the platform knows about a student beyond their mastery: who they are and how they learn."""

    # The learner's user id is their profile's id, so every API names a learner by one number.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="learner_profile"
    )
    school = models.ForeignKey("learning_platform.School", on_delete=models.PROTECT, related_name="learner_profiles")
    grade = models.CharField(max_length=2, choices=GRADE_CHOICES)
    interests = models.JSONField(
        default=list, blank=True, validators=[validate_short_phrases], help_text="Short topics, e.g. soccer, music."
    )
    career_goals = models.JSONField(default=list, blank=True, validators=[validate_short_phrases])
    preferred_modalities = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_modalities],
        help_text="Ways of learning, most preferred first: " + ", ".join(Modality.values) + ".",
    )
    has_iep = models.BooleanField("IEP", default=False)
    has_504 = models.BooleanField("504 plan", default=False)
    english_learner = models.BooleanField(default=False)
    extended_time_factor = models.DecimalField(
        max_digits=3,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("1.00")), MaxValueValidator(Decimal("3.00"))],
        help_text="1.00 is standard time; 1.50 is time and a half.",
    )
    read_aloud = models.BooleanField(default=False)
    home_language = models.CharField(max_length=64, blank=True, default="English")
    daily_minutes_budget = models.PositiveSmallIntegerField(
        default=45, validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(extended_time_factor__gte=1) & Q(extended_time_factor__lte=3),
                name="profile_extended_time_in_range",
            ),
            models.CheckConstraint(
                condition=Q(daily_minutes_budget__gte=5) & Q(daily_minutes_budget__lte=480),
                name="profile_minutes_budget_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @property
    def accommodations(self) -> list[str]:
        """The accommodations in words, for pages and reasons."""
        words = []
        if self.has_iep:
            words.append("IEP")
        if self.has_504:
            words.append("504 plan")
        if self.english_learner:
            words.append("English learner")
        if self.extended_time_factor > 1:
            words.append(f"Extended time ×{self.extended_time_factor.normalize()}")
        if self.read_aloud:
            words.append("Read-aloud")
        return words


class LearnerGoal(models.Model):
    """A target the student means to reach by a date, in their own words."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        ACHIEVED = "achieved", "Achieved"
        RETIRED = "retired", "Retired"

    learner = models.ForeignKey(LearnerProfile, on_delete=models.CASCADE, related_name="goals")
    target = models.ForeignKey("assessments.LearningTarget", on_delete=models.PROTECT, related_name="learner_goals")
    reach_by = models.DateField()
    why = models.TextField(help_text="The student's own words for why this goal matters.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["reach_by", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "target"], condition=Q(status="active"), name="goal_one_active_per_target"
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner.user}: {self.target.code} by {self.reach_by}"


class MasteryLevel(models.TextChoices):
    """The words teachers use, lowest first (see MasterySettings for the thresholds)."""

    NOT_STARTED = "not_started", "Not started"
    ATTEMPTED = "attempted", "Attempted"
    FAMILIAR = "familiar", "Familiar"
    PROFICIENT = "proficient", "Proficient"
    MASTERED = "mastered", "Mastered"


LEVEL_ORDER = list(MasteryLevel.values)


class MasterySettings(models.Model):
    """A school's thresholds on the probability of mastery, and how fast unpractised targets fade.

    Defaults (documented in the README): Familiar from 0.40, Proficient from 0.70, Mastered from 0.90;
    with no evidence a target is Not started, with evidence below 0.40 it is Attempted. Mastery fades
    toward the target's prior with a half-life of 60 days without practice.
    """

    school = models.OneToOneField("learning_platform.School", on_delete=models.CASCADE, related_name="mastery_settings")
    familiar_at = models.FloatField(default=0.4)
    proficient_at = models.FloatField(default=0.7)
    mastered_at = models.FloatField(default=0.9)
    half_life_days = models.PositiveSmallIntegerField(default=60)

    class Meta:
        verbose_name_plural = "mastery settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(familiar_at__gt=0)
                & Q(familiar_at__lt=F("proficient_at"))
                & Q(proficient_at__lt=F("mastered_at"))
                & Q(mastered_at__lt=1),
                name="mastery_thresholds_increase",
            ),
            models.CheckConstraint(condition=Q(half_life_days__gte=1), name="mastery_half_life_positive"),
        ]

    def __str__(self) -> str:
        return f"Mastery settings of {self.school}"


class MasteryJudgment(models.Model):
    """A teacher setting a learner's level on a target, with why; never edited."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="judgments_received")
    target = models.ForeignKey("assessments.LearningTarget", on_delete=models.CASCADE, related_name="+")
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="judgments_made")
    from_level = models.CharField(max_length=12, choices=MasteryLevel.choices)
    to_level = models.CharField(max_length=12, choices=MasteryLevel.choices)
    reason = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.teacher} set {self.learner} on {self.target} to {self.get_to_level_display()}"


class AppendOnlyQuerySet(models.QuerySet):
    """Rows of an append-only log: bulk updates and deletes are refused."""

    def update(self, **kwargs):
        raise PermissionError(f"{self.model.__name__} rows are never edited.")

    def delete(self):
        raise PermissionError(f"{self.model.__name__} rows are never deleted.")


class Evidence(models.Model):
    """One piece of evidence about a learner and a target, appended to a log that is never edited.

    A scored response gives one row per target of its item; a rescored response gives a new row that
    `supersedes` the old one; a teacher's judgment gives a row too, and so does the first answer to a practice
    question (`practice`), which counts for less (`weight`, see learners.mastery.PRACTICE_WEIGHT), and so does an
    answer to a placement check (`placement_answer`), which counts in full as a diagnostic (it finds what was never
    taught, so it is no failure). The mastery state is what replaying the rows that are not superseded, in
    `observed_at` order, through the estimator gives.
    """

    class Kind(models.TextChoices):
        RESPONSE = "response", "Scored response"
        JUDGMENT = "judgment", "Teacher judgment"
        PRACTICE = "practice", "Practice answer"
        PLACEMENT = "placement", "Placement check answer"

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evidence")
    target = models.ForeignKey("assessments.LearningTarget", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    correct = models.BooleanField(null=True, blank=True, help_text="For a response: was it right?")
    # PROTECT: a response or judgment that is evidence cannot be deleted from under the log.
    response = models.ForeignKey(
        "assessments.Response", null=True, blank=True, on_delete=models.PROTECT, related_name="evidence"
    )
    scoring_revision = models.PositiveIntegerField(default=0)
    judgment = models.OneToOneField(
        MasteryJudgment, null=True, blank=True, on_delete=models.PROTECT, related_name="evidence"
    )
    practice = models.ForeignKey(
        "assessments.PracticeResponse", null=True, blank=True, on_delete=models.PROTECT, related_name="evidence"
    )
    placement_answer = models.ForeignKey(
        "learners.PlacementAnswer", null=True, blank=True, on_delete=models.PROTECT, related_name="evidence"
    )
    # How much the row counts, from 0 to 1: 1 for an assessment's answer and a judgment, less for practice.
    weight = models.FloatField(default=1.0)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    observed_at = models.DateTimeField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["observed_at", "id"]
        indexes = [models.Index(fields=["learner", "target", "observed_at"], name="evidence_learner_target_idx")]
        constraints = [
            # A task that runs twice appends nothing the second time.
            models.UniqueConstraint(
                fields=["response", "target", "scoring_revision"],
                condition=Q(response__isnull=False),
                name="evidence_once_per_response_revision",
            ),
            models.UniqueConstraint(
                fields=["practice", "target"],
                condition=Q(practice__isnull=False),
                name="evidence_once_per_practice",
            ),
            models.UniqueConstraint(
                fields=["placement_answer", "target"],
                condition=Q(placement_answer__isnull=False),
                name="evidence_once_per_placement",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        kind="response",
                        response__isnull=False,
                        correct__isnull=False,
                        judgment__isnull=True,
                        practice__isnull=True,
                        placement_answer__isnull=True,
                    )
                )
                | Q(
                    kind="judgment",
                    judgment__isnull=False,
                    response__isnull=True,
                    practice__isnull=True,
                    placement_answer__isnull=True,
                )
                | Q(
                    kind="practice",
                    practice__isnull=False,
                    correct__isnull=False,
                    response__isnull=True,
                    judgment__isnull=True,
                    placement_answer__isnull=True,
                )
                | Q(
                    kind="placement",
                    placement_answer__isnull=False,
                    correct__isnull=False,
                    response__isnull=True,
                    judgment__isnull=True,
                    practice__isnull=True,
                ),
                name="evidence_kind_matches_source",
            ),
            models.CheckConstraint(condition=Q(weight__gt=0) & Q(weight__lte=1), name="evidence_weight_in_range"),
        ]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Evidence rows are never edited.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Evidence rows are never deleted.")


class MasteryState(models.Model):
    """What the platform believes a learner knows of a target, derived from the evidence log."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mastery_states")
    target = models.ForeignKey("assessments.LearningTarget", on_delete=models.CASCADE, related_name="+")
    p_mastery = models.FloatField()
    evidence_count = models.PositiveIntegerField(default=0)
    last_evidence_at = models.DateTimeField(null=True, blank=True)
    level = models.CharField(max_length=12, choices=MasteryLevel.choices, default=MasteryLevel.NOT_STARTED)
    # The standing teacher judgment, if any: it sets the level shown until a teacher changes it, and
    # `judgment_contested` flags evidence since then that points two or more levels away.
    judgment = models.ForeignKey(MasteryJudgment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    model_level = models.CharField(max_length=12, choices=MasteryLevel.choices, default=MasteryLevel.NOT_STARTED)
    judgment_contested = models.BooleanField(default=False)
    # The wrong answers in a row that end the evidence, and the last right answer or judgment before them.
    failure_run = models.PositiveIntegerField(default=0)
    last_success_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["learner", "target"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "target"], name="mastery_state_unique"),
            models.CheckConstraint(condition=Q(p_mastery__gte=0) & Q(p_mastery__lte=1), name="mastery_p_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.learner} on {self.target}: {self.get_level_display()} ({self.p_mastery:.2f})"


class PlacementCheck(models.Model):
    """An adaptive placement check (learners.placement): questions chosen one by one over the learner's grade and
    what it builds on, until it is confident or reaches its cap. A teacher assigns it to a section or a student,
    or the platform offers it to a learner with no evidence yet. Its answers are mastery evidence marked as
    placement; `result` holds what it found per target: known, not_known or ready (to learn next)."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        FINISHED = "finished", "Finished"

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="placement_checks")
    section = models.ForeignKey(
        "learning_platform.Section", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The teacher who assigned it; empty when the platform offered it.",
    )
    grade = models.CharField(max_length=2, choices=GRADE_CHOICES, help_text="The learner's grade it placed them in.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ASSIGNED)
    created_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True, help_text="Target code: known, not_known or ready.")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["learner", "status"], name="placement_learner_status_idx")]
        constraints = [
            # One open check a learner at a time.
            models.UniqueConstraint(
                fields=["learner"], condition=~Q(status="finished"), name="placement_one_open_per_learner"
            ),
        ]

    def __str__(self) -> str:
        return f"Placement check of {self.learner} ({self.get_status_display()})"


class PlacementAnswer(models.Model):
    """One question of a placement check: the target the check chose, the item shown for it, and the answer
    (`answer` None with `correct` False: "I don't know")."""

    placement = models.ForeignKey(PlacementCheck, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField()
    target = models.ForeignKey("assessments.LearningTarget", on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey("assessments.Item", on_delete=models.PROTECT, related_name="placement_answers")
    shown_at = models.DateTimeField()
    answer = models.JSONField(null=True, blank=True)
    correct = models.BooleanField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["placement", "position"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "position"], name="placement_answer_position_unique"),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True, correct__isnull=True)
                | Q(answered_at__isnull=False, correct__isnull=False),
                name="placement_answered_iff_scored",
            ),
        ]

    def __str__(self) -> str:
        return f"Question {self.position} of {self.placement}"
