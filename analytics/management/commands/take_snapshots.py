"""`manage.py take_snapshots [--date YYYY-MM-DD] [--school SLUG ...]`: take the dashboards' snapshots now."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from analytics.services import snapshot_take_now
from learning_platform.models import School


class Command(BaseCommand):
    help = (
        "Take the dashboards' snapshot of a date at every school (or the ones named), in this process, batch after "
        "batch. The nightly job takes yesterday's on the workers; this is for a first run, or to take a date again "
        "(its rows are replaced, never added to). Mastery is read as it stands now, so an older date gets today's "
        "mastery with that date's usage."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The date the figures describe, YYYY-MM-DD (default: each school's today).")
        parser.add_argument("--school", action="append", default=[], metavar="SLUG", help="A school's slug; repeat.")

    def handle(self, *args, date: str | None, school: list[str], **options):
        as_of = None
        if date:
            try:
                as_of = datetime.date.fromisoformat(date)
            except ValueError:
                raise CommandError(f"--date {date!r} is not a date written YYYY-MM-DD.") from None
        schools = list(School.objects.filter(slug__in=school) if school else School.objects.all())
        missing = sorted(set(school) - {found.slug for found in schools})
        if missing:
            raise CommandError(f"No school has the slug {', '.join(missing)}.")
        runs = snapshot_take_now(schools=schools, as_of=as_of)
        for run in runs:
            self.stdout.write(f"{run.school.name}: snapshot of {run.as_of} taken, {run.batches.count()} batches.")
