"""One document, one source record.

Two source records for one document split its citations and show it twice in a
page's references. A document is recognised by its web address or by an
identifier: DOI, ISBN or UN document symbol. Each is compared in a normal form,
so that spelling differences a reader would not notice do not hide a duplicate:

* web addresses without the scheme (http or https), a leading "www.", a
  trailing slash, the fragment, and tracking parameters (``utm_*``, ``fbclid``...);
* DOIs in lower case, without a "https://doi.org/" prefix;
* ISBNs as ISBN-13 digits (an ISBN-10 is converted, hyphens and spaces dropped);
* UN symbols in upper case, without spaces.

The fixture loader refuses two records that share one (``fixture_problems``),
and ``Source.clean`` refuses a source that shares one with a stored source
(``stored_duplicate``), so the rule holds for loads and editors alike.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

TRACKING_PARAMETERS = ("fbclid", "gclid", "mc_cid", "mc_eid", "igshid")
TRACKING_PREFIXES = ("utm_",)

# What each identifier is called in messages, and the field it is read from.
IDENTIFIER_FIELDS = {
    "url": _("web address"),
    "doi": _("DOI"),
    "isbn": _("ISBN"),
    "un_symbol": _("UN document symbol"),
}


def normal_url(url):
    """The address without what does not change the document it points to."""
    url = (url or "").strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
    except ValueError:  # Not an address at all: compared as written.
        return url.lower()
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(
        sorted(
            (name, value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
            if name.lower() not in TRACKING_PARAMETERS
            and not name.lower().startswith(TRACKING_PREFIXES)
        )
    )
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{query}" if query else "")


def normal_doi(doi):
    doi = (doi or "").strip().lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        doi = doi.removeprefix(prefix)
    return doi


def normal_isbn(isbn):
    """ISBN-13 digits; an ISBN-10 is converted, so both forms of one book match."""
    characters = "".join(c for c in (isbn or "") if c.isdigit() or c in "Xx").upper()
    if len(characters) == 10:
        body = "978" + characters[:9]
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
        return body + str((10 - total % 10) % 10)
    return characters


def normal_un_symbol(symbol):
    return "".join((symbol or "").split()).upper()


NORMAL_FORMS = {
    "url": normal_url,
    "doi": normal_doi,
    "isbn": normal_isbn,
    "un_symbol": normal_un_symbol,
}


def identifiers(values):
    """{(field, normal form)} of a source's address and identifiers, given as a
    mapping of field name to value (a fixture record's fields, a row of values)."""
    found = set()
    for field, normalise in NORMAL_FORMS.items():
        normal = normalise(values.get(field) or "")
        if normal:
            found.add((field, normal))
    return found


def fixture_problems(records):
    """Why the source records among ``records`` cannot all be loaded: one message
    for each pair of records sharing an address or identifier, naming both.

    ``records`` are the loader's records (``model``, ``fields`` and ``label``).
    """
    first_seen = {}
    problems = []
    for record in records:
        if record.model._meta.label_lower != "orgs.source":
            continue
        for field, normal in sorted(identifiers(record.fields)):
            earlier = first_seen.setdefault((field, normal), record)
            if earlier is not record:
                problems.append(
                    f"{record.label}: the same {IDENTIFIER_FIELDS[field]} ({normal}) as "
                    f"{earlier.label}; one document is one source: merge the two records"
                )
    return problems


def stored_duplicate(source):
    """(field, other source) for a stored source sharing an address or identifier
    with ``source``, or None. Reads only the sources that could match."""
    own = identifiers({field: getattr(source, field) for field in NORMAL_FORMS})
    if not own:
        return None
    candidates = Q()
    for field, normal in own:
        if field == "url":
            candidates |= Q(url__icontains=normal.split("?")[0])
        elif field == "isbn":
            candidates |= ~Q(isbn="")  # Written with or without hyphens: compared below.
        else:
            candidates |= Q(**{f"{field}__iexact": normal})
    others = type(source)._default_manager.filter(candidates)
    if source.pk is not None:
        others = others.exclude(pk=source.pk)
    for other in others.only("slug", "title", "published", "authors", *NORMAL_FORMS):
        shared = own & identifiers({field: getattr(other, field) for field in NORMAL_FORMS})
        if shared:
            return min(shared)[0], other
    return None
