"""Generate scale data: published, sourced content at N times the seed, and remove it again.

**The marker.** Every generated record's slug starts with ``gen-`` (``GENERATED_PREFIX``).
That prefix is the only thing that tells generated content from curated content:
``remove_generated()`` deletes exactly the records whose slug starts with it, with
what hangs off them (citations of generated claims, many-to-many rows, quotations),
and never touches anything else. Curated slugs must therefore never start with ``gen-``.

**How much.** For each content model, ``multiple`` times the number of records of that
model in the seed (``fixtures/*.json``); topics are capped at ``TOPIC_CAP``. Terms
keep the seed's mix of roles. Citations are not counted from the seed: every
generated claim cites one to three generated sources (``planned_counts`` gives the
exact targets).

**Where it goes.** As a real organization's record grows: the site's organization
(``settings.IOMSITE_ORGANIZATION``) gains past deputy and goodwill-ambassador terms
(none current), country offices, criticisms, and about one figure of each kind a
year (now and then a second source's). The rest goes to generated organizations:
Director General terms and name eras laid end to end in time (at most
``CHAIN_LENGTH`` per organization, one current), one headquarters each, other
offices, further figures and see-also links. Facts are ranked "normal", except some
"deprecated" and some "preferred" where no other preferred value exists for that
organization, kind and time. Generated events take the site organization's
(curated) name era of their date.

**How.** One seeded ``random.Random`` (the same seed gives the same content on the
same seed data), ``bulk_create`` in batches inside one transaction. Bulk creation
skips ``full_clean()`` and ``save()``, so every value is valid by construction
(dates, spans, identifiers with check digits, URLs); the tests run ``full_clean()``
on a sample. Generating when generated content exists first removes it: the new
set replaces the old one.
"""

import random
from collections import Counter

from django.db import connection, transaction
from django.db.models import ProtectedError

from editorial.search import Searchable
from iomsite.page_cache import bump_content_version
from loader.format import GENERATED_PREFIX

from .claims import Generator
from .plan import (
    CITATION_MODELS,
    CONTENT_MODELS,
    DEFAULT_MULTIPLE,
    GenerateError,
    planned_counts,
    seed_counts,
)

__all__ = [
    "DEFAULT_MULTIPLE",
    "GENERATED_PREFIX",
    "GenerateError",
    "generate",
    "planned_counts",
    "remove_generated",
    "seed_counts",
]


def generate(multiple=DEFAULT_MULTIPLE, seed=1):
    """Replace the generated content with ``multiple`` times the seed; return counts by label.

    The counts cover content models, their citations and many-to-many rows.
    """
    if not isinstance(multiple, int) or multiple < 0:
        raise GenerateError(f"The multiple must be a whole number ≥ 0, not {multiple!r}.")
    with transaction.atomic():
        remove_generated()
        counts = Generator(random.Random(seed), multiple).run()
        # Bulk creation sends no signals: retire cached pages explicitly.
        bump_content_version()
        for model in CONTENT_MODELS:
            if issubclass(model, Searchable):
                model.refresh_search_vectors(
                    model.objects.filter(slug__startswith=GENERATED_PREFIX)
                )
    # Fresh statistics, or the planner keeps plans fit for the seed alone (SQLite
    # then joins citations through the small sources table, ten times slower).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return counts


def remove_generated():
    """Delete every generated record and what depends on it; return counts by label.

    The deletion records history as any deletion does; then every history row of
    the generated records (their own, their citations' and their many-to-many rows),
    the deletion's included, is purged, leaving the history of curated content as
    it was.
    """
    removed = Counter()
    try:
        with transaction.atomic():
            claim_ids = {
                model: list(_generated(model).values_list("pk", flat=True))
                for model in CITATION_MODELS
            }
            for model in reversed(CONTENT_MODELS):
                removed.update(_generated(model).delete()[1])
            removed.update(_purge_history(claim_ids))
    except ProtectedError as error:
        blockers = sorted({str(obj) for obj in error.protected_objects})[:5]
        raise GenerateError(
            "Generated content is still used by curated records, so nothing was removed: "
            + "; ".join(blockers)
        ) from None
    return {name: count for name, count in removed.items() if count}


def _generated(model):
    return model.objects.filter(slug__startswith=GENERATED_PREFIX)


def _purge_history(claim_ids):
    """Delete the history rows of generated records; return counts by label."""
    purged = Counter()
    for model in CONTENT_MODELS:
        history = _history_model(model)
        if history is None:
            continue
        citation_history = _history_model(CITATION_MODELS.get(model))
        if citation_history is not None:
            rows = citation_history.objects.filter(claim_id__in=claim_ids[model])
            purged.update(rows.delete()[1])
        old = history.objects.filter(slug__startswith=GENERATED_PREFIX)
        for relation in history._meta.related_objects:  # many-to-many history rows
            if relation.one_to_many:
                rows = relation.related_model.objects.filter(**{f"{relation.field.name}__in": old})
                purged.update(rows.delete()[1])
        purged.update(old.delete()[1])
    return purged


def _history_model(model):
    """The model's django-simple-history record model, or None."""
    return getattr(getattr(model, "history", None), "model", None)
