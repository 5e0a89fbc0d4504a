import argparse
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from devtools.generate import (
    DEFAULT_MULTIPLE,
    GENERATED_PREFIX,
    GenerateError,
    generate,
    remove_generated,
)


def whole_number(text):
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


class Command(BaseCommand):
    help = (
        "Generate published, sourced scale-test content at N times the seed (every slug "
        f"starts with “{GENERATED_PREFIX}”), replacing any generated earlier; or remove it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--multiple",
            type=whole_number,
            default=DEFAULT_MULTIPLE,
            help=f"How many times the seed to generate (default {DEFAULT_MULTIPLE}).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed; the same seed gives the same content."
        )
        parser.add_argument(
            "--remove",
            action="store_true",
            help=f"Only delete the generated content (slugs starting with “{GENERATED_PREFIX}”).",
        )

    def handle(self, *args, multiple, seed, remove, **options):
        started = time.perf_counter()
        try:
            with transaction.atomic():
                removed = remove_generated()
                created = {} if remove else generate(multiple, seed=seed)
        except GenerateError as error:
            raise CommandError(str(error)) from None
        elapsed = time.perf_counter() - started
        if removed:
            self.write_counts("removed", removed)
            if not remove:
                self.stdout.write("The content generated earlier was replaced.")
        if remove:
            total = sum(removed.values())
            self.stdout.write(self.style.SUCCESS(f"Removed {total} generated records."))
            return
        self.write_counts("created", created)
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {sum(created.values())} records ({multiple}× the seed, "
                f"seed {seed}) in {elapsed:.1f} s."
            )
        )

    def write_counts(self, outcome, counts):
        for label, count in sorted(counts.items()):
            self.stdout.write(f"{label}: {count} {outcome}")
