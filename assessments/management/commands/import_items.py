"""`manage.py import_items FILE`: import MathCAMPS word problems into the item bank."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.services import FrameworkMissingError, items_import
from assessments.item_import import ItemFileError


class Command(BaseCommand):
    help = (
        "Create or update the bank's MathCAMPS items from a JSON file such as data/items/mathcamps.json "
        "(see data/items/README.md), tagged to the Common Core standards, which must be imported first. Prints "
        "what it skipped and why. Safe to run again. Errors name entries by index, counting from 0."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A MathCAMPS JSON file, e.g. data/items/mathcamps.json")
        parser.add_argument("--quiet", action="store_true", help="Print no progress bar and no skip table.")

    def handle(self, *args, file: Path, quiet: bool, verbosity: int, **options):
        try:
            report = items_import(path=file, progress=verbosity > 0 and not quiet)
        except (ItemFileError, FrameworkMissingError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(report.summary())
        if report.skipped and not quiet:
            self.stdout.write(report.skip_table())
