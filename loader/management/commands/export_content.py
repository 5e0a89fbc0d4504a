from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from loader.exporter import export


class Command(BaseCommand):
    help = (
        "Write the published content back to the fixture files (natural keys, stable "
        "order and formatting), so editors' updates can be committed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="Folder to write to (default: the project's fixtures/).",
        )

    def handle(self, *args, output, **options):
        directory = output or settings.BASE_DIR / "fixtures"
        for file_name, count in export(directory).items():
            self.stdout.write(f"{directory / file_name}: {count} records")
