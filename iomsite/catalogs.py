"""The interface's translation catalogs: compiled without GNU gettext, checked, refreshed.

The French and Spanish catalogs (``locale/<lang>/LC_MESSAGES/django.po``) are kept in
git; their compiled ``.mo`` files are not. ``make setup`` and ``bin/deploy`` compile
them with ``python -m iomsite.catalogs`` (polib, pure Python), so a fresh machine
serves French and Spanish without ``msgfmt``, and every machine writes the same bytes.

Refreshing the catalogs from the source does need GNU gettext (``xgettext``, through
Django's ``makemessages``): ``make messages`` runs ``manage.py update_catalogs``,
which extracts with ``EXTRACT_OPTIONS`` and lists what is left to translate.
The same options drive the test that fails when the catalogs are out of date.
"""

import re
import sys
from pathlib import Path

import polib

# Also settings.LOCALE_PATHS (a test holds the two together); not read from the
# settings, so that compiling needs no configured environment.
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
TRANSLATED_LANGUAGES = ["fr", "es"]

# File names without line numbers: a catalog changes when a string does, not
# whenever code moves. Development tools and tests are not shown to readers.
EXTRACT_OPTIONS = {
    "locale": TRANSLATED_LANGUAGES,
    "domain": "django",
    "add_location": "file",
    "no_obsolete": True,
    "ignore_patterns": [
        ".venv/*",
        "node_modules/*",
        "devtools/*",
        "tests/*",
        "staticfiles/*",
        "bench-results/*",
        "locale/*",
    ],
}

# printf-style (%(name)s, %s, %d) and str.format ({}, {name}) placeholders.
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[sdifr]|\{[^{}]*\}")


def catalog_paths(locale_dir=LOCALE_DIR):
    return sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po"))


def compile_all(locale_dir=LOCALE_DIR):
    """Write each catalog's .mo beside it (fuzzy entries left out, as msgfmt does)."""
    compiled = []
    for po_path in catalog_paths(locale_dir):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        compiled.append(po_path)
    return compiled


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def problems(po_path):
    """What keeps a catalog from being complete: one line per entry at fault."""
    found = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete:
            continue
        name = f"{po_path.parts[-3]}: {entry.msgid!r}"
        if "fuzzy" in entry.flags:
            found.append(f"{name} is fuzzy")
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if not all(translations):
            found.append(f"{name} is not translated")
            continue
        expected = placeholders(entry.msgid)
        for number, translation in enumerate(translations):
            # A plural's singular form may leave out the number ("une entrée").
            if entry.msgid_plural and number > 0:
                expected = placeholders(entry.msgid_plural)
            if placeholders(translation) != expected and not (
                entry.msgid_plural and set(placeholders(translation)) <= set(expected)
            ):
                found.append(f"{name}: placeholders {placeholders(translation)} != {expected}")
    return found


def main(argv):
    if argv[1:] == ["--check"]:
        found = [line for path in catalog_paths() for line in problems(path)]
        print("\n".join(found) or "The catalogs are complete.")
        return 1 if found else 0
    if argv[1:]:
        print("usage: python -m iomsite.catalogs [--check]", file=sys.stderr)
        return 2
    for path in compile_all():
        print(f"compiled {path.relative_to(LOCALE_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
