"""Reads of the school structure, always scoped to the user who asks."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from learning_platform.models import (
    AuditEntry,
    District,
    Enrollment,
    Membership,
    School,
    Section,
    User,
    active_enrollment_q,
)
from learning_platform.permissions import roles_of, visible

ACTIVE_ENROLLMENT = active_enrollment_q("enrollments__")


def sections_for_user(*, user, roster: bool = False) -> QuerySet[Section]:
    """Sections the user may see, with their school, term, teachers and active student count."""
    queryset = (
        visible(user, Section)
        .select_related("school", "term")
        .prefetch_related("teachers")
        .annotate(student_count=Count("enrollments", filter=ACTIVE_ENROLLMENT))
        # Aggregation drops Meta.ordering, so order explicitly for stable pages.
        .order_by("school__name", "grade", "name")
    )
    if roster:
        queryset = queryset.prefetch_related(
            Prefetch(
                "enrollments",
                queryset=Enrollment.objects.active().select_related("student"),
                to_attr="active_enrollments",
            )
        )
    return queryset


def role_labels(*, user) -> list[str]:
    """The user's roles in words, e.g. ["Teacher at Lincoln Middle School"]."""
    memberships = Membership.objects.filter(user=user).select_related("school", "district")
    return [f"{m.get_role_display()} at {m.school or m.district}" for m in memberships]


def user_summary(*, user) -> dict:
    roles = roles_of(user)
    return {
        "id": user.pk,
        "username": user.username,
        "name": str(user),
        "roles": role_labels(user=user),
        "is_teacher": bool(roles.teacher_at),
        "is_student": bool(roles.student_at),
        "is_admin": roles.is_admin,
    }


def schools_for_admin(*, user) -> QuerySet[School]:
    """Schools the user runs (as school or district admin), with their headline counts."""
    return (
        visible(user, School, "change")
        .select_related("district")
        .annotate(
            section_count=Count("sections", distinct=True),
            student_count=Count("memberships", filter=Q(memberships__role=Membership.Role.STUDENT), distinct=True),
            teacher_count=Count("memberships", filter=Q(memberships__role=Membership.Role.TEACHER), distinct=True),
        )
        .order_by("name")
    )


def home_for_user(*, user) -> dict:
    """What the home page shows: the sections a teacher teaches, a student's classes, an admin's schools."""
    roles = roles_of(user)
    context: dict = {"summary": user_summary(user=user)}
    if roles.teacher_at:
        context["taught_sections"] = list(sections_for_user(user=user).filter(teachers=user))
    if roles.student_at:
        context["enrolled_sections"] = list(
            sections_for_user(user=user).filter(active_enrollment_q("enrollments__"), enrollments__student=user)
        )
        context["learner_profile"] = _learner_profile(user)
    if roles.is_admin or user.is_superuser:
        context["schools"] = list(schools_for_admin(user=user))
        context["districts"] = list(visible(user, District, "change").order_by("name"))
    return context


def _learner_profile(user):
    """The user's learner profile with its school and goals, or None. Read through the user's reverse relation,
    which the learners app declares: this base app imports no later app (data flows one way)."""
    learner = (
        User.objects.filter(pk=user.pk, learner_profile__isnull=False)
        .select_related("learner_profile__school")
        .prefetch_related("learner_profile__goals__target")
        .first()
    )
    return learner.learner_profile if learner is not None else None


def admin_scopes(*, user) -> list:
    """The districts and schools the user runs, districts first (an export of their roster is filed under each)."""
    roles = roles_of(user)
    return [
        *District.objects.filter(pk__in=roles.district_admin_of).order_by("name"),
        *School.objects.filter(pk__in=roles.school_admin_of).order_by("name"),
    ]


def audit_entries_for_user(
    *,
    user,
    school: School | None = None,
    district: District | None = None,
    kind: str = "",
    person_id: int | None = None,
) -> QuerySet[AuditEntry]:
    """The audit entries of a school (or of a district: its schools' and its own), newest first, that the user
    may see, optionally of one kind and made by or about one person."""
    entries = visible(user, AuditEntry)
    if school is not None:
        entries = entries.filter(school=school)
    if district is not None:
        entries = entries.filter(Q(district=district) | Q(school__district=district))
    if kind:
        entries = entries.filter(kind=kind)
    if person_id is not None:
        entries = entries.filter(Q(actor_id=person_id) | Q(learner_id=person_id))
    return entries.select_related("actor", "learner", "content_type", "school").order_by("-timestamp", "-pk")


def audit_people(entries: QuerySet[AuditEntry]) -> QuerySet[User]:
    """Everyone who made or is the subject of one of `entries`, by name (the audit page's person filter)."""
    return User.objects.filter(
        Q(pk__in=entries.order_by().values("actor_id")) | Q(pk__in=entries.order_by().values("learner_id"))
    ).order_by("last_name", "first_name", "username")
