"""How much scale data to generate, and of which models."""

import datetime
from collections import Counter

from django.conf import settings

from critiques.models import Topic
from editorial import registry
from loader.loader import read_records
from orgs.models import Term

CHANGE_REASON = "Generated scale data"
DEFAULT_MULTIPLE = 100
TOPIC_CAP = 300
CHAIN_LENGTH = 50  # Director General terms, or name eras, per generated organization
BATCH_SIZE = 1000
FIRST_DAY = datetime.date(1951, 1, 1)
LAST_DAY = datetime.date(2026, 6, 30)

# Generated models: every model registered for the fixtures, in the order they
# register (each after the models it points to); removal goes the other way.
# Models registered with extra={"scale_data": False} (the members app's states: one
# per ISO 3166 code, so there cannot be twenty times as many) are left out.
CONTENT_MODELS = tuple(
    r.model for r in registry.registrations() if r.fixture and r.extra.get("scale_data", True)
)
CITATION_MODELS = {
    model: citations for model in CONTENT_MODELS if (citations := registry.citation_model(model))
}


class GenerateError(Exception):
    """Generated content cannot be created or removed; the message says why."""


def label(model):
    return model._meta.label


def seed_counts():
    """Records per model in the seed fixtures, and the seed's terms per role."""
    records = read_records(sorted((settings.BASE_DIR / "fixtures").glob("*.json")))
    counts = Counter(record.model for record in records)
    roles = Counter(record.fields.get("role") for record in records if record.model is Term)
    return counts, roles


def planned_counts(multiple, counts=None):
    """How many records ``generate(multiple)`` creates of each content model, by label."""
    counts = seed_counts()[0] if counts is None else counts
    planned = {label(model): multiple * counts[model] for model in CONTENT_MODELS}
    planned[label(Topic)] = min(planned[label(Topic)], TOPIC_CAP)
    return planned
