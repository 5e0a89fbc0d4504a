from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .languages import language_versions


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    view_names: frozenset

    @property
    def url(self):
        return reverse(self.url_name)


SECTIONS = (
    Section(_("Overview"), "home", frozenset({"home", "orgs:organization"})),
    # "History" is also the admin's word for an entry's versions: French and
    # Spanish say the two differently (Histoire / Historique).
    Section(
        pgettext_lazy("site section", "History"),
        "timeline:list",
        frozenset({"timeline:list", "timeline:event"}),
    ),
    Section(_("Names"), "orgs:names", frozenset({"orgs:names", "orgs:name-era"})),
    Section(_("Leaders"), "orgs:leaders", frozenset({"orgs:leaders", "orgs:person"})),
    Section(
        _("Structure and figures"),
        "orgs:structure",
        frozenset({"orgs:structure", "orgs:figures", "orgs:country-offices"}),
    ),
    Section(_("Members"), "members:list", frozenset({"members:list", "members:state"})),
    Section(
        _("Criticisms"),
        "critiques:list",
        frozenset({"critiques:list", "critiques:criticism", "critiques:critic"}),
    ),
    Section(_("Sources"), "orgs:sources", frozenset({"orgs:sources", "orgs:source"})),
    Section(_("Recent updates"), "updates", frozenset({"updates"})),
)


def site(request):
    """The site's sections (each marked current when the page belongs to it), the
    page's canonical address, which leaves out the query string, and the page in
    each language (the switcher and the hreflang alternates)."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else None
    versions = language_versions(request)
    return {
        "sections": [(section, view_name in section.view_names) for section in SECTIONS],
        "canonical_url": request.build_absolute_uri(request.path),
        "language_versions": versions,
        "current_language": next(version for version in versions if version.is_current),
    }
