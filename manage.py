#!/usr/bin/env python
import importlib
import os
import sys


def development_unless_configured():
    """Management commands run on a developer's machine with no variable set: with
    neither DJANGO_DEBUG nor DJANGO_SECRET_KEY, the development settings. Set either
    (bin/deploy sets DJANGO_DEBUG=0) for the production ones. The app server
    (iomsite.wsgi) never guesses: it always requires the production settings."""
    if not any(os.environ.get(name, "").strip() for name in ("DJANGO_DEBUG", "DJANGO_SECRET_KEY")):
        os.environ["DJANGO_DEBUG"] = "1"


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iomsite.settings")
    development_unless_configured()
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        # The settings check the environment as they are read.
        importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    except ImproperlyConfigured as error:
        sys.exit(f"manage.py: {error}")  # one line naming the setting, not a traceback
    execute_from_command_line(sys.argv)
