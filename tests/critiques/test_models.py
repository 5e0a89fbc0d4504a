"""The rules of criticisms, critics, topics and quotations."""

import pytest
from django.core.exceptions import ValidationError

from critiques.models import Critic, Criticism, Quotation, Topic
from editorial.content import Status
from tests import factories

pytestmark = pytest.mark.django_db


def errors(instance):
    """full_clean's errors by field ("__all__" for the record), or {} when it is valid."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def criticism(**kwargs):
    """An unsaved criticism of a stored organization, to be checked with full_clean."""
    return factories.CriticismFactory.build(organization=factories.OrganizationFactory(), **kwargs)


def test_a_response_without_its_source_is_refused():
    answered = criticism(response="IOM said it follows the law.", response_source=None)

    assert errors(answered) == {"response_source": ["Name the source of the response."]}


def test_a_response_with_its_source_is_accepted():
    answered = criticism(
        response="IOM said it follows the law.", response_source=factories.SourceFactory()
    )

    assert errors(answered) == {}


def test_a_criticism_without_a_response_needs_no_response_source():
    assert errors(criticism(response="", response_source=None)) == {}


def made(slug, date, title="A criticism"):
    return factories.CriticismFactory(slug=f"critiques-model-{slug}", date=date, title=title)


def ours(queryset):
    """The criticisms these tests made, whatever the seed holds."""
    prefix = "critiques-model-"
    return [item.slug.removeprefix(prefix) for item in queryset.filter(slug__startswith=prefix)]


def test_criticisms_are_ordered_newest_first():
    made("old", "2008")
    made("newest", "2021-01-05")
    made("middle", "2019-06")

    assert ours(Criticism.objects.all()) == ["newest", "middle", "old"]


def test_criticisms_of_the_same_date_are_ordered_by_title():
    made("b", "2019-06", title="Pushbacks")
    made("a", "2019-06", title="Detention centres")

    assert ours(Criticism.objects.all()) == ["a", "b"]


def test_newest_first_breaks_ties_of_date_and_title_by_creation():
    first = made("first", "2019", title="Same title")
    second = made("second", "2019", title="Same title")

    assert first.pk < second.pk
    assert ours(Criticism.objects.newest_first()) == ["first", "second"]


def test_for_detail_shows_only_published_quotations_by_published_critics():
    target = factories.CriticismFactory(slug="critiques-model-quoted")
    shown = factories.QuotationFactory(criticism=target)
    factories.QuotationFactory(criticism=target, status=Status.DRAFT)
    factories.QuotationFactory(
        criticism=target, speaker=factories.CriticFactory(status=Status.DRAFT)
    )

    detail = Criticism.objects.for_detail().get(pk=target.pk)

    assert list(detail.quotations.all()) == [shown]


def test_for_listing_shows_only_published_critics():
    shown = factories.CriticFactory()
    hidden = factories.CriticFactory(status=Status.DRAFT)
    target = factories.CriticismFactory(slug="critiques-model-critics", critics=[shown, hidden])

    listed = Criticism.objects.for_listing().get(pk=target.pk)

    assert list(listed.critics.all()) == [shown]


def test_a_criticism_is_shown_by_title_and_links_to_its_page():
    found = Criticism(slug="pushbacks", title="Pushbacks in the Mediterranean")

    assert str(found) == "Pushbacks in the Mediterranean"
    assert found.get_absolute_url() == "/criticisms/pushbacks/"


def test_a_critic_is_shown_by_name_and_links_to_their_page():
    critic = Critic(slug="amnesty", name="Amnesty International")

    assert str(critic) == "Amnesty International"
    assert critic.get_absolute_url() == "/criticisms/critics/amnesty/"


def test_a_topic_is_shown_by_name():
    assert str(Topic(name="Detention")) == "Detention"


def test_topics_are_ordered_by_name():
    factories.TopicFactory(slug="critiques-model-z", name="Zzz last topic")
    factories.TopicFactory(slug="critiques-model-a", name="Aaa first topic")

    names = list(
        Topic.objects.filter(slug__startswith="critiques-model-").values_list("name", flat=True)
    )

    assert names == ["Aaa first topic", "Zzz last topic"]


def test_a_quotation_is_shown_by_speaker_and_the_start_of_the_words():
    words = "IOM has become the implementing arm of restrictive migration policies in Europe."
    quotation = Quotation(speaker=Critic(name="Amnesty International"), text=words)

    assert str(quotation) == f"Amnesty International: “{words[:60]}”"


def test_a_quotation_links_to_its_place_on_the_criticism_s_page():
    quotation = Quotation(slug="amnesty-2019", criticism=Criticism(slug="pushbacks"))

    assert quotation.get_absolute_url() == "/criticisms/pushbacks/#quote-amnesty-2019"
