"""What full_clean and the validators say, for the tests of the orgs models."""

import pytest
from django.core.exceptions import ValidationError

from orgs.dates import PartialDate

WEB_ADDRESS_MESSAGE = "Enter a web address that starts with http:// or https://."
END_BEFORE_START = "The end date is before the start date."


date = PartialDate.parse


def errors(instance):
    """full_clean's errors by field ("__all__" for the record), or {} when it is valid."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def all_messages(instance):
    return [message for messages in errors(instance).values() for message in messages]


def refused(validator, value):
    with pytest.raises(ValidationError) as error:
        validator(value)
    return error.value.messages
