"""The activity catalog the playlist engine chooses from."""
from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from learners.models import Modality, validate_short_phrases


class Activity(models.Model):
    """A piece of learning work: a video, a reading, a practice set, a hands-on task...

    `school` empty means the activity is in the shared catalog every school sees.
    """

    class Difficulty(models.IntegerChoices):
        INTRODUCTORY = 1, "Introductory"
        CORE = 2, "Core"
        STRETCH = 3, "Stretch"

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    modality = models.CharField(max_length=20, choices=Modality.choices)
    expected_minutes = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(240)])
    targets = models.ManyToManyField("assessments.LearningTarget", related_name="activities")
    difficulty = models.PositiveSmallIntegerField(choices=Difficulty.choices, default=Difficulty.CORE)
    interest_tags = models.JSONField(default=list, blank=True, validators=[validate_short_phrases])
    url = models.URLField(blank=True, help_text="Where the activity lives, if outside Waypoint.")
    body = models.TextField(blank=True, help_text="The activity itself, if it lives in Waypoint (Markdown).")
    school = models.ForeignKey(
        "learning_platform.School", null=True, blank=True, on_delete=models.CASCADE, related_name="activities"
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "activities"
        constraints = [
            models.CheckConstraint(condition=~Q(url="") | ~Q(body=""), name="activity_has_url_or_body"),
            models.CheckConstraint(
                condition=Q(expected_minutes__gte=1) & Q(expected_minutes__lte=240), name="activity_minutes_in_range"
            ),
        ]

    def __str__(self) -> str:
        return self.title
