"""The interface speaks French and Spanish: every string of the source is in the
catalogs, translated, with its placeholders; the set-up compiles them without GNU
gettext; and a French or Spanish reader gets the pages, error pages included, and
the editors the admin, in their language."""

import gettext
import os
import shutil
import subprocess

import polib
import pytest
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from django.utils import translation
from django.views import defaults

from iomsite import catalogs
from iomsite.views import home
from tests import factories

ROOT = settings.BASE_DIR
LANGUAGES = catalogs.TRANSLATED_LANGUAGES


def catalog(language, locale_dir=catalogs.LOCALE_DIR):
    return locale_dir / language / "LC_MESSAGES" / "django.po"


def entry_keys(path):
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in polib.pofile(str(path))}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_not_fuzzy_with_the_same_placeholders(language):
    assert catalogs.problems(catalog(language)) == []


def test_the_french_and_spanish_catalogs_hold_the_same_entries():
    assert entry_keys(catalog("fr")) == entry_keys(catalog("es"))


def test_the_problems_found_name_untranslated_fuzzy_and_placeholder_faults(tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Untranslated", msgstr=""))
    po.append(polib.POEntry(msgid="Guessed", msgstr="Deviné", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Page %(number)s", msgstr="Page %(numéro)s"))
    po.append(polib.POEntry(msgid="Kept %(n)s", msgstr="Gardé %(n)s"))
    path = tmp_path / "xx" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    po.save(str(path))

    found = catalogs.problems(path)

    assert found == [
        "xx: 'Untranslated' is not translated",
        "xx: 'Guessed' is fuzzy",
        "xx: 'Page %(number)s': placeholders ['%(numéro)s'] != ['%(number)s']",
    ]


def copy_of_the_sources(destination):
    """The project's files that makemessages reads, and the catalogs, elsewhere."""
    skipped = shutil.ignore_patterns(
        ".*", "node_modules", "staticfiles", "bench-results", "__pycache__", "*.mo", "*.json"
    )
    shutil.copytree(ROOT, destination, ignore=skipped)
    return destination


def test_the_catalogs_are_up_to_date_with_the_source(tmp_path, monkeypatch):
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext (GNU gettext) is missing: apt-get install gettext")
        pytest.skip("xgettext (GNU gettext) is not installed; CI runs this check")
    copy = copy_of_the_sources(tmp_path / "project")
    monkeypatch.chdir(copy)

    # makemessages writes into the copy's catalogs, as `make messages` would.
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", verbosity=0, **catalogs.EXTRACT_OPTIONS)

    for language in LANGUAGES:
        extracted = entry_keys(catalog(language, copy / "locale"))
        committed = entry_keys(catalog(language))
        assert {
            "new in the source (run `make messages` and translate)": extracted - committed,
            "gone from the source": committed - extracted,
        } == {
            "new in the source (run `make messages` and translate)": set(),
            "gone from the source": set(),
        }, language


def test_the_catalogs_compile_without_gnu_gettext(tmp_path, monkeypatch):
    locale_dir = tmp_path / "locale"
    shutil.copytree(catalogs.LOCALE_DIR, locale_dir, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setenv("PATH", str(tmp_path))  # no msgfmt to be found

    catalogs.compile_all(locale_dir)

    with open(locale_dir / "fr" / "LC_MESSAGES" / "django.mo", "rb") as compiled:
        french = gettext.GNUTranslations(compiled)
    assert french.gettext("Search the site") == "Rechercher sur le site"
    assert french.ngettext("%(counter)s event", "%(counter)s events", 2) == (
        "%(counter)s événements"
    )


@pytest.mark.parametrize("target", ["setup", "run", "test", "deploy"])
def test_the_set_up_compiles_the_catalogs_before_serving_or_testing(target):
    dry_run = subprocess.run(
        [shutil.which("make") or "make", "-n", target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert ".venv/bin/python -m iomsite.catalogs" in dry_run


def test_the_deploy_compiles_the_catalogs_before_it_serves():
    deploy = (ROOT / "bin" / "deploy").read_text()

    assert deploy.index('"$python" -m iomsite.catalogs') < deploy.index("exec ")


def test_django_reads_the_catalogs_compile_all_writes():
    assert [str(path) for path in settings.LOCALE_PATHS] == [str(catalogs.LOCALE_DIR)]


def reader_request(path="/"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "navigation"),
    [
        ("fr", ["Présentation", "Histoire", "Dirigeants", "Structure et chiffres"]),
        ("es", ["Presentación", "Historia", "Dirigentes", "Estructura y cifras"]),
    ],
)
def test_a_reader_in_french_or_spanish_gets_the_navigation_in_that_language(language, navigation):
    with translation.override(language):
        html = home(reader_request()).text

    assert f'<html lang="{language}">' in html
    for label in navigation:
        assert f">{label}<" in html
    assert ">Leaders<" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"), [("fr", "Page introuvable"), ("es", "Página no encontrada")]
)
def test_the_404_page_speaks_the_readers_language(language, title):
    with translation.override(language):
        response = defaults.page_not_found(reader_request("/nowhere/"), Exception())

    assert response.status_code == 404
    assert f"<h1>{title}</h1>" in response.text
    assert "Page not found" not in response.text


@pytest.mark.parametrize(
    ("language", "title"), [("fr", "Une erreur s’est produite"), ("es", "Algo ha fallado")]
)
def test_the_500_page_speaks_the_readers_language(language, title):
    with translation.override(language):
        response = defaults.server_error(reader_request("/broken/"))

    assert response.status_code == 500
    assert f'<html lang="{language}">' in response.text
    assert f"<h1>{title}</h1>" in response.text
    assert "Something went wrong" not in response.text


def test_djangos_own_validation_errors_come_translated():
    with translation.override("fr"):
        with pytest.raises(forms.ValidationError) as refused:
            forms.CharField().clean("")
        messages = refused.value.messages  # lazy: read in the language in force

    assert messages == ["Ce champ est obligatoire."]


@pytest.mark.django_db
def test_the_editors_admin_works_in_french():
    request = RequestFactory().get("/admin/")
    request.user = factories.EditorFactory()

    with translation.override("fr"):
        response = admin.site.index(request)
        response.render()

    html = response.text
    assert response.status_code == 200
    assert "Rédaction d’iomsite" in html  # the site's own header
    assert "Déconnexion" in html  # Django's admin catalog: "Log out"
    assert "Log out" not in html
