"""Admin pages for the school structure: people and their roles, districts, schools, terms, sections, enrollments."""

from axes import admin as axes_admin
from axes.models import AccessAttempt
from auditlog.mixins import LogEntryAdminMixin
from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count, Prefetch

from learning_platform.admin_scoping import ReadOnlyScopedAdmin, ScopedAdmin, ScopedTabularInline, holds_admin_role
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
from learning_platform.permissions import roles_of, visible


class MembershipInline(ScopedTabularInline):
    model = Membership
    fields = ("role", "school", "district")
    extra = 0


@admin.register(User)
class UserAdmin(ScopedAdmin, DjangoUserAdmin):
    list_display = ("username", "name", "email", "roles", "is_active")
    search_fields = ("username", "first_name", "last_name", "email")
    list_filter = ("memberships__role", "is_active")
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Personal info", {"fields": ("first_name", "last_name", "display_name", "email")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    # A school or district admin edits who a person is and whether they may sign in, never the
    # staff, superuser or Django-permission flags: those would hand out more than their own roles.
    scoped_fieldsets = (fieldsets[0], fieldsets[1], ("Access", {"fields": ("is_active",)}), fieldsets[3])

    def get_queryset(self, request):
        # Only the memberships the viewer may see are listed, so a person's roles at other schools stay private.
        memberships = visible(request.user, Membership).select_related("school", "district")
        return super().get_queryset(request).prefetch_related(Prefetch("memberships", queryset=memberships))

    def get_fieldsets(self, request, obj=None):
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.scoped_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ("last_login", "date_joined")

    def has_change_permission(self, request, obj=None) -> bool:
        # Whoever may set a superuser's password may become one.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description="Roles")
    def roles(self, user: User) -> str:
        return ", ".join(
            f"{membership.get_role_display()} at {membership.school or membership.district}"
            for membership in user.memberships.all()
        )


@admin.register(District)
class DistrictAdmin(ScopedAdmin):
    list_display = ("name", "slug", "time_zone")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    # Districts are opened and closed by platform staff; every admin role sits inside one.
    def has_add_permission(self, request) -> bool:
        return request.user.is_superuser and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser and super().has_delete_permission(request, obj)


@admin.register(School)
class SchoolAdmin(ScopedAdmin):
    list_display = ("name", "district", "lowest_grade", "highest_grade", "time_zone")
    list_select_related = ("district",)
    search_fields = ("name", "slug")
    list_filter = (("district", admin.RelatedOnlyFieldListFilter),)
    prepopulated_fields = {"slug": ("name",)}

    # A district admin opens and closes schools in their district; a school admin runs the school they have.
    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and self._opens_schools(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self._opens_schools(request.user)

    @staticmethod
    def _opens_schools(user) -> bool:
        return user.is_superuser or bool(roles_of(user).district_admin_of)


@admin.register(AcademicTerm)
class AcademicTermAdmin(ScopedAdmin):
    list_display = ("name", "school", "starts_on", "ends_on")
    list_select_related = ("school",)
    search_fields = ("name", "school__name")
    list_filter = (("school", admin.RelatedOnlyFieldListFilter),)
    date_hierarchy = "starts_on"


class TermListFilter(admin.RelatedOnlyFieldListFilter):
    """The terms of the listed sections, each named with its school, in one query."""

    def field_choices(self, field, request, model_admin):
        listed = model_admin.get_queryset(request).values("term_id")
        return [(term.pk, str(term)) for term in AcademicTerm.objects.filter(pk__in=listed).select_related("school")]


class SectionForm(forms.ModelForm):
    """A section whose term and teachers belong to its school.

    The checks `section_create` and `section_teacher_add` make, here as form errors rather than a refused save.
    """

    class Meta:
        model = Section
        fields = ("school", "term", "name", "subject", "grade", "teachers")

    def clean(self):
        cleaned_data = super().clean()
        school, term, teachers = cleaned_data.get("school"), cleaned_data.get("term"), cleaned_data.get("teachers")
        if school and term and term.school_id != school.pk:
            self.add_error("term", f"{term.name} is a term of {term.school}, not of {school}.")
        if school and teachers:
            school_teachers = Membership.objects.filter(role=Membership.Role.TEACHER, school=school).values("user_id")
            outsiders = teachers.exclude(pk__in=school_teachers)
            if outsiders:
                names = ", ".join(str(teacher) for teacher in outsiders)
                self.add_error("teachers", f"Not teachers at {school}: {names}.")
        return cleaned_data


class EnrollmentInline(ScopedTabularInline):
    """A section's enrollments; shown only once the section is saved (see SectionAdmin.get_inlines)."""

    model = Enrollment
    fields = ("student", "enrolled_on", "withdrawn_on")
    autocomplete_fields = ("student",)
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        """The formset, with its student choices narrowed to students of the section `obj`'s school."""
        formset = super().get_formset(request, obj, **kwargs)
        student = formset.form.base_fields["student"]
        student.queryset = student.queryset.filter(
            memberships__role=Membership.Role.STUDENT, memberships__school=obj.school_id
        )
        return formset


@admin.register(Section)
class SectionAdmin(ScopedAdmin):
    form = SectionForm
    list_display = ("name", "school", "term_name", "grade", "subject", "teacher_names", "active_student_count")
    list_select_related = ("school", "term")
    search_fields = ("name", "teachers__username", "teachers__first_name", "teachers__last_name")
    list_filter = (("school", admin.RelatedOnlyFieldListFilter), ("term", TermListFilter), "grade", "subject")
    filter_horizontal = ("teachers",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("teachers")
            # Distinct, because searching by teacher joins the teachers and repeats each enrollment per teacher.
            .annotate(
                active_student_count=Count("enrollments", filter=active_enrollment_q("enrollments__"), distinct=True)
            )
        )

    def get_inlines(self, request, obj):
        # Students are enrolled once the section exists, so the choices can be its own school's students.
        return [EnrollmentInline] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "term":
            kwargs["queryset"] = visible(request.user, AcademicTerm.objects.select_related("school"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "teachers":
            teachers = visible(request.user, User).filter(memberships__role=Membership.Role.TEACHER)
            kwargs["queryset"] = teachers.distinct()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description="Term", ordering="term__starts_on")
    def term_name(self, section: Section) -> str:
        return section.term.name

    @admin.display(description="Teachers")
    def teacher_names(self, section: Section) -> str:
        return ", ".join(str(teacher) for teacher in section.teachers.all())

    @admin.display(description="Active students", ordering="active_student_count")
    def active_student_count(self, section: Section) -> int:
        return section.active_student_count


class EnrollmentStatusFilter(admin.SimpleListFilter):
    """Active enrollments, or withdrawn ones (kept for history)."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("active", "Active"), ("withdrawn", "Withdrawn")]

    def queryset(self, request, queryset):
        if self.value() == "active":
            return queryset.active()
        if self.value() == "withdrawn":
            return queryset.exclude(active_enrollment_q())
        return queryset


@admin.register(Enrollment)
class EnrollmentAdmin(ScopedAdmin):
    list_display = ("student", "section", "school", "enrolled_on", "withdrawn_on", "is_active")
    list_select_related = ("student", "section__school")
    search_fields = ("student__username", "student__first_name", "student__last_name", "section__name")
    list_filter = (
        ("section__school", admin.RelatedOnlyFieldListFilter),
        "section__grade",
        EnrollmentStatusFilter,
    )
    fields = ("section", "student", "enrolled_on", "withdrawn_on")
    readonly_fields = ("section", "student")

    def has_add_permission(self, request) -> bool:
        # Students are enrolled from their section's page, where the choices are that school's students.
        return False

    @admin.display(description="School", ordering="section__school__name")
    def school(self, enrollment: Enrollment) -> School:
        return enrollment.section.school

    @admin.display(description="Active", boolean=True)
    def is_active(self, enrollment: Enrollment) -> bool:
        return enrollment.is_active


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    list_display = ("user", "role", "school", "district")
    list_select_related = ("user", "school", "district")
    search_fields = ("user__username", "user__first_name", "user__last_name", "user__email")
    list_filter = (
        "role",
        ("school", admin.RelatedOnlyFieldListFilter),
        ("district", admin.RelatedOnlyFieldListFilter),
    )
    autocomplete_fields = ("user",)


# Sign-in lockouts (django-axes). Deleting an access attempt unlocks its username and address; the admin's
# "Unlock" action does that for the selected rows. A school or district admin sees and unlocks the people they
# may change; attempts on unknown usernames (an address guessing names) are for superusers only.
admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
    actions = ["unlock", "cleanup_expired_attempts"]

    def _people_usernames(self, request):
        return visible(request.user, User, "change").values("username")

    def get_queryset(self, request):
        attempts = super().get_queryset(request)
        if request.user.is_superuser:
            return attempts
        return attempts.filter(username__in=self._people_usernames(request))

    def _in_scope(self, request, obj) -> bool:
        if request.user.is_superuser:
            return True
        return holds_admin_role(request.user) and (
            obj is None or self._people_usernames(request).filter(username=obj.username).exists()
        )

    def has_module_permission(self, request) -> bool:
        return request.user.is_superuser or holds_admin_role(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description="Unlock: forget the selected failed sign-ins", permissions=["delete"])
    def unlock(self, request, queryset):
        count, _ = queryset.delete()
        self.message_user(request, f"Unlocked: {count} failed sign-in record(s) forgotten.")


# django-auditlog registers an admin of its own for the log entries; this one is read-only and scoped by the
# rules (a school admin sees their school's entries, a district admin their district's).
if admin.site.is_registered(AuditEntry):
    admin.site.unregister(AuditEntry)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyScopedAdmin, LogEntryAdminMixin):
    date_hierarchy = "timestamp"
    list_display = ("created", "kind", "resource_url", "learner", "msg_short", "user_url")
    list_filter = ("kind", "action")
    list_select_related = ("content_type", "actor", "learner")
    search_fields = ("object_repr", "actor__username", "actor__first_name", "actor__last_name")
    readonly_fields = ("created", "kind", "resource_url", "action", "user_url", "learner", "msg", "additional_data")
    fieldsets = [
        (None, {"fields": ["created", "user_url", "kind", "resource_url", "learner"]}),
        ("Changes", {"fields": ["action", "msg", "additional_data"]}),
    ]

    def get_queryset(self, request):
        self.request = request  # LogEntryAdminMixin reads it
        return super().get_queryset(request)
