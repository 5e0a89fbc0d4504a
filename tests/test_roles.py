"""Editors and Reviewers: the groups' exact permissions, what each may delete,
the login wall, and ``manage.py create_user``."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
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

PASSWORD = "Unusual-Harbour-Lantern-42"


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


def test_the_publish_permission_is_described_as_the_issue_says():
    [(codename, name)] = PendingChange._meta.permissions

    assert (codename, name) == ("publish_content", "Can publish, unpublish and revert content")


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


# manage.py create_user


def run_create_user(*args, passwords=(PASSWORD, PASSWORD), monkeypatch=None):
    answers = iter(passwords)
    monkeypatch.setattr(
        "editorial.management.commands.create_user.getpass.getpass", lambda prompt="": next(answers)
    )
    out, err = StringIO(), StringIO()
    call_command("create_user", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("role", "group"), [("editor", EDITORS), ("reviewer", REVIEWERS)])
def test_create_user_makes_a_staff_user_in_the_role_group(monkeypatch, role, group):
    run_create_user("ana", "--role", role, "--email", "ana@example.org", monkeypatch=monkeypatch)

    user = User.objects.get(username="ana")
    assert user.is_staff and not user.is_superuser
    assert user.email == "ana@example.org"
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert user.check_password(PASSWORD)


def test_create_user_never_prints_the_password(monkeypatch, capsys):
    out, err = run_create_user("ben", "--role", "editor", monkeypatch=monkeypatch)
    captured = capsys.readouterr()

    assert "ben" in out
    for text in (out, err, captured.out, captured.err):
        assert PASSWORD not in text


def test_create_user_refuses_passwords_that_differ(monkeypatch):
    with pytest.raises(CommandError, match="The two passwords differ"):
        run_create_user(
            "cleo",
            "--role",
            "editor",
            passwords=(PASSWORD, PASSWORD + "x"),
            monkeypatch=monkeypatch,
        )

    assert not User.objects.filter(username="cleo").exists()


def test_create_user_refuses_a_weak_password_without_printing_it(monkeypatch):
    with pytest.raises(CommandError, match="The password was refused") as refusal:
        run_create_user(
            "dan", "--role", "editor", passwords=("12345678", "12345678"), monkeypatch=monkeypatch
        )

    assert "12345678" not in str(refusal.value)
    assert not User.objects.filter(username="dan").exists()


def test_create_user_refuses_an_existing_user(monkeypatch):
    factories.UserFactory(username="eve")

    with pytest.raises(CommandError, match="A user named “eve” already exists"):
        run_create_user("eve", "--role", "editor", monkeypatch=monkeypatch)


def test_create_user_refuses_an_unknown_role(monkeypatch):
    with pytest.raises(CommandError, match="Unknown role “admin”: choose editor or reviewer"):
        run_create_user("fay", "--role", "admin", monkeypatch=monkeypatch)

    assert not User.objects.filter(username="fay").exists()


def test_create_user_without_input_reads_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("IOMSITE_PASSWORD", PASSWORD)

    def no_prompt(prompt=""):
        raise AssertionError("asked for a password")

    monkeypatch.setattr("editorial.management.commands.create_user.getpass.getpass", no_prompt)
    call_command("create_user", "gus", "--role", "reviewer", "--no-input", stdout=StringIO())

    assert User.objects.get(username="gus").check_password(PASSWORD)


def test_create_user_without_input_needs_the_environment_variable(monkeypatch):
    monkeypatch.delenv("IOMSITE_PASSWORD", raising=False)

    with pytest.raises(CommandError, match="IOMSITE_PASSWORD"):
        call_command("create_user", "hal", "--role", "editor", "--no-input", stdout=StringIO())

    assert not User.objects.filter(username="hal").exists()


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
