"""A reader never sees a claim whose sources they cannot see.

The rule (``editorial.sourcing``): a published entry cites only published sources.
Publishing an entry publishes the draft sources it cites in the same change, and
the reviewer is told which; a source cited by a published entry cannot be
unpublished; paths without a reviewer (the fixture loader) refuse instead."""

import json

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from editorial import sourcing, workflow
from loader.loader import LoadError, load
from orgs.models import Fact, Organization, Person, Source
from tests import factories
from tests.admin_forms import (
    action_data,
    admin_url,
    change_form_data,
    changelist_tokens,
    current_token,
    form_data,
    queue_post,
)
from timeline.models import Event

pytestmark = pytest.mark.django_db

SOURCE_TITLE = "Pop-up Annual Report"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def add_source_in_popup(client, **fields):
    url = admin_url(Source, "add") + "?_to_field=id&_popup=1"
    page = client.get(url)
    data = {
        **form_data(page),
        "kind": Source.Kind.REPORT,
        "title": SOURCE_TITLE,
        "slug": "pop-up-annual-report",
        "published": "2024",
        "status": "draft",
        "edit_summary": "New source for the staff figure.",
        "_to_field": "id",
        "_popup": "1",
        **fields,
    }
    response = client.post(url, data)
    assert response.status_code == 200, response.context and response.context["errors"]
    return Source.objects.get(slug=data["slug"])


def add_staff_figure(client, source, **fields):
    organization = Organization.objects.get(slug=settings.IOMSITE_ORGANIZATION)
    page = client.get(admin_url(Fact, "add"))
    data = {
        **form_data(page),
        "organization": organization.pk,
        "kind": Fact.Kind.STAFF,
        "value": "21500",
        "unit": Fact.Unit.COUNT,
        "qualifier": Fact.Qualifier.ABOUT,
        "at": "2099-12",
        "rank": Fact.Rank.NORMAL,
        "slug": "staff-2099-12",
        "status": "review",
        "edit_summary": "Added the staff figure of the pop-up report.",
        "citations-0-source": source.pk,
        "citations-0-locator": "p. 7",
        **fields,
    }
    response = client.post(admin_url(Fact, "add"), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    return Fact.objects.get(slug=data["slug"])


def test_a_figure_citing_a_source_made_in_the_popup_is_published_with_a_visible_footnote():
    """The reported journey: the new source stays a draft, the reviewer publishes
    the figure from the queue, and readers must see the figure's footnote."""
    editor = logged_in(factories.EditorFactory())
    source = add_source_in_popup(editor)
    fact = add_staff_figure(editor, source)
    reviewer = logged_in(factories.ReviewerFactory())

    response = queue_post(reviewer, "admin:review_publish", fact, current_token(fact))

    assert response.status_code == 302
    reader = Client()
    html = reader.get(reverse("orgs:figures", args=[Fact.Kind.STAFF])).text
    row = html[html.index(f'id="fact-{fact.slug}"') :].split("</tr>")[0]
    assert "about 21,500" in row
    assert 'class="fn"' in row
    references = html[html.index('class="references"') :]
    assert f'href="{source.get_absolute_url()}"' in references
    assert reader.get(source.get_absolute_url()).status_code == 200


def test_publishing_from_the_queue_publishes_the_draft_sources_and_names_them_in_their_history():
    draft = factories.SourceFactory(status="draft", title="Draft Staff Survey")
    fact = factories.FactFactory(status="review", cites=[draft])
    reviewer = logged_in(factories.ReviewerFactory())

    response = queue_post(reviewer, "admin:review_publish", fact, current_token(fact))

    draft.refresh_from_db()
    assert draft.status == "published"
    reason = draft.history.first().history_change_reason
    assert reason.startswith(f"Published with Fact “{fact}”")
    [message] = [str(m) for m in reviewer.get(response.url).context["messages"]]
    assert "Also published the sources it cites: “" in message
    assert str(draft) in message


def test_publishing_with_the_action_publishes_the_draft_sources():
    draft = factories.SourceFactory(status="draft")
    event = factories.EventFactory(status="review", cites=[draft])
    reviewer = logged_in(factories.ReviewerFactory())
    tokens = changelist_tokens(reviewer, Event, search=event.slug)

    reviewer.post(admin_url(Event, "changelist"), action_data("publish_selected", [event], tokens))

    event.refresh_from_db()
    draft.refresh_from_db()
    assert (event.status, draft.status) == ("published", "published")


def test_a_pending_change_citing_a_draft_source_publishes_it_with_the_change():
    fact = factories.FactFactory()
    draft = factories.SourceFactory(status="draft")
    editor = logged_in(factories.EditorFactory())
    data = change_form_data(
        editor,
        fact,
        edit_summary="Cited the new survey.",
        **{"citations-1-source": draft.pk, "citations-1-locator": "p. 2"},
    )
    assert editor.post(admin_url(Fact, "change", fact.pk), data).status_code == 302
    reviewer_user = factories.ReviewerFactory()

    message = workflow.publish(Fact, fact.pk, reviewer_user, token=current_token(fact))

    draft.refresh_from_db()
    assert draft.status == "published"
    assert draft.history.first().history_user == reviewer_user
    assert "Cited the new survey." in draft.history.first().history_change_reason
    assert str(draft) in message


def test_a_reviewers_own_save_as_published_publishes_the_draft_sources_and_says_so():
    draft = factories.SourceFactory(status="draft", title="Draft Census")
    reviewer = logged_in(factories.ReviewerFactory())
    fact = add_staff_figure(reviewer, draft, status="published")

    draft.refresh_from_db()
    assert (fact.status, draft.status) == ("published", "published")
    messages = [str(m) for m in reviewer.get(admin_url(Fact, "changelist")).context["messages"]]
    [published] = [m for m in messages if "Also published the sources it cites: “" in m]
    assert "Draft Census" in published


def test_a_claim_published_inline_by_a_reviewer_publishes_its_draft_sources():
    draft = factories.SourceFactory(status="draft")
    term = factories.TermFactory(status="draft", cites=[draft])
    reviewer = logged_in(factories.ReviewerFactory())
    data = change_form_data(
        reviewer, term.person, edit_summary="Published the term.", **{"terms-0-status": "published"}
    )

    assert reviewer.post(admin_url(Person, "change", term.person.pk), data).status_code == 302

    term.refresh_from_db()
    draft.refresh_from_db()
    assert (term.status, draft.status) == ("published", "published")


def test_reverting_to_a_version_citing_a_now_unpublished_source_publishes_it():
    first = factories.SourceFactory()
    person = factories.PersonFactory(nationality="Swiss", cites=[first])
    version = person.history.first()
    person.nationality = "Martian"
    person.save()
    person.citations.get().delete()
    person.citations.create(source=factories.SourceFactory())
    first.status = "draft"
    first.full_clean()  # no published entry cites it any more
    first.save()
    reviewer = logged_in(factories.ReviewerFactory())

    url = admin_url(Person, "history_revert", person.pk, version.history_id)
    response = reviewer.post(url, {"summary": "Back to the first source."})

    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == "published"
    messages = [str(m) for m in reviewer.get(response.url).context["messages"]]
    assert any(str(first) in m for m in messages)


def test_only_a_reviewer_can_publish_the_sources_a_published_entry_cites():
    draft = factories.SourceFactory(status="draft")
    fact = factories.FactFactory(cites=[draft])

    with pytest.raises(PermissionDenied):
        sourcing.publish_cited_sources(fact, user=factories.EditorFactory(), summary="")

    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_source_cited_by_a_published_entry_cannot_be_unpublished():
    source = factories.SourceFactory()
    fact = factories.FactFactory(cites=[source])
    quotation = factories.QuotationFactory(source=source)
    source.status = "draft"

    with pytest.raises(ValidationError) as refused:
        source.full_clean()

    message = " ".join(refused.value.messages)
    assert "must stay published" in message
    assert str(fact) in message and str(quotation) in message


def test_a_reviewer_unpublishing_a_cited_source_in_the_admin_is_refused_naming_the_claims():
    source = factories.SourceFactory()
    fact = factories.FactFactory(cites=[source])
    reviewer = logged_in(factories.ReviewerFactory())
    data = change_form_data(reviewer, source, status="draft", edit_summary="Unpublished.")

    response = reviewer.post(admin_url(Source, "change", source.pk), data)

    assert response.status_code == 200
    assert "must stay published" in response.text
    assert f"Fact “{fact}”" in response.text.replace("&#x27;", "'")
    source.refresh_from_db()
    assert source.status == "published"


def test_a_source_that_only_drafts_cite_can_be_unpublished():
    source = factories.SourceFactory()
    factories.FactFactory(status="draft", cites=[source])
    source.status = "draft"

    source.full_clean()


def test_the_loader_refuses_a_published_claim_citing_an_unpublished_source(tmp_path):
    records = [
        {
            "model": "orgs.source",
            "fields": {"slug": "draft-report", "status": "draft", "kind": "report", "title": "R"},
        },
        {
            "model": "orgs.organization",
            "fields": {"slug": "test-org", "status": "published", "name": "T", "kind": "ngo"},
        },
        {
            "model": "orgs.organizationcitation",
            "fields": {"claim": ["test-org"], "source": ["draft-report"]},
        },
    ]
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(records), encoding="utf-8")

    with pytest.raises(LoadError) as refused:
        load([path])

    [problem] = refused.value.problems
    assert problem.startswith("claims.json, record 2 (orgs.organization 'test-org')")
    assert "draft-report" in problem and "cites sources readers cannot see" in problem
    assert not Organization.objects.filter(slug="test-org").exists()


def test_the_loader_refuses_a_new_citation_of_an_unpublished_source_by_a_stored_claim(tmp_path):
    person = factories.PersonFactory(slug="stored-person")
    factories.SourceFactory(slug="draft-report", status="draft")
    record = {
        "model": "orgs.personcitation",
        "fields": {"claim": ["stored-person"], "source": ["draft-report"]},
    }
    path = tmp_path / "citations.json"
    path.write_text(json.dumps([record]), encoding="utf-8")

    with pytest.raises(LoadError) as refused:
        load([path])

    [problem] = refused.value.problems
    assert problem.startswith("citations.json, record 1")
    assert "'stored-person' is published but cites the source 'draft-report'" in problem
    assert person.citations.count() == 1


def test_public_pages_never_show_a_citation_of_an_unpublished_source(client):
    """An entry published before the rule (or changed behind the site's back) may
    cite a draft source: readers never see that citation."""
    organization = Organization.objects.get(slug=settings.IOMSITE_ORGANIZATION)
    draft = factories.SourceFactory(status="draft", title="Hidden Draft Report")
    fact = factories.FactFactory(organization=organization, kind=Fact.Kind.STAFF, cites=[draft])
    event = factories.EventFactory(cites=[draft, factories.SourceFactory()])

    figures = client.get(reverse("orgs:figures", args=[Fact.Kind.STAFF])).text
    event_page = client.get(event.get_absolute_url()).text

    assert f'id="fact-{fact.slug}"' in figures
    for html in (figures, event_page):
        assert "Hidden Draft Report" not in html
        assert draft.get_absolute_url() not in html
    assert client.get(draft.get_absolute_url()).status_code == 404
