import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from editorial.preview import render_entry
from editorial.translation import translated
from members.models import State
from orgs.footnotes import Footnotes
from orgs.models import Fact, NameEra, Office, Organization, Term

from . import search

INFOBOX_FIGURES = (
    Fact.Kind.BUDGET,
    Fact.Kind.REVENUE,
    Fact.Kind.STAFF,
    Fact.Kind.MEMBER_STATES,
    Fact.Kind.OBSERVER_STATES,
)


def home(request):
    organization = get_object_or_404(
        Organization.objects.published().for_overview(), slug=settings.IOMSITE_ORGANIZATION
    )
    leader = (
        Term.objects.published()
        .heads()
        .current()
        .filter(organization=organization)
        .select_related("person")
        .with_citations()
        .first()
    )
    headquarters = (
        Office.objects.published()
        .filter(organization=organization, kind=Office.Kind.HEADQUARTERS)
        .with_citations()
        .first()
    )
    figures = (
        Fact.objects.published()
        .filter(organization=organization, kind__in=INFOBOX_FIGURES)
        .with_citations()
        .latest_by_kind()
    )
    name_eras = list(NameEra.objects.published().filter(organization=organization).with_citations())
    return render_entry(
        request,
        "home.html",
        {
            "organization": organization,
            "leader": leader,
            "headquarters": headquarters,
            "budget": newest(figures.get(Fact.Kind.BUDGET), figures.get(Fact.Kind.REVENUE)),
            "staff": figures.get(Fact.Kind.STAFF),
            "members": figures.get(Fact.Kind.MEMBER_STATES),
            "observers": figures.get(Fact.Kind.OBSERVER_STATES),
            "earlier_names": [era for era in name_eras if not era.is_current],
            "structured_data": organization_json_ld(
                organization,
                name_eras,
                headquarters,
                figures,
                page_url=request.build_absolute_uri(request.path),
                members=member_states(request),
            ),
            "footnotes": Footnotes(),
        },
        organization,
    )


def newest(*facts):
    """The most recent of the figures given (the first of those dated alike)."""
    known = [fact for fact in facts if fact is not None]
    return max(known, key=lambda fact: fact.at.isoformat(), default=None)


def search_page(request):
    query, notice = search.clean_query(request.GET.get("q", ""))
    found = search.search(query) if query else search.Found()
    return render(
        request,
        "search.html",
        {
            "search_query": query,
            "notice": notice,
            "results": found.results,
            "suggestion": found.suggestion,
            "searched": bool(query),
        },
    )


def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    searches = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            searches.append(f"Disallow: {reverse('search')}")
    lines = ["User-agent: *", "Disallow: /admin/", *searches, f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def member_states(request):
    """schema.org Country entries for the states with a sourced membership
    running today, by ISO code (one query)."""
    return [
        {
            "@type": "Country",
            "name": state.name,
            "identifier": state.code,
            "url": request.build_absolute_uri(state.get_absolute_url()),
        }
        for state in State.objects.published().current_members().order_by("code")
    ]


def organization_json_ld(organization, name_eras, headquarters, figures, page_url="", members=()):
    """schema.org data for search engines: this page, in its language, about the
    organization, with dated figures as observations and the member states whose
    membership a source dates."""
    data = {
        "@type": "Organization",
        "name": translated(organization, "name"),
        "alternateName": sorted(
            {str(translated(era, text)) for era in name_eras for text in ("name", "acronym")}
            - {translated(organization, "name")}
        ),
        "url": organization.website or None,
        "foundingDate": organization.founded.isoformat() if organization.founded else None,
        "sameAs": [organization.website] if organization.website else [],
    }
    if headquarters:
        data["location"] = {
            "@type": "Place",
            "name": translated(headquarters, "name"),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": translated(headquarters, "city"),
                "addressCountry": translated(headquarters, "country"),
            },
        }
    observations = [
        {
            "@type": "Observation",
            "variableMeasured": variable,
            "observationDate": fact.at.isoformat(),
            "measuredValue": _number(fact.value),
        }
        for variable, fact in (
            ("numberOfEmployees", figures.get(Fact.Kind.STAFF)),
            ("memberStates", figures.get(Fact.Kind.MEMBER_STATES)),
            ("observerStates", figures.get(Fact.Kind.OBSERVER_STATES)),
        )
        if fact is not None
    ]
    if figures.get(Fact.Kind.STAFF):
        data["numberOfEmployees"] = {
            "@type": "QuantitativeValue",
            "value": _number(figures[Fact.Kind.STAFF].value),
        }
    if observations:
        data["subjectOf"] = observations
    if members:
        data["member"] = list(members)
    page = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "url": page_url or None,
        "inLanguage": get_language(),
        "mainEntity": {k: v for k, v in data.items() if v},
    }
    text = json.dumps({k: v for k, v in page.items() if v}, cls=DjangoJSONEncoder, indent=1)
    # Keep the data from closing its <script> element early.
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(escaped)


def _number(value):
    return int(value) if value == value.to_integral_value() else float(value)
