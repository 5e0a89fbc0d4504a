"""The licence of the site's own text and data, stated on every download and API answer."""

from django.utils.translation import gettext_lazy as _

LICENSE_NAME = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_STATEMENT = _(
    "The site's own text and data are licensed under CC BY 4.0: reuse them with credit "
    "to the IOM reference and a link to the page. Quotations remain their authors' and "
    "are reproduced as quotations; the sources remain their publishers'."
)


def licence():
    """The "license" field of every JSON answer."""
    return {"name": LICENSE_NAME, "url": LICENSE_URL, "statement": str(LICENSE_STATEMENT)}


def add_licence_link(response):
    """Say the licence in an HTTP header too, so that a CSV or a zip carries it."""
    response["Link"] = f'<{LICENSE_URL}>; rel="license"'
    return response
