"""The whole-site data dump: the published content in the fixture format, with
its sources, as one zip that ``load_content`` loads into an empty database.

Built by the fixture exporter (``loader.exporter``: published records only,
natural keys, stable order), less the editors' notes, which are never public.
The answer is built on request and kept by the page cache under the current
content version, so it is rebuilt once after each change and served from the
cache until the next one.
"""

import io
import json
import tempfile
import zipfile
from pathlib import Path

from django.http import HttpResponse
from django.utils import timezone

from editorial.content import INTERNAL_FIELDS
from loader.exporter import export
from loader.format import dump

from .http import read_only
from .licence import LICENSE_STATEMENT, LICENSE_URL

FOLDER = "iomsite-data"
README = """IOM reference: the published content of the site
Built {built} from the content then published.

Each .json file is in the site's fixture format (Django's JSON serialization with
natural keys). Load every file into an empty database of the site with:

    python manage.py load_content {folder}/*.json

Counts of records: {counts}

Licence: {statement}
{url}
"""


def public(text):
    """A fixture file's records without the editors' notes."""
    records = json.loads(text)
    for record in records:
        for name in INTERNAL_FIELDS:
            record["fields"].pop(name, None)
    return dump(records)


def build_dump():
    """The zip's bytes, and {file name: record count}."""
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as directory:
        counts = export(directory)
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in sorted(counts):
                text = (Path(directory) / name).read_text(encoding="utf-8")
                archive.writestr(f"{FOLDER}/{name}", public(text))
            archive.writestr(
                f"{FOLDER}/README.txt",
                README.format(
                    built=timezone.now().isoformat(timespec="seconds"),
                    folder=FOLDER,
                    counts=", ".join(f"{name} {count}" for name, count in sorted(counts.items())),
                    statement=LICENSE_STATEMENT,
                    url=LICENSE_URL,
                ),
            )
    return buffer.getvalue(), counts


@read_only
def data_dump(request):
    content, _counts = build_dump()
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{FOLDER}.zip"'
    return response
