"""``manage.py create_user``: a staff user in the group of their role, with a
password asked for (or read from the environment) and never printed."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from editorial.roles import EDITORS, REVIEWERS
from tests import factories

pytestmark = pytest.mark.django_db


PASSWORD = "Unusual-Harbour-Lantern-42"


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
