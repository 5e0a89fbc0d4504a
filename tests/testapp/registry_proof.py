"""A content model gets the whole editorial engine from one registration line
(run by tests/editorial/test_registry.py, with tests.testapp.settings).

``tests.testapp`` holds a throwaway claim, ``Gadget``, with its citation model, an
admin and ``@register()``; nothing in ``editorial`` names it. These tests show that
it gets what every content model gets.
"""

import pytest
from django.contrib.auth.models import Group

from editorial import public, registry, workflow
from editorial.admin.review import queue
from editorial.checks import every_content_model_is_registered
from editorial.roles import EDITORS, REVIEWERS
from iomsite.models import ContentVersion
from tests import factories
from tests.testapp.models import Gadget, GadgetCitation

pytestmark = pytest.mark.django_db


def published_gadget(name="Sprocket", slug="sprocket"):
    gadget = Gadget.objects.create(name=name, slug=slug, status="draft")
    GadgetCitation.objects.create(claim=gadget, source=factories.SourceFactory())
    gadget.status = "published"
    gadget._change_reason = "Added the sprocket"
    gadget.save()
    return gadget


def test_the_registration_names_the_model_and_derives_its_citations():
    assert Gadget in registry.content_models()
    assert registry.citation_model(Gadget) is GadgetCitation
    assert GadgetCitation in registry.tracked_models()


@pytest.mark.parametrize("group", [EDITORS, REVIEWERS])
def test_both_roles_may_edit_the_new_model_and_its_citations(group):
    granted = set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))

    assert {"change_gadget", "add_gadgetcitation", "delete_gadgetcitation"} <= granted


def test_changes_to_the_new_model_are_kept_in_its_history():
    gadget = published_gadget()

    assert gadget.history.first().history_change_reason == "Added the sprocket"


def test_a_gadget_in_review_waits_in_the_review_queue():
    Gadget.objects.create(name="Cog", slug="cog", status="review")

    assert "cog" in [item.entry.slug for item in queue()]


def test_a_reviewer_publishes_the_new_model_through_the_workflow():
    gadget = Gadget.objects.create(name="Cog", slug="cog", status="review")
    GadgetCitation.objects.create(claim=gadget, source=factories.SourceFactory())

    workflow.publish(
        Gadget, gadget.pk, factories.ReviewerFactory(), token=workflow.token_of(gadget, None)
    )

    gadget.refresh_from_db()
    assert gadget.is_published


def test_the_new_model_has_a_public_history_page(client):
    published_gadget()

    response = client.get("/changes/testapp/gadget/sprocket/")

    assert response.status_code == 200
    assert "Added the sprocket" in response.text


def test_the_new_model_is_listed_among_the_recent_updates():
    published_gadget()

    changes, _has_next = public.recent_changes()

    assert "Added the sprocket" in [change.summary for change in changes if not change.is_load]


def test_a_write_to_the_new_model_retires_the_cached_pages(django_capture_on_commit_callbacks):
    before = ContentVersion.current()

    with django_capture_on_commit_callbacks(execute=True):
        published_gadget()

    assert ContentVersion.current() > before


def test_a_content_model_left_unregistered_fails_the_system_checks(monkeypatch):
    others = {model: r for model, r in registry._registrations.items() if model is not Gadget}
    monkeypatch.setattr(registry, "_registrations", others)

    errors = every_content_model_is_registered()

    assert [(error.id, error.obj) for error in errors] == [("editorial.E001", Gadget)]


def test_the_new_model_gets_api_endpoints_and_a_schema(client):
    gadget = published_gadget()

    listed = client.get("/api/v1/gadgets/").json()
    detail = client.get(f"/api/v1/gadgets/{gadget.slug}/").json()

    assert [item["key"] for item in listed["results"]] == ["sprocket"]
    assert detail["name"] == "Sprocket"
    assert len(detail["citations"]) == 1
    assert "/api/v1/gadgets/{key}/" in client.get("/api/v1/openapi.json").json()["paths"]
