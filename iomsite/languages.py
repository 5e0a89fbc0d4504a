"""The site in English, French and Spanish: which language a request is in, and
the same page's address in each language.

English pages keep their unprefixed addresses; French and Spanish pages are the
same addresses under /fr/ and /es/ (``i18n_patterns`` in iomsite.urls). The
address alone says the language: an unprefixed address always means English,
whatever the browser asks for, so every address is one page, cacheable as such.
"""

from dataclasses import dataclass

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.text import capfirst

# Open Graph names a locale as language_TERRITORY; the site's English is British
# ("5 December 1951"), its French and Spanish those of the IOM's own pages.
OPEN_GRAPH_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES"}


class PathLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its ``Vary: Accept-Language``.

    Django adds that header to unprefixed pages, as if their language could
    follow the browser's; here it cannot (an unprefixed address is English), so
    the header would only split shared caches for nothing.
    """

    def process_response(self, request, response):
        vary_before = response.get("Vary")
        response = super().process_response(request, response)
        if vary_before is None:
            del response["Vary"]
        else:
            response["Vary"] = vary_before
        return response


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str  # in its own language: "Français"
    path: str  # the same page in that language, query string kept
    canonical_url: str  # absolute, without the query string: for hreflang
    is_current: bool

    @property
    def open_graph_locale(self):
        return OPEN_GRAPH_LOCALES[self.code]


def language_versions(request):
    """The request's page in each of the site's languages, English first.

    A page that no address names (a 404) has no twin: its versions are each
    language's home page.
    """
    current = translation.get_language()
    page_exists = _resolves(request.path_info)
    query = request.META.get("QUERY_STRING", "")
    versions = []
    for code, _name in settings.LANGUAGES:
        if page_exists:
            canonical = translate_url(request.path, code)
        else:
            with translation.override(code):
                canonical = reverse("home")
        path = f"{canonical}?{query}" if query and page_exists else canonical
        info = translation.get_language_info(code)
        versions.append(
            LanguageVersion(
                code=code,
                name=capfirst(info["name_local"]),
                path=path,
                canonical_url=request.build_absolute_uri(canonical),
                is_current=code == current,
            )
        )
    return versions


def _resolves(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True
