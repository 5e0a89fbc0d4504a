"""Refresh the French and Spanish catalogs from the source and list what is left to do."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from iomsite import catalogs


class Command(BaseCommand):
    help = (
        "Extract the interface's strings into locale/{fr,es} (needs GNU gettext), "
        "then list the entries still untranslated or fuzzy."
    )

    def handle(self, *args, **options):
        call_command("makemessages", verbosity=0, **catalogs.EXTRACT_OPTIONS)
        found = [line for path in catalogs.catalog_paths() for line in catalogs.problems(path)]
        for line in found:
            self.stdout.write(line)
        self.stdout.write(f"{len(found)} entries to translate or review.")
