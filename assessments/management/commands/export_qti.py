"""`manage.py export_qti --school SLUG-or-id DIRECTORY [--force]`: export a school's items as QTI 3.0."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.management.commands.import_qti import school_argument
from assessments.qti_bank import QtiExportError, qti_export


class Command(BaseCommand):
    help = (
        "Write the school's own active items to DIRECTORY as QTI 3.0 item files with an imsmanifest.xml carrying "
        "their learning targets and difficulty. The directory is created if missing; one that already holds files "
        "is refused unless --force, so the package never mixes with other files."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="Where to write the package.")
        parser.add_argument("--school", required=True, metavar="SLUG-or-id", help="The school whose items to export.")
        parser.add_argument("--force", action="store_true", help="Write into a directory that is not empty.")

    def handle(self, *args, directory: Path, school: str, force: bool, **options):
        try:
            report = qti_export(school=school_argument(school), directory=directory, overwrite=force)
        except QtiExportError as error:
            raise CommandError(f"{error} Or pass --force to write there anyway.") from error
        self.stdout.write(report.summary())
