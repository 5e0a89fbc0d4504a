"""Dates known to a year, a month or a day.

A claim such as "renamed in 1980" must never be shown as "1 January 1980". A
``PartialDate`` keeps exactly the precision its source supports and is stored as
the matching ISO 8601 prefix ("1980", "1958-05", "1958-05-07"). Those strings sort
in time order, so the database can order and compare them directly.
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _

from editorial.l10n import language_format

PARTIAL_DATE_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self):
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Raises ValueError for impossible dates such as 1958-02-30 or month 0.
        datetime.date(
            self.year,
            1 if self.month is None else self.month,
            1 if self.day is None else self.day,
        )

    @classmethod
    def parse(cls, text):
        """Read "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raise ValidationError otherwise."""
        match = PARTIAL_DATE_PATTERN.match(str(text).strip())
        if not match:
            raise ValidationError(
                _("“%(value)s” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD."),
                code="invalid_partial_date",
                params={"value": text},
            )
        parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
        try:
            return cls(**parts)
        except ValueError:
            raise ValidationError(
                _("“%(value)s” is not a real calendar date."),
                code="impossible_date",
                params={"value": text},
            ) from None

    @classmethod
    def from_date(cls, value):
        return cls(value.year, value.month, value.day)

    @property
    def precision(self):
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def isoformat(self):
        """The ISO prefix; also a valid value for HTML's <time datetime>."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def earliest(self):
        """The first day this date could mean."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self):
        """The last day this date could mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return datetime.date(self.year, month, day)

    @property
    def decade(self):
        return self.year - self.year % 10

    def __str__(self):
        """The date at its precision, as the reader's language writes it:
        "5 December 1951", "1er décembre 1951", "5 de diciembre de 1951",
        "diciembre de 1951", "1980" (formats from iomsite/formats)."""
        day = self.earliest()
        if self.precision == Precision.DAY:
            name = "FIRST_DAY_DATE_FORMAT" if self.day == 1 else "DATE_FORMAT"
            return dateformat.format(day, language_format(name))
        if self.precision == Precision.MONTH:
            return dateformat.format(day, language_format("YEAR_MONTH_FORMAT"))
        return str(self.year)

    def __repr__(self):
        return f"PartialDate({self.isoformat()!r})"


def spans_overlap(first, second):
    """Whether two spans certainly share time, whatever their dates' precision.

    Each span is a (start, end) pair of PartialDates; an end of None means the
    span is still running. Spans touch without overlapping when one ends in the
    period the other starts ("1952-10" then "1952-10"): a hand-over, not a clash.
    """
    (first_start, first_end), (second_start, second_end) = first, second
    return _starts_before_end(first_start, second_end) and _starts_before_end(
        second_start, first_end
    )


def _starts_before_end(start, end):
    return end is None or start.latest() < end.earliest()
