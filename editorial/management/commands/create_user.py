"""``manage.py create_user USERNAME --role editor|reviewer [--email ...]``

Creates a staff user in the Editors or Reviewers group. The password is asked
twice (never echoed, never printed); scripts pass ``--no-input`` and the
password in the environment variable IOMSITE_PASSWORD.
"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from editorial.roles import ROLE_GROUPS

PASSWORD_VARIABLE = "IOMSITE_PASSWORD"


class Command(BaseCommand):
    @property
    def help(self):
        # Translated when the parser is built: argparse needs plain strings.
        return _(
            "Create a staff user who is an editor or a reviewer. The password is asked "
            "twice; with --no-input it is read from the environment variable IOMSITE_PASSWORD."
        )

    def add_arguments(self, parser):
        parser.add_argument("username", help=_("The new user's login name."))
        parser.add_argument(
            "--role",
            required=True,
            help=_("editor (writes and proposes) or reviewer (also publishes)."),
        )
        parser.add_argument("--email", default="", help=_("The user's e-mail address."))
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help=_("Do not ask for the password: read it from IOMSITE_PASSWORD."),
        )

    def handle(self, *args, username, role, email, interactive, **options):
        User = get_user_model()
        group_name = ROLE_GROUPS.get(role)
        if group_name is None:
            raise CommandError(
                _("Unknown role “%(role)s”: choose %(roles)s.")
                % {"role": role, "roles": _(" or ").join(ROLE_GROUPS)}
            )
        try:
            User.username_validator(username)
            if email:
                validate_email(email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        if User._default_manager.filter(**{User.USERNAME_FIELD: username}).exists():
            raise CommandError(
                _("A user named “%(username)s” already exists; nothing was changed.")
                % {"username": username}
            )
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            raise CommandError(
                _("The group “%(group)s” does not exist: run “manage.py migrate” first.")
                % {"group": group_name}
            )

        password = self.read_password(interactive)
        user = User(**{User.USERNAME_FIELD: username}, email=email, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(
                _("The password was refused: %(reasons)s Nothing was created.")
                % {"reasons": " ".join(error.messages)}
            ) from None

        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(group)
        self.stdout.write(
            self.style.SUCCESS(
                _("Created %(role)s “%(username)s” (staff, in the group %(group)s).")
                % {"role": role, "username": username, "group": group_name}
            )
        )

    def read_password(self, interactive):
        if not interactive:
            password = os.environ.get(PASSWORD_VARIABLE, "")
            if not password:
                raise CommandError(
                    _("With --no-input, give the password in the environment variable %(name)s.")
                    % {"name": PASSWORD_VARIABLE}
                )
            return password
        password = getpass.getpass(_("Password: "))
        again = getpass.getpass(_("Password (again): "))
        if password != again:
            raise CommandError(_("The two passwords differ; nothing was created."))
        if not password:
            raise CommandError(_("The password cannot be empty; nothing was created."))
        return password
