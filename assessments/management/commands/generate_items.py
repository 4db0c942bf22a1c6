"""`manage.py generate_items`: write the item generators' questions for every K-8 target into the shared bank."""

from django.core.management.base import BaseCommand, CommandError

from assessments import generators
from assessments.management.commands._args import K8_GRADES, grades as grades_arg
from assessments.services import FrameworkMissingError, GeneratorError, generated_items_sync


class Command(BaseCommand):
    help = (
        "Create or update the shared bank's generated items (assessments/generators): --per-target items for every "
        "target of --grades that has templates, each with hints, a worked solution and, for geometry and data, a "
        "figure. Safe to run again: unchanged items stay as they are. The Common Core standards must be imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("--grades", default=K8_GRADES, help=f"Grades, comma-separated (default: {K8_GRADES}).")
        parser.add_argument(
            "--per-target",
            type=int,
            default=generators.ITEMS_PER_TARGET,
            help=f"Items per target (default: {generators.ITEMS_PER_TARGET}).",
        )
        parser.add_argument("--quiet", action="store_true", help="Print no progress bar.")

    def handle(self, *args, grades: str, per_target: int, quiet: bool, verbosity: int, **options):
        if not 1 <= per_target <= 100:
            raise CommandError(f"--per-target must be from 1 to 100, not {per_target}")
        try:
            report = generated_items_sync(
                grades=tuple(grades_arg(grades)), per_target=per_target, progress=verbosity > 0 and not quiet
            )
        except (GeneratorError, FrameworkMissingError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(report.summary())
        if report.skipped:
            self.stdout.write(report.skip_table())
