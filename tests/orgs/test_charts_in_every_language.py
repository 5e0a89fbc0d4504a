"""Charts are drawn the same in every language: SVG reads coordinates only with a
decimal point, so a French or Spanish page must not write them with a comma."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation

from orgs import views

pytestmark = pytest.mark.django_db

# An SVG number attribute written the French or Spanish way: x="35,9".
LOCALIZED_COORDINATE = re.compile(r'\b(?:x|y|x1|x2|y1|y2|cx|cy|width|height)="-?\d+,\d+"')
COORDINATE = re.compile(r'\bx="-?\d+\.\d+"')


def page_in(language, view, path):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    with translation.override(language):
        return view(request).text


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize(
    ("view", "path"),
    [
        (views.leaders, "/leaders/"),
        (views.structure, "/structure/"),
        (views.name_era_list, "/names/"),
    ],
)
def test_chart_coordinates_keep_the_decimal_point_in_french_and_spanish(language, view, path):
    html = page_in(language, view, path)

    assert "<svg" in html
    assert LOCALIZED_COORDINATE.findall(html) == []
    assert COORDINATE.search(html), "no fractional coordinate: the test would prove nothing"
