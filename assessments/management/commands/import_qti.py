"""`manage.py import_qti PATH [--school SLUG-or-id]`: import QTI 3.0 items into the item bank."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.qti import QtiError
from assessments.services import FrameworkMissingError
from assessments.qti_bank import qti_import
from learning_platform.models import School


def school_argument(value: str | None) -> School | None:
    """The school a --school argument names, by slug or by id; CommandError when none does."""
    if value is None:
        return None
    school = School.objects.filter(slug=value).first()
    if school is None and value.isdigit():
        school = School.objects.filter(pk=int(value)).first()
    if school is None:
        raise CommandError(f"No school has the slug or id {value!r}.")
    return school


class Command(BaseCommand):
    help = (
        "Create or update items from a folder or .zip of QTI 3.0 item files (with or without imsmanifest.xml): the "
        "shared bank's, or with --school that school's own. Prints counts per interaction type and what it skipped "
        "and why. Safe to run again. Errors name the file and line, and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="A folder or .zip of QTI 3.0 items.")
        parser.add_argument("--school", metavar="SLUG-or-id", help="Import into this school's own items.")
        parser.add_argument("--quiet", action="store_true", help="Print no progress bar and no table.")

    def handle(self, *args, path: Path, school: str | None, quiet: bool, verbosity: int, **options):
        chosen = school_argument(school)
        try:
            report = qti_import(path=path, school=chosen, progress=verbosity > 0 and not quiet)
        except (QtiError, FrameworkMissingError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(report.summary())
        if not quiet:
            self.stdout.write(report.table())
