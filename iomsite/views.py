import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe

from editorial.preview import render_entry
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
            "structured_data": organization_json_ld(organization, name_eras, headquarters, figures),
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
    results = search.search(query) if query else []
    return render(
        request,
        "search.html",
        {
            "search_query": query,
            "notice": notice,
            "results": results,
            "searched": bool(query),
        },
    )


def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /search/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def organization_json_ld(organization, name_eras, headquarters, figures):
    """schema.org data for search engines, with dated figures as observations."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organization.name,
        "alternateName": sorted(
            {era.name for era in name_eras if era.name != organization.name}
            | {era.acronym for era in name_eras}
        ),
        "url": organization.website or None,
        "foundingDate": organization.founded.isoformat() if organization.founded else None,
        "sameAs": [organization.website] if organization.website else [],
    }
    if headquarters:
        data["location"] = {
            "@type": "Place",
            "name": headquarters.name,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": headquarters.city,
                "addressCountry": headquarters.country,
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
    text = json.dumps({k: v for k, v in data.items() if v}, cls=DjangoJSONEncoder, indent=1)
    # Keep the data from closing its <script> element early.
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(escaped)


def _number(value):
    return int(value) if value == value.to_integral_value() else float(value)
