"""Admin reports: pages and their CSV exports."""

import csv
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRefresh

from analytics import dashboards, selectors, services, teaching
from analytics.selectors import roster_overview_for_user
from analytics.tables import csv_or_none

from learners.models import MasteryLevel
from learning_platform.models import GRADE_CHOICES, AuditEntry, Section, User
from learning_platform import audit
from learning_platform.pages import validation_message
from learning_platform.selectors import admin_scopes, audit_entries_for_user, audit_people
from learning_platform.permissions import get_for_user, require_staff, roles_of
from learning_platform.validation import clean_text

ROSTER_HEADINGS = {
    "school": "School",
    "grade": "Grade",
    "students": "Students",
    "iep": "IEP",
    "section_504": "504 plan",
    "english_learners": "English learners",
    "extended_time": "Extended time",
    "median_minutes": "Median daily minutes",
}


@login_required
@require_GET
def roster_overview(request):
    """Students per school and grade, with subgroup counts; `?format=csv` downloads the same table."""
    if not (roles_of(request.user).is_admin or request.user.is_superuser):
        raise Http404("Not found")
    overview = roster_overview_for_user(user=request.user)
    rows = overview[list(ROSTER_HEADINGS)].to_dict("records")
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="roster-overview.csv"'
        writer = csv.writer(response)
        writer.writerow(ROSTER_HEADINGS.values())
        writer.writerows([row[column] for column in ROSTER_HEADINGS] for row in rows)
        for scope in admin_scopes(user=request.user):
            audit.export_record(scope=scope, table="roster-overview", filename="roster-overview")
        return response
    return render(request, "analytics/roster_overview.html", {"headings": ROSTER_HEADINGS, "rows": rows})


# ---------------------------------------------------------------------------------------------------------
# The teacher's day


@login_required
@require_GET
def teacher_home(request):
    """The teacher's home: sections, students who need them today, rubric work waiting, assignments due."""
    require_staff(request.user)
    return render(request, "analytics/teacher_home.html", {"today": teaching.teacher_today(user=request.user)})


CONTESTED = ' <span title="New evidence disagrees with the teacher&#x27;s judgment">!</span>'


@login_required
@require_GET
def section_grid(request, section_id: int):
    """Students x targets of the current unit (or a chosen grade and domain), each cell a level in words."""
    section = get_for_user(request.user, Section.objects.select_related("school"), section_id, "change")
    try:
        scope = clean_text("scope", request.GET.get("scope") or "unit", max_length=40)
        sort = clean_text("sort", request.GET.get("sort") or "student", max_length=40)
    except ValidationError as error:
        messages.error(request, validation_message(error))
        scope, sort = "unit", "student"
    grade, _, domain = scope.partition(":")
    if grade == "unit":
        grade = ""
    grid = teaching.mastery_grid(user=request.user, section=section, grade=grade, domain=domain, sort=sort)
    # The cells are rendered here rather than in the template: a 35 x 40 grid has 1,400 of them, and a template
    # loop (or format_html) per cell cost more than everything else in the request. Only the student's name
    # needs escaping; levels, labels and ids are the platform's own.
    learner_url = reverse("teach-learner", args=[0]).replace("/0/", "/{}/")
    evidence_url = reverse("teach-evidence", args=[0, 0]).replace("/0/targets/0/", "/{}/targets/{}/")
    for row in grid.rows:
        student = row["student"]
        name = escape(str(student))
        row["url"] = learner_url.format(student.pk)
        row["cells_html"] = mark_safe(
            "".join(
                f'<td class="cell level-{cell["level"]}"><a href="{evidence_url.format(student.pk, cell["target"].pk)}" '
                f'aria-label="{name}, {escape(cell["target"].code)}: {cell["label"]}">{cell["label"]}'
                f"{CONTESTED if cell['contested'] else ''}</a></td>"
                for cell in row["cells"]
            )
        )
    return render(
        request,
        "analytics/section_grid.html",
        {
            "grid": grid,
            "section": section,
            "scope": grid.scope,
            "levels": MasteryLevel.choices,
        },
    )


# ---------------------------------------------------------------------------------------------------------
# The admins' dashboards: district > school > section > student, and the standards report. Every table has
# its CSV at `?format=csv&table=<name>`; everything answers 404 outside the admin's school or district.


def _dashboard_page(
    request, board: dashboards.Dashboard, filename: str, *, scope, template: str = "analytics/dashboard.html", **extra
):
    """The page, or the CSV of one of its tables (recorded in the audit log: who, which table, from where)."""
    exported = csv_or_none(request, board.tables, filename)
    if exported is not None:
        audit.export_record(
            scope=scope,
            table=request.GET["table"],
            filename=filename,
            learner_id=getattr(scope, "user_id", None),
        )
        return exported
    return render(request, template, {"board": board, **extra})


@login_required
@require_GET
def dashboards_home(request):
    """An admin's way in: their district's dashboard, else their school's (with several, the first by name)."""
    roles = roles_of(request.user)
    if roles.district_admin_of:
        return redirect("analytics-district", sorted(roles.district_admin_of)[0])
    if roles.school_admin_of:
        school = selectors.School.objects.filter(pk__in=roles.school_admin_of).order_by("name").first()
        return redirect("analytics-school", school.pk)
    raise Http404("Not found")


@login_required
@require_GET
def district_dashboard(request, district_id: int):
    district = selectors.district_for_admin(user=request.user, district_id=district_id)
    return _dashboard_page(
        request, dashboards.district_dashboard(district), f"district-{district.slug}", scope=district
    )


@login_required
@require_GET
def school_dashboard(request, school_id: int):
    school = selectors.school_for_admin(user=request.user, school_id=school_id)
    return _dashboard_page(
        request, dashboards.school_dashboard(school, user=request.user), f"school-{school.slug}", scope=school
    )


@login_required
@require_GET
def section_dashboard(request, section_id: int):
    section = selectors.section_for_admin(user=request.user, section_id=section_id)
    return _dashboard_page(
        request, dashboards.section_dashboard(section, user=request.user), f"section-{section.pk}", scope=section
    )


@login_required
@require_GET
def student_dashboard(request, learner_id: int):
    profile = selectors.learner_for_admin(user=request.user, learner_id=learner_id)
    return _dashboard_page(
        request, dashboards.student_dashboard(profile, user=request.user), f"student-{profile.user_id}", scope=profile
    )


def _grade_filter(request) -> str:
    grade = request.GET.get("grade", "")
    if grade and grade not in dict(GRADE_CHOICES):
        raise Http404("No such grade.")
    return grade


@login_required
@require_GET
def district_standards(request, district_id: int):
    district = selectors.district_for_admin(user=request.user, district_id=district_id)
    grade = _grade_filter(request)
    board = dashboards.standards_report(
        title=f"{district.name}: standards report",
        school_ids=list(district.schools.values_list("pk", flat=True)),
        crumbs=[(district.name, reverse("analytics-district", args=[district.pk])), ("Standards", "")],
        grade=grade,
    )
    return _dashboard_page(
        request,
        board,
        f"standards-{district.slug}",
        scope=district,
        grades=GRADE_CHOICES,
        grade=grade,
        query=urlencode({"grade": grade}) if grade else "",
    )


@login_required
@require_GET
def school_standards(request, school_id: int):
    school = selectors.school_for_admin(user=request.user, school_id=school_id)
    grade = _grade_filter(request)
    board = dashboards.standards_report(
        title=f"{school.name}: standards report",
        school_ids=[school.pk],
        grade=grade,
        crumbs=[*dashboards.school_crumbs(request.user, school), ("Standards", "")],
    )
    return _dashboard_page(
        request,
        board,
        f"standards-{school.slug}",
        scope=school,
        grades=GRADE_CHOICES,
        grade=grade,
        query=urlencode({"grade": grade}) if grade else "",
    )


def _status_response(request, school_ids) -> HttpResponse:
    """The snapshot's status as JSON; to the dashboard's htmx polling, the progress line to swap in while the
    snapshot is being taken, and once it is done an HX-Refresh that reloads the page with the new figures."""
    status = selectors.snapshot_status(school_ids)
    if not request.htmx:
        return JsonResponse(status, encoder=DjangoJSONEncoder)
    if not status["running"]:
        return HttpResponseClientRefresh()
    return render(request, "analytics/_snapshot_progress.html", {"status": status})


@login_required
@require_GET
@vary_on_headers("HX-Request")
def district_status(request, district_id: int):
    """How far the district's snapshot has got (the dashboard polls this while one is being taken)."""
    district = selectors.district_for_admin(user=request.user, district_id=district_id)
    return _status_response(request, list(district.schools.values_list("pk", flat=True)))


@login_required
@require_GET
@vary_on_headers("HX-Request")
def school_status(request, school_id: int):
    school = selectors.school_for_admin(user=request.user, school_id=school_id)
    return _status_response(request, [school.pk])


@login_required
@require_POST
def district_refresh(request, district_id: int):
    """Take today's snapshot of every school of the district again, on the workers."""
    district = selectors.district_for_admin(user=request.user, district_id=district_id)
    services.snapshots_refresh(schools=list(district.schools.all()), requested_by=request.user)
    messages.success(request, "Refreshing the snapshot of every school. The page shows its progress.")
    return redirect("analytics-district", district.pk)


@login_required
@require_POST
def school_refresh(request, school_id: int):
    school = selectors.school_for_admin(user=request.user, school_id=school_id)
    services.snapshots_refresh(schools=[school], requested_by=request.user)
    messages.success(request, "Refreshing the school's snapshot. The page shows its progress.")
    return redirect("analytics-school", school.pk)


# ---------------------------------------------------------------------------------------------------------
# The audit log of a school or district: who changed what that matters, and who exported what.

AUDIT_PAGE_SIZE = 50


class AuditFilterForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", required=False, choices=[("", "All kinds"), *AuditEntry.Kind.choices])
    person = forms.ModelChoiceField(
        label="Person (who made the change, or whom it is about)",
        required=False,
        queryset=User.objects.none(),
        empty_label="Everyone",
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


def _audit_page(request, *, title: str, crumbs, school=None, district=None):
    everything = audit_entries_for_user(user=request.user, school=school, district=district)
    form = AuditFilterForm(request.GET or None, people=audit_people(everything))
    if form.is_bound and not form.is_valid():
        entries = everything.none()
    else:
        chosen = form.cleaned_data if form.is_bound else {}
        person = chosen.get("person")
        entries = audit_entries_for_user(
            user=request.user,
            school=school,
            district=district,
            kind=chosen.get("kind", ""),
            person_id=person.pk if person else None,
        )
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"entry": entry, "changes": audit.change_lines(entry)} for entry in page.object_list]
    query = urlencode({key: value for key, value in request.GET.items() if key in ("kind", "person") and value})
    return render(
        request,
        "analytics/audit_log.html",
        {
            "title": title,
            "crumbs": crumbs,
            "form": form,
            "page": page,
            "rows": rows,
            "query": query,
        },
    )


@login_required
@require_GET
def school_audit(request, school_id: int):
    school = selectors.school_for_admin(user=request.user, school_id=school_id)
    crumbs = [*dashboards.school_crumbs(request.user, school), ("Audit log", "")]
    return _audit_page(request, title=f"{school.name}: audit log", crumbs=crumbs, school=school)


@login_required
@require_GET
def district_audit(request, district_id: int):
    district = selectors.district_for_admin(user=request.user, district_id=district_id)
    crumbs = [(district.name, reverse("analytics-district", args=[district.pk])), ("Audit log", "")]
    return _audit_page(request, title=f"{district.name}: audit log", crumbs=crumbs, district=district)
