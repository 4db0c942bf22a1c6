"""`manage.py item_coverage`: which learning targets the shared item bank covers, grade by grade."""

from django.core.management.base import BaseCommand, CommandError

from assessments.management.commands._args import K8_GRADES as DEFAULT_GRADES, grades as grades_arg, share
from assessments.models import Framework
from assessments.selectors import item_coverage


class Command(BaseCommand):
    help = (
        "Print, per grade, how many of the framework's learning targets have at least --min-items distinct active "
        "items in the shared bank (imported and generated), and name the targets that have fewer. Exits 1 when the share of covered targets over all "
        "the grades asked for is under --min-share."
    )

    def add_arguments(self, parser):
        parser.add_argument("--framework", default="ccss-math", help="The framework's slug (default: ccss-math).")
        parser.add_argument(
            "--grades", default=DEFAULT_GRADES, help=f"Grades, comma-separated (default: {DEFAULT_GRADES})."
        )
        parser.add_argument(
            "--min-items", type=int, default=1, help="Items a target needs to count as covered (default: 1)."
        )
        parser.add_argument(
            "--min-share", default="0", help="Share of targets, 0 to 1, that must be covered (default: 0)."
        )

    def handle(self, *args, framework: str, grades: str, min_items: int, min_share: str, **options):
        threshold = share(min_share)
        if min_items < 1:
            raise CommandError(f"--min-items must be at least 1, not {min_items}")
        chosen = grades_arg(grades)
        found = Framework.objects.filter(slug=framework).first()
        if found is None:
            raise CommandError(
                f"No framework has the slug {framework!r}: import it first (manage.py import_standards)."
            )
        rows = item_coverage(framework=found, grades=chosen, min_items=min_items)
        self.stdout.write(f"Targets of {found.name} with at least {min_items} item(s) in the shared bank:")
        for row in rows:
            self.stdout.write(f"  grade {row.grade:>2}: {len(row.covered):>3} of {row.targets:>3} ({row.share:.0%})")
            if row.covered:
                self.stdout.write(f"      with:    {', '.join(row.covered)}")
            if row.uncovered:
                self.stdout.write("      without: " + ", ".join(f"{code} ({count})" for code, count in row.uncovered))
        covered = sum(len(row.covered) for row in rows)
        targets = sum(row.targets for row in rows)
        overall = covered / targets if targets else 1.0
        self.stdout.write(f"All: {covered} of {targets} targets ({overall:.1%}); required: {threshold:.1%}.")
        if overall < threshold:
            self.stderr.write(f"Coverage {overall:.1%} is under --min-share {threshold:.1%}.")
            raise SystemExit(1)
