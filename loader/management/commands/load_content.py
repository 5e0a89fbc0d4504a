from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from loader.loader import LoadError, load
from loader.retirement import RETIRED_RECORDS, retire


class Command(BaseCommand):
    help = (
        "Load the curated content fixtures in one transaction: validate every record, "
        "then report created, updated and unchanged counts per model. Entries editors "
        "changed or deleted since they were loaded are kept as the editors left them. "
        "A full load then deletes the records listed in fixtures/retired/retired.json "
        "that nobody changed or uses since they were loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files",
            nargs="*",
            type=Path,
            help="Fixture files to load (default: every fixtures/*.json).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what loading would do, and write nothing.",
        )

    def handle(self, *args, files, dry_run, **options):
        paths = files or sorted((settings.BASE_DIR / "fixtures").glob("*.json"))
        if not paths:
            raise CommandError("No fixture files found.")
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise CommandError(f"No such fixture file: {', '.join(missing)}")
        try:
            # One transaction: retired records go only once a full load has put
            # their replacements in, and a dry run reports both steps exactly.
            with transaction.atomic():
                report = load(paths)
                retirement = None if files else retire(RETIRED_RECORDS)
                if dry_run:
                    transaction.set_rollback(True)
        except LoadError as error:
            count = len(error.problems)
            details = "\n".join(f"  - {problem}" for problem in error.problems)
            raise CommandError(
                f"Nothing was loaded: {count} problem{'s' if count != 1 else ''} in the fixtures.\n"
                f"{details}"
            ) from None
        for line in report.lines():
            self.stdout.write(line)
        for line in retirement.lines() if retirement else ():
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(f"Dry run: nothing was written ({report.changes} changes planned).")
        else:
            self.stdout.write(self.style.SUCCESS(f"{report.changes} changes."))
