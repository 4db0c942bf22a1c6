"""Admin reports: pages and their CSV exports."""
import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from analytics import teaching
from analytics.selectors import roster_overview_for_user
from learners.models import MasteryLevel
from learning_platform.models import Section
from learning_platform.permissions import get_for_user, require_staff, roles_of

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


CONTESTED = " <span title=\"New evidence disagrees with the teacher&#x27;s judgment\">!</span>"


@login_required
@require_GET
def section_grid(request, section_id: int):
    """Students x targets of the current unit (or a chosen grade and domain), each cell a level in words."""
    section = get_for_user(request.user, Section.objects.select_related("school"), section_id, "change")
    grade, _, domain = request.GET.get("scope", "unit").partition(":")
    if grade == "unit":
        grade = ""
    grid = teaching.mastery_grid(
        user=request.user, section=section, grade=grade, domain=domain, sort=request.GET.get("sort", "student")
    )
    # The cells are rendered here rather than in the template: a 35 x 40 grid has 1,400 of them, and a template
    # loop (or format_html) per cell cost more than everything else in the request. Only the student's name
    # needs escaping; levels, labels and ids are the platform's own.
    learner_url = reverse("teach-learner", args=[0]).replace("/0/", "/{}/")
    evidence_url = reverse("teach-evidence", args=[0, 0]).replace("/0/targets/0/", "/{}/targets/{}/")
    for row in grid.rows:
        student = row["student"]
        name = escape(str(student))
        row["url"] = learner_url.format(student.pk)
        row["cells_html"] = mark_safe("".join(
            f'<td class="cell level-{cell["level"]}"><a href="{evidence_url.format(student.pk, cell["target"].pk)}" '
            f'aria-label="{name}, {escape(cell["target"].code)}: {cell["label"]}">{cell["label"]}'
            f'{CONTESTED if cell["contested"] else ""}</a></td>'
            for cell in row["cells"]
        ))  # fmt: skip
    return render(request, "analytics/section_grid.html", {
        "grid": grid, "section": section, "scope": grid.scope, "levels": MasteryLevel.choices,
    })  # fmt: skip
