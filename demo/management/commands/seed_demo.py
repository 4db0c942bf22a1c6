"""`manage.py seed_demo`: build the demo district (see demo.seed); safe to run again."""
from django.core.management.base import BaseCommand

from demo.seed import DEMO_LOGINS, DEMO_PASSWORD, DEMO_URL, DemoReport, demo_seed


class Command(BaseCommand):
    help = (
        "Build the demo district: the Common Core math standards, two middle schools with 12 math sections, "
        "300 students, the four demo logins and an activity catalog for grades 6-8. Running it again creates "
        "nothing and resets the demo logins' password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Do not show progress bars.")

    def handle(self, *args, quiet: bool, **options) -> None:
        report = demo_seed(progress=not quiet)
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
The framework has {report.targets} learning targets; the {report.catalog_targets} of grades 6-8 have \
{report.activities} activities.
Created: {_counts(report.created)}
Changed: {_counts(report.updated)}
"""


def _counts(counts) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in sorted(counts.items())) or "nothing"
