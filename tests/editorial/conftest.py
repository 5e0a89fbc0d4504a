"""Clients signed in as an editor and as a reviewer, for the editorial tests."""

import pytest
from django.test import Client

from tests import factories
from tests.editorial.workflow_helpers import login


@pytest.fixture
def editor_client(client):
    return login(client, factories.EditorFactory())


@pytest.fixture
def reviewer_client():
    return login(Client(), factories.ReviewerFactory())
