"""Helpers of the workflow tests: signing in, what the event add form posts,
the messages shown, and posts to the review queue."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.urls import reverse

from editorial import workflow
from tests.admin_forms import admin_url, form_data
from timeline.models import Event


def login(client, user):
    client.force_login(user)
    return client


def event_add_data(client, **fields):
    response = client.get(admin_url(Event, "add"))
    return {
        **form_data(response),
        "title": "Workflow test event",
        "slug": "workflow-test-event",
        "start": "1951-12-05",
        "category": Event.Category.FOUNDING,
        "summary": "Something happened.",
        "edit_summary": "Added from the founding conference's report.",
        **fields,
    }


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def follow_messages(client, response):
    return [str(m) for m in client.get(response.url).context["messages"]]


def queue_post(client, name, entry, token, **data):
    return client.post(
        reverse(name),
        {
            "content_type": ContentType.objects.get_for_model(entry).pk,
            "object_id": entry.pk,
            "token": token,
            **data,
        },
    )


def token(entry):
    entry.refresh_from_db()
    return workflow.token_of(entry, workflow.pending_for(entry))


def admin_request(user, path="/", data=None):
    request = RequestFactory().post(path, data or {})
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request
