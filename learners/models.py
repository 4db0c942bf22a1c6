"""Learner profiles and the learner's own goals."""
from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

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

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile")
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
