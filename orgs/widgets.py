"""Form widgets for the public pages."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe


class ListSelect(forms.Select):
    """A drop-down list that may hold hundreds of choices (critics, topics).

    Renders the same HTML as ``forms.Select``, but directly in Python: the stock
    widget builds a dictionary and includes a template for every option, which
    costs more than the rest of the page once the list is long.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = self.format_value(value)
        options = "\n".join(
            '<option value="{}"{}>{}</option>'.format(
                escape(str(choice)),
                " selected" if str(choice) in chosen else "",
                escape(str(label)),
            )
            for choice, label in self.choices
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>\n{options}\n</select>')
