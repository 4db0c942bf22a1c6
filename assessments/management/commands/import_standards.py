"""`manage.py import_standards DIR`: import the Common Core math standards and their graph from CSV files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.services import standards_import
from assessments.standards_csv import StandardsFileError


class Command(BaseCommand):
    help = (
        "Create or update the Common Core State Standards for Mathematics from a directory holding standards.csv, "
        "prerequisites.csv and related.csv (see data/ccss-math/README.md). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="The directory holding the CSV files, e.g. data/ccss-math.")

    def handle(self, *args, directory: Path, verbosity: int, **options):
        try:
            report = standards_import(directory=directory, progress=verbosity > 0)
        except StandardsFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(report.summary())
