"""Reading the language's formats (iomsite/formats, Django's format modules)."""

from django.conf import settings
from django.utils import formats, translation


def language_format(name):
    """The active language's format ``name``: Django's or the site's own.

    With no language active (Django turns translation off to write the admin's
    log messages), the site's default language's, so that the site's own formats,
    which Django's settings do not define, are still found.
    """
    return formats.get_format(name, lang=translation.get_language() or settings.LANGUAGE_CODE)
