"""Every reader-facing text of the published seed has a French and a Spanish
version: a reader of either language meets no "not yet translated" mark."""

import pytest

from editorial import registry, translation
from editorial.content import Content

pytestmark = pytest.mark.django_db


def untranslated_in_seed(language):
    """["timeline.event event-1989-renamed-iom: summary", ...] for ``language``."""
    missing = []
    for registration in registry.registrations():
        model = registration.model
        if not translation.translated_fields(model):
            continue
        entries = model._default_manager.all()
        if issubclass(model, Content):
            entries = entries.published()
        for entry in entries:
            for name in translation.untranslated(entry, language):
                missing.append(f"{registration.label} {entry.slug}: {name}")
    return missing


@pytest.mark.parametrize("language", translation.LANGUAGES)
def test_every_published_text_of_the_seed_is_translated(language):
    missing = untranslated_in_seed(language)

    assert missing == [], f"{len(missing)} fields lack a translation, first: {missing[:10]}"
