from django import template

from editorial.public import history_url

register = template.Library()


@register.simple_tag
def entry_history_url(entry):
    """The address of the entry's public history page ("" if it has none)."""
    return history_url(entry)
