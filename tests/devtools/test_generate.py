import random
from collections import Counter
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from critiques.models import Critic, Topic
from devtools.generate import (
    GENERATED_PREFIX,
    GenerateError,
    generate,
    planned_counts,
    remove_generated,
)
from devtools.generate.plan import CITATION_MODELS, CONTENT_MODELS, TOPIC_CAP
from editorial.content import Status
from orgs.models import Fact, NameEra, Office, Organization, Person, Source, Term
from timeline.models import Event

pytestmark = pytest.mark.django_db

GENERATED = {"slug__startswith": GENERATED_PREFIX}


def generated(model):
    return model.objects.filter(**GENERATED)


def snapshot():
    """Every row of every content table, history and many-to-many tables included."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for app in ("orgs", "timeline", "critiques")
        for model in apps.get_app_config(app).get_models(include_auto_created=True)
    }


def test_generates_the_multiple_of_the_seed_counts():
    counts = generate(2)

    assert counts["timeline.Event"] == 2 * 46
    assert counts["orgs.Source"] == 2 * 134
    assert counts["orgs.Term"] == 2 * 14
    assert counts["critiques.Topic"] == 2 * 6
    for label, planned in planned_counts(2).items():
        assert counts[label] == planned
        assert generated(apps.get_model(label)).count() == planned


def test_generation_refreshes_the_query_planners_statistics():
    with CaptureQueriesContext(connection) as queries:
        generate(1)

    assert "ANALYZE" in [query["sql"] for query in queries]


def test_topics_are_capped():
    assert planned_counts(100)["critiques.Topic"] == TOPIC_CAP


def test_every_generated_claim_is_published_and_cites_one_to_three_generated_sources():
    generate(2)

    for model in CITATION_MODELS:
        claims = generated(model).annotate(cited=Count("citations"))
        assert set(claims.values_list("status", flat=True)) == {Status.PUBLISHED}
        assert {claim.cited for claim in claims} <= {1, 2, 3}
        sources = CITATION_MODELS[model].objects.filter(claim__in=claims)
        assert not sources.exclude(source__slug__startswith=GENERATED_PREFIX).exists()


def test_a_sample_of_every_generated_model_passes_full_clean():
    generate(2)
    rng = random.Random(0)

    for model in (*CONTENT_MODELS, *CITATION_MODELS.values()):
        records = list(
            model.objects.filter(claim__slug__startswith=GENERATED_PREFIX)
            if model in CITATION_MODELS.values()
            else generated(model)
        )
        assert records, model
        for record in rng.sample(records, min(50, len(records))):
            record.full_clean()


def test_generated_records_follow_the_per_organization_rules():
    generate(3)

    for organization in Organization.objects.filter(**GENERATED):
        directors = Term.objects.heads().filter(organization=organization)
        assert directors.filter(current=True).count() <= 1
        for term in directors:
            term.full_clean()
        assert NameEra.objects.filter(organization=organization, end__isnull=True).count() <= 1
        for era in NameEra.objects.filter(organization=organization):
            era.full_clean()
    assert Office.objects.filter(kind="headquarters", organization__slug="iom").count() == 1
    preferred = Counter(Fact.objects.preferred().values_list("organization", "kind", "at"))
    assert max(preferred.values()) == 1


def test_choices_and_date_precisions_are_spread():
    generate(2)

    assert {e.category for e in generated(Event)} == set(Event.Category.values)
    assert {s.kind for s in generated(Source)} == set(Source.Kind.values)
    assert {f.kind for f in generated(Fact)} == set(Fact.Kind.values)
    assert {c.kind for c in generated(Critic)} == set(Critic.Kind.values)
    assert {e.start.precision for e in generated(Event)} == {"year", "month", "day"}
    years = [e.start.year for e in generated(Event)]
    assert min(years) >= 1951
    assert max(years) <= 2026


def test_remove_deletes_every_generated_record_and_leaves_the_seed_identical():
    before = snapshot()

    created = generate(2)
    slugs = [
        slug
        for model in CONTENT_MODELS
        for slug in model.objects.values_list("slug", flat=True)
        if slug.startswith(GENERATED_PREFIX)
    ]
    removed = remove_generated()

    assert len(slugs) == sum(planned_counts(2).values())
    assert {label: n for label, n in removed.items() if ".Historical" not in label} == created
    assert not any(generated(model).exists() for model in CONTENT_MODELS)
    assert snapshot() == before


def test_remove_also_removes_the_history_of_edited_generated_records():
    before = snapshot()
    generate(1)
    event = generated(Event).first()
    event.title = "Edited in the admin"
    event.save()
    event.people.set(generated(Person)[:2])
    event.citations.first().save()

    remove_generated()

    assert snapshot() == before


def test_generating_again_replaces_the_generated_content():
    first = generate(1)
    second = generate(1)

    assert second == first
    assert generated(Event).count() == planned_counts(1)["timeline.Event"]


def test_the_same_seed_generates_the_same_content():
    def content():
        return [
            list(generated(model).order_by("slug").values_list("slug", flat=True))
            for model in CONTENT_MODELS
        ] + [list(generated(Event).order_by("slug").values_list("title", "summary", "start"))]

    generate(1, seed=7)
    first = content()
    remove_generated()
    generate(1, seed=7)

    assert content() == first
    generate(1, seed=8)
    assert content() != first


def test_generation_needs_the_site_organization(settings):
    settings.IOMSITE_ORGANIZATION = "no-such-organization"

    with pytest.raises(GenerateError, match="load the seed first"):
        generate(1)


def test_command_prints_counts_and_removes():
    out = StringIO()
    call_command("generate_content", "--multiple", "1", stdout=out)

    assert "timeline.Event: 46 created" in out.getvalue()
    assert "orgs.Source: 134 created" in out.getvalue()
    assert generated(Topic).count() == 6

    out = StringIO()
    call_command("generate_content", "--remove", stdout=out)

    assert "timeline.Event: 46 removed" in out.getvalue()
    assert "Removed" in out.getvalue()
    assert not any(generated(model).exists() for model in CONTENT_MODELS)


def test_every_generated_record_gets_its_first_history_row():
    generate(1)
    for model in (Event, Source, Fact, Critic):
        first_rows = model.history.filter(
            slug__startswith=GENERATED_PREFIX,
            history_type="+",
            history_change_reason="Generated scale data",
        )
        assert first_rows.count() == generated(model).count()
