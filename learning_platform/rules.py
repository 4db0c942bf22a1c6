"""Permission rules for the school structure (see learning_platform.permissions)."""

from django.db.models import Q

from learning_platform.models import (
    AcademicTerm,
    AuditEntry,
    District,
    Enrollment,
    Membership,
    School,
    Section,
    User,
    active_enrollment_q,
)
from learning_platform.permissions import NOTHING, admin_of_school_q, register, roles_of


def _district_view(user) -> Q:
    return Q(pk__in=roles_of(user).district_admin_of) | Q(schools__pk__in=roles_of(user).member_of_schools)


def _district_change(user) -> Q:
    return Q(pk__in=roles_of(user).district_admin_of)


def _school_view(user) -> Q:
    roles = roles_of(user)
    return Q(pk__in=roles.member_of_schools) | Q(district_id__in=roles.district_admin_of)


def _school_change(user) -> Q:
    roles = roles_of(user)
    return Q(pk__in=roles.school_admin_of) | Q(district_id__in=roles.district_admin_of)


def _term_view(user) -> Q:
    return Q(school_id__in=roles_of(user).member_of_schools) | admin_of_school_q(user, "school")


def section_view_q(user, prefix: str = "") -> Q:
    """Sections a user may see: ones they teach or attend, and every section of schools they run."""
    return (
        Q(**{f"{prefix}teachers": user})
        | (Q(**{f"{prefix}enrollments__student": user}) & active_enrollment_q(f"{prefix}enrollments__"))
        | admin_of_school_q(user, f"{prefix}school")
    )


def section_change_q(user, prefix: str = "") -> Q:
    return Q(**{f"{prefix}teachers": user}) | admin_of_school_q(user, f"{prefix}school")


def _enrollment_view(user) -> Q:
    return Q(student=user) | Q(section__teachers=user) | admin_of_school_q(user, "section__school")


def _membership_view(user) -> Q:
    return Q(user=user) | _membership_change(user)


def _membership_change(user) -> Q:
    districts = roles_of(user).district_admin_of
    return admin_of_school_q(user, "school") | (Q(district_id__in=districts) if districts else NOTHING)


def _user_view(user) -> Q:
    return (
        Q(pk=user.pk)
        | (Q(enrollments__section__teachers=user) & active_enrollment_q("enrollments__"))
        | _user_change(user)
    )


def _user_change(user) -> Q:
    districts = roles_of(user).district_admin_of
    return (
        Q(pk=user.pk)
        | admin_of_school_q(user, "memberships__school")
        | (Q(memberships__district_id__in=districts) if districts else NOTHING)
    )


def _audit_view(user) -> Q:
    """A school's audit entries are for its admins and its district's; a district-wide export for the district's."""
    districts = roles_of(user).district_admin_of
    return admin_of_school_q(user, "school") | (Q(district_id__in=districts) if districts else NOTHING)


register(District, view=_district_view, change=_district_change)
register(School, view=_school_view, change=_school_change)
register(AcademicTerm, view=_term_view, change=lambda user: admin_of_school_q(user, "school"))
register(Section, view=section_view_q, change=section_change_q)
register(Enrollment, view=_enrollment_view, change=lambda user: admin_of_school_q(user, "section__school"))
register(Membership, view=_membership_view, change=_membership_change)
register(User, view=_user_view, change=_user_change)
# The audit log is written only by django-auditlog and `learning_platform.audit`, and never edited.
register(AuditEntry, view=_audit_view, change=lambda user: NOTHING)
