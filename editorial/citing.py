"""Cite this page: one entry at one published revision, in the styles researchers use.

``PageCitation`` knows nothing of the kind of entry it cites: a title, the date
of the revision shown, its permanent link and the day the reader opened it. It
words them as APA (7th edition), Chicago (notes and bibliography) and MLA (9th
edition) text for the page, and as BibTeX and RIS records to download. The site
is the author and publisher (its entries are written by its editors together).

Dates are those of the revision readers see (when it was published) and of the
access, today in the site's time zone; the page cache keeps pages a day at most
for that reason (see ``iomsite.page_cache``).
"""

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

SITE_NAME = gettext_lazy("IOM reference")

# MLA abbreviates months of more than four letters, with a full stop.
MLA_MONTHS = (
    pgettext_lazy("MLA month", "Jan."),
    pgettext_lazy("MLA month", "Feb."),
    pgettext_lazy("MLA month", "Mar."),
    pgettext_lazy("MLA month", "Apr."),
    pgettext_lazy("MLA month", "May"),
    pgettext_lazy("MLA month", "June"),
    pgettext_lazy("MLA month", "July"),
    pgettext_lazy("MLA month", "Aug."),
    pgettext_lazy("MLA month", "Sept."),
    pgettext_lazy("MLA month", "Oct."),
    pgettext_lazy("MLA month", "Nov."),
    pgettext_lazy("MLA month", "Dec."),
)

# Characters with a meaning in BibTeX values, written so that they print as themselves.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def one_line(text):
    """Text on one line: citation records are line-based."""
    return re.sub(r"\s+", " ", str(text)).strip()


def bibtex_text(text):
    return "".join(BIBTEX_ESCAPES.get(char, char) for char in one_line(text))


@dataclass
class PageCitation:
    title: str
    revision_date: datetime
    url: str  # the permanent link, absolute
    accessed: date
    key: str  # a BibTeX key and a file name: letters, digits, hyphens
    bibtex_url: str = ""
    ris_url: str = ""

    @property
    def site(self):
        return str(SITE_NAME)

    @property
    def revised(self) -> date:
        return timezone.localtime(self.revision_date).date()

    def apa(self):
        return format_html(
            _("{title}. ({date}). In <i>{site}</i>. Retrieved {accessed}, from {url}"),
            title=self.title.rstrip("."),
            date=format_date(self.revised, pgettext("APA date", "Y, F j")),
            site=self.site,
            accessed=format_date(self.accessed, pgettext("citation date", "F j, Y")),
            url=self.url,
        )

    def chicago(self):
        return format_html(
            _("“{title}.” {site}. Last modified {date}. Accessed {accessed}. {url}."),
            title=self.title.rstrip("."),
            site=self.site,
            date=format_date(self.revised, pgettext("citation date", "F j, Y")),
            accessed=format_date(self.accessed, pgettext("citation date", "F j, Y")),
            url=self.url,
        )

    def mla(self):
        return format_html(
            _("“{title}.” <i>{site}</i>, {date}, {url}. Accessed {accessed}."),
            title=self.title.rstrip("."),
            site=self.site,
            date=mla_date(self.revised),
            url=self.url,
            accessed=mla_date(self.accessed),
        )

    def note(self):
        return _("Version of %(date)s. Accessed %(accessed)s.") % {
            "date": format_date(self.revised, "j F Y"),
            "accessed": format_date(self.accessed, "j F Y"),
        }

    def bibtex(self):
        fields = [
            ("title", bibtex_text(self.title)),
            ("author", "{" + bibtex_text(self.site) + "}"),
            ("organization", bibtex_text(self.site)),
            ("year", str(self.revised.year)),
            ("month", str(self.revised.month)),
            ("date", self.revised.isoformat()),
            ("url", self.url),
            ("urldate", self.accessed.isoformat()),
            ("note", bibtex_text(self.note())),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}\n"

    def ris(self):
        lines = [
            ("TY", "ELEC"),
            ("TI", one_line(self.title)),
            ("AU", self.site),
            ("T2", self.site),
            ("PB", self.site),
            ("PY", str(self.revised.year)),
            ("DA", self.revised.strftime("%Y/%m/%d/")),
            ("UR", self.url),
            ("Y2", self.accessed.strftime("%Y/%m/%d/")),
            ("N1", one_line(self.note())),
            ("ER", ""),
        ]
        return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def mla_date(day):
    return f"{day.day} {MLA_MONTHS[day.month - 1]} {day.year}"


def citation_key(*parts):
    """'iomreference-orgs-person-amy-e-pope-123': safe in BibTeX and in file names."""
    return re.sub(r"[^A-Za-z0-9-]+", "-", "-".join(["iomreference", *map(str, parts)]))
