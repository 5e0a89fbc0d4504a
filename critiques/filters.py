"""The criticism list's filters: by critic, year and topic, each chosen from a list.

Every choice list is read from the database once per request, when the filterset
is made, so checking a value never costs a query of its own: any value not offered
(an unknown or draft critic, "abc" for a year, a very long string) is a form error
rather than a database lookup.
"""

import django_filters
from django.db.models import CharField
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from editorial.content import Status
from editorial.translation import translated
from orgs.widgets import ListSelect

from .models import Critic, Criticism, Topic


def critic_choices():
    """Published critics with at least one published criticism, by name."""
    critics = Critic.objects.published().filter(criticisms__status=Status.PUBLISHED)
    return list(critics.distinct().values_list("slug", "name"))


def topic_choices():
    """Topics of at least one published criticism, by name in the reader's language."""
    topics = Topic.objects.filter(criticisms__status=Status.PUBLISHED).distinct()
    names = [(topic.slug, translated(topic, "name")) for topic in topics]
    return sorted(names, key=lambda choice: choice[1].casefold())


def year_choices():
    """The years of published criticisms, latest first."""
    years = (
        Criticism.objects.published()
        .annotate(year=Substr("date", 1, 4, output_field=CharField()))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return [(year, year) for year in years]


class CriticismFilter(django_filters.FilterSet):
    critic = django_filters.ChoiceFilter(
        field_name="critics__slug",
        label=_("Critic"),
        empty_label=_("Any critic"),
        widget=ListSelect,
        error_messages={"invalid_choice": _("Choose a critic from the list.")},
    )
    year = django_filters.ChoiceFilter(
        field_name="date",
        lookup_expr="startswith",
        label=_("Year"),
        empty_label=_("Any year"),
        widget=ListSelect,
        error_messages={"invalid_choice": _("Choose a year from the list.")},
    )
    topic = django_filters.ChoiceFilter(
        field_name="topics__slug",
        label=_("Topic"),
        empty_label=_("Any topic"),
        widget=ListSelect,
        error_messages={"invalid_choice": _("Choose a topic from the list.")},
    )

    class Meta:
        model = Criticism
        fields = ["critic", "year", "topic"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.form.fields
        fields["critic"].choices = critic_choices()
        fields["year"].choices = year_choices()
        fields["topic"].choices = topic_choices()

    @property
    def is_filtered(self):
        """Whether the request asked for any filter, valid or not."""
        return any(self.data.get(name) for name in self.filters)
