"""What readers learn from /updates/, its feed and the public history pages: a
deploy's fixture load is one update, a publication is described by what its editor
wrote about the content (never by a workflow note), every kind of entry has its
own history page, linked from where it is shown, and every page advertises the feed."""

import importlib
import json
import re

import feedparser
import pytest
from django.apps import apps
from django.test import Client

from critiques.models import Quotation
from editorial import workflow
from editorial.content import Content, Status
from editorial.models import FixtureLoad
from editorial.public import history_url
from loader.loader import load
from orgs.models import Fact, Office, Person, SeeAlso, Term
from tests import factories
from tests.conftest import fixture_paths
from tests.iomsite.test_security import public_page_urls
from tests.loader.test_deploy_fixtures import copy_fixtures, edit_fixture

pytestmark = pytest.mark.django_db


def seed_entry_count(app_labels=None):
    """How many content entries (not citations or topics) the seed fixtures hold,
    of the apps named (all by default)."""
    return sum(
        1
        for path in fixture_paths()
        for record in json.loads(path.read_text(encoding="utf-8"))
        if issubclass(apps.get_model(record["model"]), Content)
        and (app_labels is None or record["model"].split(".")[0] in app_labels)
    )


def update_headings(html):
    """The heading of each update listed on /updates/, newest first, as text."""
    headings = re.findall(r'<h2 id="change-[\w-]+-heading">(.*?)</h2>', html, re.S)
    return [re.sub(r"<[^>]+>", "", heading).strip() for heading in headings]


def save(entry, reason, **values):
    for name, value in values.items():
        setattr(entry, name, value)
    entry._change_reason = reason
    entry.save()
    return entry


# A deploy's load is one update


def test_a_fresh_install_lists_the_deploy_as_one_update(client):
    html = client.get("/updates/").text

    assert update_headings(html) == [f"Content loaded on deploy: {seed_entry_count()} entries"]
    assert "Loaded from fixtures" not in html


def test_the_feed_of_a_fresh_install_has_one_entry_for_the_deploy(client):
    feed = feedparser.parse(client.get("/updates/feed/").content)

    assert feed.bozo == 0, feed.get("bozo_exception")
    assert [entry.title for entry in feed.entries] == [
        f"Content loaded on deploy: {seed_entry_count()} entries"
    ]
    assert feed.entries[0].link.startswith("http://testserver/updates/#change-load-")


def test_a_redeploy_that_changes_one_record_adds_one_update_for_it(client, tmp_path):
    paths = copy_fixtures(tmp_path)
    edit_fixture(tmp_path, "people.json", "marcus-daly", summary="A corrected summary.")

    load(paths)

    assert update_headings(client.get("/updates/").text) == [
        "Content loaded on deploy: 1 entry",
        f"Content loaded on deploy: {seed_entry_count()} entries",
    ]


def test_a_redeploy_that_changes_nothing_adds_no_update(client):
    load(fixture_paths())

    assert len(update_headings(client.get("/updates/").text)) == 1


def test_an_editors_change_after_the_deploy_is_listed_above_the_load(client):
    save(Person.objects.get(slug="amy-e-pope"), "Nationality per the 2023 press release")

    headings = update_headings(client.get("/updates/").text)

    assert headings[0] == "Amy E. Pope"
    assert headings[1].startswith("Content loaded on deploy: ")


class AppsAfterTheMove:
    """The migration's view of the models, with the fixture loads where they live
    now (the editorial engine's), so that its grouping can run on today's tables."""

    def get_model(self, app_label, model_name):
        if (app_label, model_name) == ("iomsite", "FixtureLoad"):
            return FixtureLoad
        return apps.get_model(app_label, model_name)

    def get_app_config(self, app_label):
        return apps.get_app_config(app_label)


def test_rows_stamped_by_loads_before_there_were_load_records_become_one_update(client):
    """What the data migration does for a site deployed before loads were recorded."""
    migration = importlib.import_module("iomsite.migrations.0004_group_legacy_fixture_loads")
    for model, _label, _key in migration.history_models(apps):
        model.objects.filter(history_change_reason__startswith=FixtureLoad.REASON_PREFIX).update(
            history_change_reason="Loaded from fixtures/seed.json"
        )
    FixtureLoad.objects.all().delete()

    migration.group_legacy_loads(AppsAfterTheMove(), None)

    load = FixtureLoad.objects.get()
    # Apps added since (members) never had such rows: the migration leaves them be.
    assert update_headings(client.get("/updates/").text) == [
        f"Content loaded on deploy: {seed_entry_count(migration.CONTENT_APPS)} entries"
    ]
    row = Person.objects.get(slug="amy-e-pope").history.last()
    assert row.history_change_reason == f"Loaded on deploy (load {load.pk}, fixtures/seed.json)"


def test_an_entrys_history_page_shows_its_load_as_its_first_change(client):
    html = client.get("/changes/orgs/person/amy-e-pope/").text

    assert "Loaded on deploy" in html
    assert "Loaded from fixtures" not in html
    assert "(load " not in html


# A publication is described by the editor's summary of the content


def staff_figure_in_review(content_summary="Added the December 2024 staff figure"):
    """A figure an editor created as a draft, edited, then submitted for review
    with a second, status-only summary (as the admin's status drop-down asks)."""
    fact = factories.FactFactory(
        status=Status.DRAFT, kind=Fact.Kind.STAFF, unit=Fact.Unit.COUNT, value=21500
    )
    save(fact, content_summary, qualifier=Fact.Qualifier.ABOUT, at="2024-12")
    return save(fact, "Submit the staff figure for review", status=Status.IN_REVIEW)


def publish(entry):
    entry.refresh_from_db()
    reviewer = factories.ReviewerFactory()
    workflow.publish(type(entry), entry.pk, reviewer, token=workflow.token_of(entry, None))
    entry.refresh_from_db()
    return entry.history.order_by("-history_date", "-history_id").first()


def test_publishing_a_submitted_entry_shows_readers_the_content_summary(client):
    fact = staff_figure_in_review()

    published = publish(fact)

    assert published.history_change_reason == "Added the December 2024 staff figure"
    html = client.get("/updates/").text
    assert "Added the December 2024 staff figure" in html
    assert "Submit the staff figure for review" not in html


def test_an_entry_sent_back_and_fixed_is_published_with_the_fix_summary():
    fact = staff_figure_in_review()
    reviewer = factories.ReviewerFactory()
    workflow.send_back(
        Fact, fact.pk, reviewer, "The source says 2023.", token=workflow.token_of(fact, None)
    )
    fact.refresh_from_db()
    save(fact, "Dated the figure 2023, as the source does", at="2023-12")
    save(fact, "Resubmitted", status=Status.IN_REVIEW)

    assert publish(fact).history_change_reason == "Dated the figure 2023, as the source does"


def test_an_entry_whose_editor_wrote_only_workflow_notes_is_published_as_published():
    fact = staff_figure_in_review(content_summary="")

    assert publish(fact).history_change_reason == "Published"


def test_a_republished_entry_without_a_content_summary_names_the_fields_changed():
    fact = factories.FactFactory()
    save(fact, "Unpublished to check the figure", status=Status.DRAFT)
    save(fact, "", value=3_100_000_000, note="Revised estimate.")
    save(fact, "Ready for review", status=Status.IN_REVIEW)

    assert publish(fact).history_change_reason == "Published (changed: Value, Note)"


def test_a_summary_for_an_added_citation_counts_as_a_content_summary():
    fact = factories.FactFactory(status=Status.DRAFT, cites=[])
    fact.citations.create(source=factories.SourceFactory())
    save(fact, "Cited the 2024 human resources report")
    save(fact, "Submit for review", status=Status.IN_REVIEW)

    assert publish(fact).history_change_reason == "Cited the 2024 human resources report"


# Every kind of entry has a public history page


CONTENT_FACTORIES = [
    factories.OrganizationFactory,
    factories.SeeAlsoFactory,
    factories.NameEraFactory,
    factories.PersonFactory,
    factories.TermFactory,
    factories.OfficeFactory,
    factories.FactFactory,
    factories.SourceFactory,
    factories.EventFactory,
    factories.CriticFactory,
    factories.CriticismFactory,
    factories.QuotationFactory,
    factories.StateFactory,
    factories.MembershipSpellFactory,
]


def test_the_factories_cover_every_kind_of_content():
    content_models = {m for m in apps.get_models() if issubclass(m, Content)}
    assert {f._meta.model for f in CONTENT_FACTORIES} == content_models


@pytest.mark.parametrize("factory", CONTENT_FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_every_kind_of_entry_has_a_public_history_page(client, factory):
    entry = factory(slug="history-of-every-kind")
    opts = entry._meta

    url = history_url(entry)

    assert url == f"/changes/{opts.app_label}/{opts.model_name}/history-of-every-kind/"
    response = client.get(url)
    assert response.status_code == 200
    assert f'href="{entry.get_absolute_url()}"' in response.text


def test_a_term_of_an_unpublished_person_has_no_public_history(client):
    term = factories.TermFactory(person=factories.PersonFactory(status=Status.DRAFT, cites=[]))

    assert client.get(f"/changes/orgs/term/{term.slug}/").status_code == 404


@pytest.mark.parametrize(
    ("page", "model", "slug"),
    [
        ("/structure/figures/staff/", Fact, "fact-staff-2024-rok-mofa"),
        ("/people/amy-e-pope/", Term, "term-amy-e-pope-dg"),
        ("/structure/", Office, "office-geneva-headquarters"),
        ("/", SeeAlso, "see-also-unhcr"),
        (
            "/criticisms/criticism-2022-indonesia-housing/",
            Quotation,
            "quote-john-joniad-open-prison",
        ),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_each_entry_shown_within_a_page_links_to_its_history(client, page, model, slug):
    history = history_url(model.objects.get(slug=slug))

    assert f'href="{history}"' in client.get(page).text
    assert client.get(history).status_code == 200


def test_every_figure_row_links_to_the_history_of_that_figure(client):
    html = client.get("/structure/figures/staff/").text
    rows = re.findall(r'<tr id="fact-([\w-]+)">(.*?)</tr>', html, re.S)

    assert rows
    for slug, row in rows:
        assert f'href="/changes/orgs/fact/{slug}/"' in row, slug


# The feed is advertised on every page


@pytest.mark.parametrize("url", public_page_urls())
def test_every_public_page_advertises_the_updates_feed_in_its_head(url):
    html = Client().get(url).text
    head = html[: html.index("</head>")]

    assert re.search(
        r'<link rel="alternate" type="application/atom\+xml" hreflang="en" '
        r'href="/updates/feed/" title="[^"]+">',
        head,
    )
