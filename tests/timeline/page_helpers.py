"""Helpers of the tests of the History and timeline pages."""

import re
from urllib.parse import urlencode

from django.urls import reverse

from tests import factories

ERAS = [
    (
        "PICMME",
        "Provisional Intergovernmental Committee for the Movement of Migrants from Europe",
        "1951-12-05",
        "1952-11-15",
    ),
    ("ICEM", "Intergovernmental Committee for European Migration", "1952-11-15", "1980-11-19"),
    ("ICM", "Intergovernmental Committee for Migration", "1980-11-19", "1989-11-14"),
    ("IOM", "International Organization for Migration", "1989-11-14", None),
]


def list_url(**params):
    url = reverse("timeline:list")
    if params:
        url += "?" + urlencode(params)
    return url


def titles(response):
    """Event titles in the order the list shows them."""
    return re.findall(r'<h3 id="event-\d+"><a href="[^"]+">([^<]+)</a></h3>', response.text)


def event(**kwargs):
    return factories.EventFactory(**kwargs)
