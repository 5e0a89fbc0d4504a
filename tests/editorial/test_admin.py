"""The editors' admin: every page opens, every content model follows the shared
conventions, and a claim cannot be published without a source."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse

from critiques.models import Critic, Criticism, Quotation, Topic
from editorial.admin.inlines import CitationInline
from editorial.content import Claim, Content
from editorial.models import PendingChange
from members.models import MembershipSpell, State
from orgs.models import (
    Fact,
    FactCitation,
    NameEra,
    Office,
    Organization,
    Person,
    SeeAlso,
    Source,
    Term,
)
from tests import factories
from timeline.models import Event

pytestmark = pytest.mark.django_db


RECORD_FACTORIES = {
    User: factories.UserFactory,
    Group: factories.GroupFactory,
    Source: factories.SourceFactory,
    Organization: factories.OrganizationFactory,
    SeeAlso: factories.SeeAlsoFactory,
    NameEra: factories.NameEraFactory,
    Person: factories.PersonFactory,
    Term: factories.TermFactory,
    Office: factories.OfficeFactory,
    Fact: factories.FactFactory,
    Event: factories.EventFactory,
    Critic: factories.CriticFactory,
    Topic: factories.TopicFactory,
    Criticism: factories.CriticismFactory,
    Quotation: factories.QuotationFactory,
    State: factories.StateFactory,
    MembershipSpell: factories.MembershipSpellFactory,
    PendingChange: factories.PendingChangeFactory,
}

REGISTERED_MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)
CONTENT_MODELS = [model for model in REGISTERED_MODELS if issubclass(model, Content)]
CLAIM_MODELS = [model for model in REGISTERED_MODELS if issubclass(model, Claim)]
# Pending changes are written from the entries' own forms, never added directly.
ADDABLE_MODELS = [model for model in REGISTERED_MODELS if model is not PendingChange]


def label(model):
    return model._meta.label


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def management_form(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


FACT_SLUG = "admin-test-budget-2023"


def fact_form(organization, status="published", **fields):
    """What the Fact add form posts: the 2023 budget, with no citation rows."""
    return {
        "organization": organization.pk,
        "kind": Fact.Kind.BUDGET,
        "value": "3100000000",
        "unit": Fact.Unit.USD,
        "qualifier": "",
        "at": "2023",
        "rank": Fact.Rank.NORMAL,
        "rank_reason": "",
        "note": "",
        "slug": FACT_SLUG,
        "status": status,
        "edit_summary": "Budget from the annual report.",
        **management_form("citations", 0),
        **fields,
    }


def citation_row(index, source, **fields):
    return {
        f"citations-{index}-source": source.pk,
        f"citations-{index}-supports": "value",
        f"citations-{index}-locator": "p. 7",
        f"citations-{index}-quotation": "",
        **{f"citations-{index}-{name}": value for name, value in fields.items()},
    }


# Every page opens


def test_every_registered_model_has_a_factory_for_these_tests():
    assert set(REGISTERED_MODELS) <= set(RECORD_FACTORIES)


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=label)
def test_changelist_opens_and_lists_a_record(admin_client, model):
    record = RECORD_FACTORIES[model]()
    # Searched for, so the record is on the first page whatever the seed holds.
    search = getattr(record, "slug", None) or str(record)

    response = admin_client.get(admin_url(model, "changelist"), {"q": search})

    assert response.status_code == 200
    assert record in response.context["cl"].result_list


@pytest.mark.parametrize("model", ADDABLE_MODELS, ids=label)
def test_add_form_opens(admin_client, model):
    response = admin_client.get(admin_url(model, "add"))

    assert response.status_code == 200


def test_pending_changes_cannot_be_added_directly(admin_client):
    response = admin_client.get(admin_url(PendingChange, "add"))

    assert response.status_code == 403


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=label)
def test_change_form_of_an_existing_record_opens(admin_client, model):
    record = RECORD_FACTORIES[model]()

    response = admin_client.get(admin_url(model, "change", record.pk))

    assert response.status_code == 200
    assert response.context["original"] == record


def test_anonymous_visitor_is_sent_to_the_admin_login():
    from django.test import Client

    url = admin_url(Fact, "changelist")

    response = Client().get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={url}"


def test_admin_pages_are_titled_for_editors(admin_client):
    response = admin_client.get(reverse("admin:index"))

    assert response.context["site_header"] == "iomsite editors"


# Shared admin conventions


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=label)
def test_content_changelist_shows_and_filters_by_status(model):
    model_admin = admin.site._registry[model]

    assert "status" in model_admin.list_display
    assert "status" in model_admin.list_filter
    assert model_admin.view_on_site is True
    assert model_admin.save_on_top is False  # the buttons sit beside the edit summary
    assert model_admin.prepopulated_fields.get("slug")


@pytest.mark.parametrize("model", CLAIM_MODELS, ids=label)
def test_claim_admin_edits_its_citations_inline(model):
    model_admin = admin.site._registry[model]
    citation_model = model._meta.get_field("citations").related_model

    [inline] = [i for i in model_admin.inlines if issubclass(i, CitationInline)]

    assert inline.model is citation_model
    assert inline.autocomplete_fields == ["source"]
    assert inline.extra == 1


# A published claim must cite a source


def test_publishing_a_fact_without_a_citation_is_refused_and_nothing_is_saved(admin_client):
    organization = factories.OrganizationFactory()
    citations_before = FactCitation.objects.count()

    response = admin_client.post(admin_url(Fact, "add"), fact_form(organization))

    assert response.status_code == 200
    assert "is published but cites no source" in response.text
    assert not Fact.objects.filter(slug=FACT_SLUG).exists()
    assert FactCitation.objects.count() == citations_before


def test_one_post_creates_a_published_fact_and_its_citation(admin_client):
    organization = factories.OrganizationFactory()
    source = factories.SourceFactory()
    data = fact_form(organization, **management_form("citations", 1), **citation_row(0, source))

    response = admin_client.post(admin_url(Fact, "add"), data)

    assert response.status_code == 302
    fact = Fact.objects.get(slug=FACT_SLUG)
    assert fact.is_published
    assert [(c.source, c.supports, c.locator) for c in fact.citations.all()] == [
        (source, "value", "p. 7")
    ]


def test_a_draft_fact_may_be_saved_without_a_citation(admin_client):
    organization = factories.OrganizationFactory()

    response = admin_client.post(admin_url(Fact, "add"), fact_form(organization, status="draft"))

    assert response.status_code == 302
    assert Fact.objects.get(slug=FACT_SLUG).citations.count() == 0


def test_deleting_the_last_citation_of_a_published_fact_is_refused(admin_client):
    fact = factories.FactFactory(slug=FACT_SLUG)
    [citation] = fact.citations.all()
    data = fact_form(
        fact.organization,
        base_version=fact.version,
        **management_form("citations", 1, initial=1),
        **citation_row(
            0, citation.source, id=citation.pk, claim=fact.pk, locator=citation.locator, DELETE="on"
        ),
    )

    response = admin_client.post(admin_url(Fact, "change", fact.pk), data)

    assert response.status_code == 200
    assert "is published but cites no source" in response.text
    assert fact.citations.get() == citation


def test_editor_who_cannot_see_citations_cannot_publish_an_unsourced_fact(client):
    # May publish (else the status field refuses first), but not see citations.
    editor = factories.UserFactory(is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="orgs", codename__in=["add_fact", "change_fact", "view_fact"]
        )
        | Permission.objects.filter(content_type__app_label="editorial", codename="publish_content")
    )
    client.force_login(editor)
    organization = factories.OrganizationFactory()

    refused = client.post(admin_url(Fact, "add"), fact_form(organization))
    saved = client.post(admin_url(Fact, "add"), fact_form(organization, status="draft"))

    assert "is published but cites no source" in refused.text
    assert saved.status_code == 302
    assert Fact.objects.get(slug=FACT_SLUG).status == "draft"


def test_a_term_published_from_the_person_page_before_it_is_cited_is_refused(admin_client):
    organization = factories.OrganizationFactory()
    data = {
        "name": "Brunson McKinley",
        "native_name": "",
        "sort_name": "McKinley, Brunson",
        "nationality": "American",
        "born": "1943",
        "died": "",
        "summary": "",
        "slug": "admin-test-brunson-mckinley",
        "status": "draft",
        "edit_summary": "Added from the IOM biography.",
        **management_form("citations", 0),
        **management_form("terms", 1),
        "terms-0-organization": organization.pk,
        "terms-0-role": Term.Role.DIRECTOR_GENERAL,
        "terms-0-portfolio": "",
        "terms-0-start": "1998-10-01",
        "terms-0-end": "2008-09-30",
        "terms-0-in_office_on": "",
        "terms-0-note": "",
        "terms-0-slug": "admin-test-dg-1998",
        "terms-0-status": "published",
    }

    refused = admin_client.post(admin_url(Person, "add"), data)
    saved = admin_client.post(admin_url(Person, "add"), {**data, "terms-0-status": "draft"})

    assert "is published but cites no source" in refused.text
    assert saved.status_code == 302
    assert Term.objects.get(slug="admin-test-dg-1998").status == "draft"
