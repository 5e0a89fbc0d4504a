"""The organization's records. Each module imports the ones it points to, so they
register with the editorial engine (and so stand in the fixtures) in the order of
their dependencies: sources, organizations, people, structure."""

from .organizations import (
    NameEra,
    NameEraCitation,
    Organization,
    OrganizationCitation,
    SeeAlso,
    SeeAlsoCitation,
    end_not_before_start,
)
from .people import Person, PersonCitation, Term, TermCitation
from .sources import Source, doi_validator, un_symbol_validator, validate_isbn
from .structure import Fact, FactCitation, Office, OfficeCitation

__all__ = [
    "Fact",
    "FactCitation",
    "NameEra",
    "NameEraCitation",
    "Office",
    "OfficeCitation",
    "Organization",
    "OrganizationCitation",
    "Person",
    "PersonCitation",
    "SeeAlso",
    "SeeAlsoCitation",
    "Source",
    "Term",
    "TermCitation",
    "doi_validator",
    "end_not_before_start",
    "un_symbol_validator",
    "validate_isbn",
]
