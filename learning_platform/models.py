"""The school structure: people, districts, schools, terms, sections, enrollments and roles."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

GRADE_CHOICES = [("K", "Kindergarten")] + [(str(g), f"Grade {g}") for g in range(1, 13)] + [("HS", "High school")]


def validate_time_zone(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError("%(value)r is not a time zone name such as America/Chicago.", params={"value": value})


# People are listed by last name, then first name (the username breaks ties).
NAME_ORDER = ("last_name", "first_name", "username")


def active_enrollment_q(prefix: str = "") -> Q:
    """Enrollments not withdrawn from, reached through `prefix` ("enrollments__" from a user or a section)."""
    return Q(**{f"{prefix}withdrawn_on__isnull": True})


class User(AbstractUser):
    """A person who signs in: a student, a teacher or an admin (see Membership for roles)."""

    display_name = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = list(NAME_ORDER)

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def name(self) -> str:
        return str(self)


class District(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    time_zone = models.CharField(max_length=64, validators=[validate_time_zone], default="America/New_York")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="schools")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    # A learner's "day" is the school's local date, so each school keeps its own zone.
    time_zone = models.CharField(max_length=64, validators=[validate_time_zone], default="America/New_York")
    lowest_grade = models.CharField(max_length=2, choices=GRADE_CHOICES, default="6")
    highest_grade = models.CharField(max_length=2, choices=GRADE_CHOICES, default="8")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["district", "name"], name="school_name_unique_in_district")]

    def __str__(self) -> str:
        return self.name


class AcademicTerm(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(max_length=100)
    starts_on = models.DateField()
    ends_on = models.DateField()

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="term_name_unique_in_school"),
            models.CheckConstraint(condition=Q(ends_on__gt=models.F("starts_on")), name="term_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.school})"


class Section(models.Model):
    """A class: one subject and grade in one term, taught by one or more teachers."""

    class Subject(models.TextChoices):
        MATH = "math", "Mathematics"
        ELA = "ela", "English language arts"
        SCIENCE = "science", "Science"
        SOCIAL_STUDIES = "social_studies", "Social studies"

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="sections")
    term = models.ForeignKey(AcademicTerm, on_delete=models.PROTECT, related_name="sections")
    name = models.CharField(max_length=200)
    subject = models.CharField(max_length=32, choices=Subject.choices, default=Subject.MATH)
    grade = models.CharField(max_length=2, choices=GRADE_CHOICES)
    teachers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="taught_sections", blank=True)

    class Meta:
        ordering = ["school__name", "grade", "name"]
        constraints = [models.UniqueConstraint(fields=["term", "name"], name="section_name_unique_in_term")]

    def __str__(self) -> str:
        return self.name

    def active_students(self) -> models.QuerySet:
        """The students actively enrolled in the section, by last name, first name."""
        students = User.objects.filter(active_enrollment_q("enrollments__"), enrollments__section=self)
        return students.order_by(*NAME_ORDER)


class EnrollmentQuerySet(models.QuerySet):
    def active(self) -> "EnrollmentQuerySet":
        """Enrollments not withdrawn from."""
        return self.filter(active_enrollment_q())

    def by_student_name(self, *then: str) -> "EnrollmentQuerySet":
        """With their students, sorted by the student's last name, first name (then by `then`)."""
        return self.select_related("student").order_by(*(f"student__{field}" for field in NAME_ORDER), *then)


class Enrollment(models.Model):
    """A student in a section; withdrawing keeps the row (history) and sets `withdrawn_on`."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="enrollments")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments")
    enrolled_on = models.DateField()
    withdrawn_on = models.DateField(null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        ordering = ["section", "student"]
        constraints = [
            models.UniqueConstraint(fields=["section", "student"], name="enrollment_unique_student_in_section"),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("enrolled_on")),
                name="enrollment_withdrawn_after_enrolled",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} in {self.section}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None


class Membership(models.Model):
    """A role a person holds: district admin of a district, or school admin/teacher/student of a school.

    One person may hold several memberships (a teacher who is also a school admin).
    """

    class Role(models.TextChoices):
        DISTRICT_ADMIN = "district_admin", "District admin"
        SCHOOL_ADMIN = "school_admin", "School admin"
        TEACHER = "teacher", "Teacher"
        STUDENT = "student", "Student"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    district = models.ForeignKey(District, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships")
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships")

    class Meta:
        ordering = ["user", "role"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(role="district_admin", district__isnull=False, school__isnull=True))
                | (~Q(role="district_admin") & Q(school__isnull=False, district__isnull=True)),
                name="membership_scope_matches_role",
            ),
            models.UniqueConstraint(fields=["user", "role", "school"], name="membership_unique_school_role"),
            models.UniqueConstraint(fields=["user", "role", "district"], name="membership_unique_district_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} of {self.school or self.district}"


class LearnerBatch(models.Model):
    """Some learners of a run of background work cut into batches (the nightly paths, the dashboards'
    snapshots): `done_at` is set in the transaction that writes their results, so a run that resumes after a
    crash redoes only the batches without it. Each subclass adds `run`, its ForeignKey with related_name
    "batches"; `learning_platform.batches` makes and sends them."""

    number = models.PositiveIntegerField()
    learner_ids = models.JSONField()
    sent_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.run} #{self.number}"


class AuditEntryManager(LogEntryManager):
    """django-auditlog's manager, filing each entry under its kind, school and learner (see
    `learning_platform.audit`), so the audit page reads one indexed table scoped like everything else."""

    def log_create(self, instance, force_log: bool = False, **kwargs):
        from learning_platform import audit

        if "kind" in kwargs:  # an explicit entry (an export) says where it belongs itself
            return super().log_create(instance, force_log=force_log, **kwargs)
        entries = [
            super(AuditEntryManager, self).log_create(instance, force_log=force_log, **{**kwargs, **filing})
            for filing in audit.filings(instance, action=kwargs.get("action"), changes=kwargs.get("changes"))
        ]
        return entries[0] if entries else None

    def log_m2m_changes(self, changed_queryset, instance, operation, field_name, **kwargs):
        from learning_platform import audit

        for filing in audit.filings(instance, action=AuditEntry.Action.UPDATE, changes=None)[:1]:
            kwargs = {**kwargs, **filing}
        return super().log_m2m_changes(changed_queryset, instance, operation, field_name, **kwargs)


class AuditEntry(AbstractLogEntry):
    """Who changed what that matters, when, and from what to what: django-auditlog's log entry (the model
    `AUDITLOG_LOGENTRY_MODEL` names), plus the kind of change, the school (or, for a district-wide export, the
    district) it belongs to, and the learner it is about. Never edited."""

    class Kind(models.TextChoices):
        PATH = "path", "Path change"
        JUDGMENT = "judgment", "Mastery judgment"
        ACCOMMODATION = "accommodation", "Accommodations"
        GRADE = "grade", "Grade"
        KEY = "key", "Answer key correction"
        EXPORT = "export", "Export"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(District, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The learner the change is about, if it is about one.",
    )

    objects = AuditEntryManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = "audit entry"
        verbose_name_plural = "audit log"
        indexes = [
            models.Index(fields=["school", "-timestamp"], name="audit_school_time_idx"),
            models.Index(fields=["district", "-timestamp"], name="audit_district_time_idx"),
        ]
