"""`manage.py seed_demo`: build the demo district (see demo.seed); safe to run again."""

import logging

from django.core.management.base import BaseCommand

from demo.seed import DEMO_LOGINS, DEMO_PASSWORD, DEMO_URL, HISTORY_WEEKS, DemoReport, demo_seed
from learners.models import MasteryLevel


class Command(BaseCommand):
    help = (
        "Build the demo district: the Common Core math standards, two middle schools with 12 math sections, "
        "300 students, the four demo logins, an activity catalog for grades 6-8, the MathCAMPS item bank, and "
        "weeks of past exit tickets and quizzes the students took. Running it again creates nothing and resets "
        "the demo logins' password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Do not show progress bars.")
        parser.add_argument(
            "--history-weeks",
            type=int,
            default=HISTORY_WEEKS,
            metavar="N",
            help=f"School weeks of past assessments to write, ending yesterday (default {HISTORY_WEEKS}).",
        )

    def handle(self, *args, quiet: bool, history_weeks: int, **options) -> None:
        # Every attempt of the history enqueues a mastery update; without a broker the tasks run in-process once
        # the seed commits, and Celery logs a line for each: thousands of lines that would bury the summary.
        # Failures are still logged (as errors).
        task_log = logging.getLogger("celery.app.trace")
        level = task_log.level
        task_log.setLevel(logging.WARNING)
        try:
            report = demo_seed(progress=not quiet, history_weeks=history_weeks)
        finally:
            task_log.setLevel(level)
        self.stdout.write(_summary(report))


def _summary(report: DemoReport) -> str:
    width = max(len(username) for username, _ in DEMO_LOGINS)
    logins = "\n".join(f"  {username:<{width}}  {who}" for username, who in DEMO_LOGINS)
    return f"""
The demo is ready: {DEMO_URL}

Sign in with the password {DEMO_PASSWORD} as
{logins}

The district has {report.schools} schools, {report.sections} sections, {report.teachers} teachers and \
{report.students} students.
The framework has {report.targets} learning targets; the {report.catalog_targets} of grades K-8 have \
{report.activities} activities.
The item bank has {report.items} items. The students took {report.assessments} assessments: \
{report.attempts} attempts, {report.responses} responses, {report.evidence} evidence rows.
Mastery states: {_shares(report.mastery_levels)}
Created: {_counts(report.created)}
Changed: {_counts(report.updated)}
"""


def _counts(counts) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in sorted(counts.items())) or "nothing"


def _shares(levels: dict[str, int]) -> str:
    """How many states there are and each level's share, e.g. "900: attempted 28%, familiar 7%, …", or "none"."""
    total = sum(levels.values())
    if not total:
        return "none"
    shares = ", ".join(
        f"{MasteryLevel(level).label.lower()} {count / total:.0%}" for level, count in levels.items() if count
    )
    return f"{total}: {shares}"
