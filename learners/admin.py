"""Admin pages for learner profiles, goals and mastery (the evidence log and states are read-only)."""

from django.contrib import admin

from learners import services
from learners.models import Evidence, LearnerGoal, LearnerProfile, MasteryJudgment, MasterySettings, MasteryState
from learning_platform.admin_scoping import ReadOnlyScopedAdmin, ScopedAdmin, ScopedTabularInline


class LearnerGoalInline(ScopedTabularInline):
    model = LearnerGoal
    fields = ("target", "reach_by", "why", "status")
    autocomplete_fields = ("target",)
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("target")


@admin.register(LearnerProfile)
class LearnerProfileAdmin(ScopedAdmin):
    list_display = (
        "student",
        "school",
        "grade",
        "has_iep",
        "has_504",
        "english_learner",
        "extended_time_factor",
        "daily_minutes_budget",
    )
    search_fields = ("user__username", "user__first_name", "user__last_name")
    list_filter = (
        ("school", admin.RelatedOnlyFieldListFilter),
        "grade",
        "has_iep",
        "has_504",
        "english_learner",
        "read_aloud",
        "home_language",
    )
    fields = ("user", "school", *services.PROFILE_FIELDS)
    # Who the learner is and where they learn are not profile fields: the update service refuses them.
    readonly_fields = ("user", "school")
    inlines = [LearnerGoalInline]

    def get_queryset(self, request):
        # Here rather than list_select_related, which the changelist skips once a queryset selects any
        # relation: autocomplete (a goal's learner) also names each profile by its user.
        return super().get_queryset(request).select_related("user", "school")

    def has_add_permission(self, request) -> bool:
        # A profile is created with its student and their role, by learners.services.learner_create.
        return False

    def save_model(self, request, obj, form, change):
        """Save through the profile service, which writes the changed fields after its own checks."""
        services.learner_profile_update(
            profile=obj, changes={name: form.cleaned_data[name] for name in form.changed_data}, by=request.user
        )

    @admin.display(description="Student", ordering="user__last_name")
    def student(self, profile: LearnerProfile) -> str:
        return profile.user.name


@admin.register(LearnerGoal)
class LearnerGoalAdmin(ScopedAdmin):
    list_display = ("student", "target_code", "reach_by", "status")
    list_select_related = ("learner__user", "target")
    search_fields = ("target__code", "learner__user__username", "learner__user__first_name", "learner__user__last_name")
    list_filter = ("status",)
    autocomplete_fields = ("learner", "target")

    @admin.display(description="Student", ordering="learner__user__last_name")
    def student(self, goal: LearnerGoal) -> str:
        return goal.learner.user.name

    @admin.display(description="Target", ordering="target__code")
    def target_code(self, goal: LearnerGoal) -> str:
        return goal.target.code


@admin.register(MasteryState)
class MasteryStateAdmin(ReadOnlyScopedAdmin):
    """Derived from the evidence log; teachers change it through judgments."""

    list_display = (
        "learner",
        "target",
        "level",
        "model_level",
        "p_mastery",
        "evidence_count",
        "last_evidence_at",
        "judgment_contested",
    )
    list_filter = ("level", "judgment_contested", "target__grade")
    search_fields = ("learner__username", "learner__last_name", "target__code")
    list_select_related = ("learner", "target")


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyScopedAdmin):
    """The append-only evidence log."""

    list_display = ("learner", "target", "kind", "correct", "scoring_revision", "observed_at")
    list_filter = ("kind", "correct")
    search_fields = ("learner__username", "learner__last_name", "target__code")
    list_select_related = ("learner", "target")


@admin.register(MasteryJudgment)
class MasteryJudgmentAdmin(ReadOnlyScopedAdmin):
    list_display = ("learner", "target", "from_level", "to_level", "teacher", "created_at")
    list_filter = ("to_level",)
    search_fields = ("learner__username", "learner__last_name", "target__code", "reason")
    list_select_related = ("learner", "target", "teacher")


@admin.register(MasterySettings)
class MasterySettingsAdmin(ScopedAdmin):
    list_display = ("school", "familiar_at", "proficient_at", "mastered_at", "half_life_days")
    list_select_related = ("school",)
