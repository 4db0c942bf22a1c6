"""The activity catalog the playlist engine chooses from, and the daily paths it builds."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from assessments.models import Difficulty, SchoolCatalogQuerySet
from learners.models import Modality, validate_short_phrases
from learning_platform.models import LearnerBatch


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

    # `Activity.objects.usable_at(school)`: the activities a school may use.
    objects = SchoolCatalogQuerySet.as_manager()

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

    def clean(self) -> None:
        from learning_platform.content import ContentError, check_markdown

        try:
            check_markdown(self.body, field="body")
        except ContentError as error:
            raise ValidationError({"body": str(error)}) from None


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
    # Since when something the path depends on has changed without a rebuild yet; the sweeper rebuilds a path
    # stale for longer than its message should take.
    stale_since = models.DateTimeField(null=True, blank=True)
    flags = models.JSONField(
        default=list, blank=True, help_text="What the engine asks of the teacher: kind, target codes, message."
    )

    class Meta:
        ordering = ["-school_day", "learner"]
        constraints = [models.UniqueConstraint(fields=["learner", "school_day"], name="playlist_one_per_learner_day")]
        indexes = [models.Index(fields=["status", "stale_since"], name="playlist_stale_idx")]

    def __str__(self) -> str:
        return f"{self.learner} on {self.school_day}"


class PlaylistItem(models.Model):
    """One step of a day's path, with why it is there and what the learner did with it."""

    class Kind(models.TextChoices):
        ACTIVITY = "activity", "Activity"
        ASSESSMENT = "assessment", "Assessment"
        GROUP_SESSION = "group_session", "Small-group session"
        # An exit ticket the engine wrote on `checks`: its questions are drawn from the bank when the learner
        # takes it (`assessment` is empty until then).
        EXIT_TICKET = "exit_ticket", "Exit ticket"

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
    checks = models.JSONField(default=list, blank=True, help_text="For an exit ticket the engine wrote: its targets.")
    chosen_activity = models.ForeignKey(Activity, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["playlist", "position"]
        constraints = [
            models.UniqueConstraint(fields=["playlist", "position"], name="playlist_item_position_unique"),
            # A group session's activity is its mini-lesson, when the teacher chose one.
            models.CheckConstraint(
                condition=Q(kind="activity", activity__isnull=False, assessment__isnull=True)
                | Q(kind="assessment", assessment__isnull=False, activity__isnull=True)
                | Q(kind="group_session", assessment__isnull=True)
                | Q(kind="exit_ticket", activity__isnull=True),
                name="playlist_item_kind_matches_ref",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.playlist} #{self.position}: {self.get_kind_display()}"

    @property
    def title(self) -> str:
        """What the item is called on every page: the activity (the learner's pick) or assessment, the exit ticket
        the engine wrote and what it checks, or the small group and its target."""
        if self.kind == self.Kind.ASSESSMENT:
            return self.assessment.title
        if self.kind == self.Kind.EXIT_TICKET:
            return f"Exit ticket: {', '.join(self.checks)}"
        if self.kind == self.Kind.GROUP_SESSION:
            mini_lesson = f": {self.activity.title}" if self.activity_id else ""
            return f"Small group with the teacher on {self.target.name if self.target_id else 'a target'}{mini_lesson}"
        return (self.chosen_activity or self.activity).title

    @property
    def is_underway(self) -> bool:
        """Has the learner started or finished it? Then a rebuild leaves it where it is."""
        return self.started_at is not None or self.completed_at is not None


class ActivityVisit(models.Model):
    """A learner's time with an activity of their path, from the moment they open it: the activity they opened (an
    item's choice), the active minutes the page reported, when they followed its link, and its practice set.

    Opening an activity starts its path item, so the item (and this row) stays through every rebuild.
    """

    item = models.OneToOneField(PlaylistItem, on_delete=models.CASCADE, related_name="visit")
    learner = models.ForeignKey("learning_platform.User", on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="+")
    practice_set = models.ForeignKey(
        "assessments.PracticeSet", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()
    active_seconds = models.PositiveIntegerField(default=0)
    link_opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        indexes = [models.Index(fields=["learner", "opened_at"], name="activity_visit_learner_idx")]

    def __str__(self) -> str:
        return f"{self.learner} on {self.activity}"

    @property
    def minutes_spent(self) -> int:
        return round(self.active_seconds / 60)


class PathOverride(models.Model):
    """A teacher's say over a learner's path from `starts_on` to `ends_on`: pin an activity to it, remove an
    activity or assessment from it, lock one so the student gets that exact work, move one to a place on the
    path, or assign a learning target (`focus`: the engine works on it first).

    A removal wins over everything on those days; a pin the learner has completed since it began drops off.
    """

    class Action(models.TextChoices):
        PIN = "pin", "Pin"
        REMOVE = "remove", "Remove"
        LOCK = "lock", "Lock"
        MOVE = "move", "Move"
        FOCUS = "focus", "Assign target"

    learner = models.ForeignKey("learning_platform.User", on_delete=models.CASCADE, related_name="path_overrides")
    action = models.CharField(max_length=6, choices=Action.choices)
    activity = models.ForeignKey(Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    assessment = models.ForeignKey(
        "assessments.Assessment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    target = models.ForeignKey(
        "assessments.LearningTarget",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The target the pinned work is for; it files the item on the path.",
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    due = models.DateField(
        null=True, blank=True, help_text="For a pin or an assigned target: when it is due, shown to the student."
    )
    position = models.PositiveSmallIntegerField(null=True, blank=True, help_text="For a move: the place, 1 first.")
    note = models.TextField(blank=True)
    teacher = models.ForeignKey("learning_platform.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["learner", "starts_on", "pk"]
        indexes = [models.Index(fields=["learner", "ends_on"], name="path_override_learner_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(action="focus", activity__isnull=True, assessment__isnull=True)
                | (
                    ~Q(action="focus")
                    & (
                        Q(activity__isnull=False, assessment__isnull=True)
                        | Q(activity__isnull=True, assessment__isnull=False)
                    )
                ),
                name="path_override_one_ref",
            ),
            models.CheckConstraint(
                condition=Q(action="move", position__gte=1) | (~Q(action="move") & Q(position__isnull=True)),
                name="path_override_move_has_position",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="path_override_dates_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.activity or self.assessment} for {self.learner}"

    @property
    def kind(self) -> str:
        return "activity" if self.activity_id else "assessment" if self.assessment_id else "target"

    def describe(self) -> str:
        """What the override does, in the words the teacher's pages use."""
        work = self.activity or self.assessment
        if self.action == self.Action.FOCUS:
            return f"Assigned target {self.target.code}"
        if self.action == self.Action.MOVE:
            return f"Moved “{work}” to place {self.position}"
        return f"{OVERRIDE_VERBS[self.action]} “{work}”"


OVERRIDE_VERBS = {"pin": "Pinned", "remove": "Removed", "lock": "Locked"}


class SmallGroup(models.Model):
    """Students of a section the teacher meets on one day to work on a target, with an optional mini-lesson;
    each member's path that day shows the session."""

    section = models.ForeignKey("learning_platform.Section", on_delete=models.CASCADE, related_name="small_groups")
    target = models.ForeignKey("assessments.LearningTarget", on_delete=models.PROTECT, related_name="+")
    activity = models.ForeignKey(
        Activity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The mini-lesson the group works through.",
    )
    meets_on = models.DateField()
    students = models.ManyToManyField("learning_platform.User", related_name="small_groups")
    note = models.TextField(blank=True)
    teacher = models.ForeignKey("learning_platform.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meets_on", "section", "target__code", "pk"]
        indexes = [models.Index(fields=["section", "meets_on"], name="small_group_section_day_idx")]

    def __str__(self) -> str:
        return f"{self.section}: {self.target} on {self.meets_on}"


class PathChange(models.Model):
    """The log of teachers' changes to paths: who changed what for which learner, and when. Never edited."""

    learner = models.ForeignKey("learning_platform.User", on_delete=models.CASCADE, related_name="path_changes")
    teacher = models.ForeignKey("learning_platform.User", on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=20)
    description = models.TextField()
    school_day = models.DateField(help_text="The first day the change applies to.")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["learner", "created_at"], name="path_change_learner_idx")]

    def __str__(self) -> str:
        return f"{self.teacher}: {self.description} ({self.learner})"


class PathApproval(models.Model):
    """A teacher approved a section's paths for a school day after reviewing them."""

    section = models.ForeignKey("learning_platform.Section", on_delete=models.CASCADE, related_name="path_approvals")
    school_day = models.DateField()
    approved_by = models.ForeignKey("learning_platform.User", on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField()
    paths = models.PositiveIntegerField(help_text="How many paths the teacher approved.")

    class Meta:
        ordering = ["-school_day", "section"]
        constraints = [models.UniqueConstraint(fields=["section", "school_day"], name="path_approval_once_a_day")]

    def __str__(self) -> str:
        return f"{self.section} on {self.school_day}, approved by {self.approved_by}"


class UnitPlan(models.Model):
    """A unit a section works through between two dates; the engine favours the current unit's targets."""

    section = models.ForeignKey("learning_platform.Section", on_delete=models.CASCADE, related_name="units")
    name = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField()
    targets = models.ManyToManyField("assessments.LearningTarget", related_name="+")

    class Meta:
        ordering = ["section", "starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="unit_plan_dates_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.section}: {self.name}"


class NightlyRun(models.Model):
    """The build of every learner's path at a school for a new school day, cut into batches."""

    school = models.ForeignKey("learning_platform.School", on_delete=models.CASCADE, related_name="+")
    school_day = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-school_day", "school"]
        constraints = [models.UniqueConstraint(fields=["school", "school_day"], name="nightly_run_one_per_day")]

    def __str__(self) -> str:
        return f"{self.school} on {self.school_day}"


class NightlyBatch(LearnerBatch):
    """Some learners of a nightly run, whose paths are written in the transaction that marks it done."""

    run = models.ForeignKey(NightlyRun, on_delete=models.CASCADE, related_name="batches")

    class Meta:
        ordering = ["run", "number"]
        constraints = [models.UniqueConstraint(fields=["run", "number"], name="nightly_batch_number_unique")]
