"""Editors and Reviewers: the groups' exact permissions, what each may delete
and publish, and the login wall."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from editorial import registry
from editorial.content import Content
from editorial.models import PendingChange
from editorial.roles import EDITORS, REVIEWERS, group_permissions
from orgs.citations import CitationBase
from orgs.models import Fact, FactCitation
from tests import factories
from tests.admin_forms import action_data, admin_url, change_form_data, changelist_tokens

pytestmark = pytest.mark.django_db


# Permissions of each role


@pytest.mark.parametrize("name", [EDITORS, REVIEWERS])
def test_group_has_exactly_the_permissions_of_its_role(name):
    group = Group.objects.get(name=name)

    granted = sorted(group.permissions.values_list("content_type__app_label", "codename"))

    assert granted == group_permissions()[name]


def test_reviewers_have_what_editors_have_and_may_publish():
    roles = group_permissions()

    assert set(roles[REVIEWERS]) - set(roles[EDITORS]) == {("editorial", "publish_content")}


def test_the_roles_cover_every_content_and_citation_model():
    editing = {codename for _app, codename in group_permissions()[EDITORS]}

    for model in [m for m in apps.get_models() if issubclass(m, Content | CitationBase)]:
        assert f"change_{model._meta.model_name}" in editing, model
    assert {m for m in apps.get_models() if issubclass(m, Content)} == set(
        registry.content_models()
    )


def test_editors_may_edit_content_but_not_publish():
    editor = factories.EditorFactory()

    assert editor.has_perm("orgs.change_fact")
    assert editor.has_perm("timeline.add_eventcitation")
    assert editor.has_perm("editorial.add_pendingchange")
    assert not editor.has_perm("editorial.publish_content")
    assert factories.ReviewerFactory().has_perm("editorial.publish_content")


# Deleting


def test_editors_cannot_delete_a_published_entry(client):
    fact = factories.FactFactory()
    client.force_login(factories.EditorFactory())

    page = client.get(admin_url(Fact, "delete", fact.pk))
    refused = client.post(admin_url(Fact, "delete", fact.pk), {"post": "yes"})

    assert page.status_code == 403
    assert refused.status_code == 403
    assert Fact.objects.filter(pk=fact.pk).exists()


def test_editors_cannot_delete_published_entries_from_the_change_list(client):
    fact = factories.FactFactory()
    client.force_login(factories.EditorFactory())
    data = {**action_data("delete_selected", [fact], {fact.pk: ""}), "post": "yes"}
    del data["index"]

    response = client.post(admin_url(Fact, "changelist"), data)

    assert response.status_code == 403
    assert Fact.objects.filter(pk=fact.pk).exists()


def test_editors_may_delete_a_draft(client):
    fact = factories.FactFactory(status="draft")
    client.force_login(factories.EditorFactory())

    response = client.post(admin_url(Fact, "delete", fact.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Fact.objects.filter(pk=fact.pk).exists()


def test_reviewers_may_delete_a_published_entry(client):
    fact = factories.FactFactory()
    client.force_login(factories.ReviewerFactory())

    response = client.post(admin_url(Fact, "delete", fact.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Fact.objects.filter(pk=fact.pk).exists()


# Anonymous visitors


@pytest.mark.parametrize(
    "name",
    [
        "admin:review_queue",
        "admin:orgs_fact_changelist",
        "admin:editorial_pendingchange_changelist",
    ],
)
def test_anonymous_users_are_sent_to_the_login_page(name):
    url = reverse(name)

    response = Client().get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={url}"


def test_anonymous_posts_to_the_review_queue_change_nothing():
    fact = factories.FactFactory(status="review")

    response = Client().post(
        reverse("admin:review_publish"),
        {
            "content_type": ContentType.objects.get_for_model(Fact).pk,
            "object_id": fact.pk,
            "token": f"{fact.version}.0",
        },
    )

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    fact.refresh_from_db()
    assert fact.status == "review"


# Unpublishing, and deleting in bulk


def test_an_editor_cannot_unpublish_a_published_entry(client):
    fact = factories.FactFactory()
    client.force_login(factories.EditorFactory())
    data = change_form_data(client, fact, status="draft", edit_summary="Withdrawing it.")

    client.post(admin_url(Fact, "change", fact.pk), data)

    fact.refresh_from_db()
    assert fact.status == "published"
    proposals = PendingChange.objects.for_entry(fact)
    assert [p.values.get("status", "published") for p in proposals] in ([], ["published"])


def test_deleting_entries_in_bulk_from_the_change_list_records_a_deletion_row_for_each(client):
    facts = [factories.FactFactory(), factories.FactFactory()]
    client.force_login(factories.ReviewerFactory())
    tokens = changelist_tokens(client, Fact)
    data = {**action_data("delete_selected", facts, tokens), "post": "yes"}

    response = client.post(admin_url(Fact, "changelist"), data)

    assert response.status_code == 302
    for fact in facts:
        assert fact.history.latest("history_date").history_type == "-"
        citation_rows = FactCitation.history.filter(claim_id=fact.pk)
        assert {row.history_type for row in citation_rows} == {"+", "-"}
