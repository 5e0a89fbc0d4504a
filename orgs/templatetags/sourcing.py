from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from orgs.footnotes import citations_for

register = template.Library()


def _markers(footnotes, citations):
    return format_html_join(
        "",
        '<sup class="fn" id="{}"><a href="#{}" aria-label="{}">[{}]</a></sup>',
        (
            (
                anchor,
                note.anchor,
                gettext("Source %(number)s") % {"number": note.number},
                note.number,
            )
            for note, anchor in footnotes.cite(citations)
        ),
    )


@register.simple_tag(takes_context=True)
def cite(context, obj, supports=None):
    """Footnote markers for the sources of ``obj``, or of one of its fields."""
    return _markers(context["footnotes"], citations_for(obj, supports))


@register.simple_tag(takes_context=True)
def cited_text(context, obj, field, supports=None):
    """A text field as paragraphs, with the footnote markers closing the last one.

    ``supports`` names the field the citations back; by default the citations of
    the whole entry.
    """
    paragraphs = linebreaks_filter(getattr(obj, field), autoescape=True)
    markers = _markers(context["footnotes"], citations_for(obj, supports))
    if paragraphs.endswith("</p>"):
        return mark_safe(f"{paragraphs[: -len('</p>')]}{markers}</p>")
    return format_html("{}{}", paragraphs, markers)


@register.simple_tag(takes_context=True)
def cite_source(context, obj):
    """The footnote marker for a record that names its own ``source`` (a quotation)."""
    return _markers(context["footnotes"], [obj])


@register.filter
def partial_date(value):
    """A PartialDate as a <time> element that machines can read; "" for none."""
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), value)
