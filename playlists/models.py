"""The activity catalog the playlist engine chooses from, and the daily paths it builds."""
from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from assessments.models import Difficulty
from learners.models import Modality, validate_short_phrases


class Activity(models.Model):
    """A piece of learning work: a video, a reading, a practice set, a hands-on task...

    `school` empty means the activity is in the shared catalog every school sees.
    """

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


class Playlist(models.Model):
    """One learner's path for one school day (the school's local date), as the engine last built it.

    Written only by `playlists.services.playlist_rebuild`; a past day's playlist is history and is never
    rebuilt.
    """

    class Status(models.TextChoices):
        FRESH = "fresh", "Fresh"
        STALE = "stale", "Stale"

    learner = models.ForeignKey("learning_platform.User", on_delete=models.CASCADE, related_name="playlists")
    school_day = models.DateField()
    generated_at = models.DateTimeField()
    engine_version = models.CharField(max_length=20)
    inputs_digest = models.CharField(max_length=64)
    status = models.CharField(max_length=5, choices=Status.choices, default=Status.FRESH)

    class Meta:
        ordering = ["-school_day", "learner"]
        constraints = [models.UniqueConstraint(fields=["learner", "school_day"], name="playlist_one_per_learner_day")]

    def __str__(self) -> str:
        return f"{self.learner} on {self.school_day}"


class PlaylistItem(models.Model):
    """One step of a day's path, with why it is there and what the learner did with it."""

    class Kind(models.TextChoices):
        ACTIVITY = "activity", "Activity"
        ASSESSMENT = "assessment", "Assessment"
        GROUP_SESSION = "group_session", "Small-group session"

    class Source(models.TextChoices):
        ENGINE = "engine", "Engine"
        TEACHER = "teacher", "Teacher"

    playlist = models.ForeignKey(Playlist, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices)
    activity = models.ForeignKey(Activity, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    assessment = models.ForeignKey(
        "assessments.Assessment", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    target = models.ForeignKey(
        "assessments.LearningTarget", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    minutes = models.PositiveSmallIntegerField()
    reason = models.TextField()
    rule = models.CharField(max_length=20, help_text="The engine's step that put the item here, e.g. next or gap.")
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.ENGINE)
    pinned = models.BooleanField(default=False)
    locked = models.BooleanField(default=False)
    alternatives = models.JSONField(default=list, blank=True, help_text="Activity ids the student chooses among.")
    chosen_activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["playlist", "position"]
        constraints = [
            models.UniqueConstraint(fields=["playlist", "position"], name="playlist_item_position_unique"),
            models.CheckConstraint(
                condition=Q(kind="activity", activity__isnull=False, assessment__isnull=True)
                | Q(kind="assessment", assessment__isnull=False, activity__isnull=True)
                | Q(kind="group_session", activity__isnull=True, assessment__isnull=True),
                name="playlist_item_kind_matches_ref",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.playlist} #{self.position}: {self.get_kind_display()}"

    @property
    def is_underway(self) -> bool:
        """Has the learner started or finished it? Then a rebuild leaves it where it is."""
        return self.started_at is not None or self.completed_at is not None
