"""Staff previews: staff see drafts and entries in review with a banner, never
cached; readers get a 404 and lists stay published-only."""

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_staff_preview_a_draft_with_a_banner_and_no_cache(editor_client):
    event = factories.EventFactory(status="draft", title="Draft Event Title")

    response = editor_client.get(event.get_absolute_url())

    assert response.status_code == 200
    assert "Preview: this entry is not published" in response.text
    assert "Draft Event Title" in response.text
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "private"} <= directives


@pytest.mark.parametrize(
    "factory",
    [
        factories.PersonFactory,
        factories.NameEraFactory,
        factories.SourceFactory,
        factories.OrganizationFactory,
        factories.EventFactory,
        factories.CriticismFactory,
        factories.CriticFactory,
    ],
    ids=lambda f: f._meta.model.__name__,
)
def test_every_detail_page_previews_entries_in_review_for_staff(editor_client, factory):
    entry = factory(status="review")

    response = editor_client.get(entry.get_absolute_url())

    assert response.status_code == 200
    assert "Preview: this entry is not published" in response.text


def test_anonymous_readers_get_404_for_a_draft():
    event = factories.EventFactory(status="draft")

    response = Client().get(event.get_absolute_url())

    assert response.status_code == 404


def test_staff_without_the_view_permission_get_404_for_a_draft(client):
    event = factories.EventFactory(status="draft")
    client.force_login(factories.UserFactory(is_staff=True))

    assert client.get(event.get_absolute_url()).status_code == 404


def test_published_pages_have_no_banner_and_may_be_cached(editor_client):
    event = factories.EventFactory()

    response = editor_client.get(event.get_absolute_url())

    assert "Preview: this entry is not published" not in response.text
    assert "no-store" not in response.get("Cache-Control", "")


def test_lists_stay_published_only_for_staff(editor_client):
    factories.SourceFactory(status="draft", title="Unpublished Zanzibar Report")

    response = editor_client.get(reverse("orgs:sources"))

    assert "Unpublished Zanzibar Report" not in response.text
