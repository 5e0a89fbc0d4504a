from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from iomsite.loader import LoadError, load


class Command(BaseCommand):
    help = (
        "Load the curated content fixtures in one transaction: validate every record, "
        "then report created, updated and unchanged counts per model."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files",
            nargs="*",
            type=Path,
            help="Fixture files to load (default: every fixtures/*.json).",
        )

    def handle(self, *args, files, **options):
        paths = files or sorted((settings.BASE_DIR / "fixtures").glob("*.json"))
        if not paths:
            raise CommandError("No fixture files found.")
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise CommandError(f"No such fixture file: {', '.join(missing)}")
        try:
            report = load(paths)
        except LoadError as error:
            count = len(error.problems)
            details = "\n".join(f"  - {problem}" for problem in error.problems)
            raise CommandError(
                f"Nothing was loaded: {count} problem{'s' if count != 1 else ''} in the fixtures.\n"
                f"{details}"
            ) from None
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"{report.changes} changes."))
