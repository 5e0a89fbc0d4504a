"""The two editorial roles and exactly what each may do.

Editors write: they add and change every kind of content and its citations, and
propose changes to published entries (``PendingChange``). Reviewers can do all
that and also publish, unpublish and revert (``orgs.publish_content``).

This module imports no models, so the data migration that creates the groups can
use ``group_permissions()`` with the historical models, and the tests compare the
groups in the database with it.
"""

EDITORS = "Editors"
REVIEWERS = "Reviewers"

# The ``--role`` of ``manage.py create_user``, and the group each one joins.
ROLE_GROUPS = {"editor": EDITORS, "reviewer": REVIEWERS}

PUBLISH_PERMISSION = "orgs.publish_content"

# Every model built on orgs.content.Content (tests check that none is missing).
CONTENT_MODELS = [
    ("orgs", "source"),
    ("orgs", "organization"),
    ("orgs", "seealso"),
    ("orgs", "nameera"),
    ("orgs", "person"),
    ("orgs", "term"),
    ("orgs", "office"),
    ("orgs", "fact"),
    ("timeline", "event"),
    ("critiques", "critic"),
    ("critiques", "criticism"),
    ("critiques", "quotation"),
]

# Every model built on orgs.content.CitationBase.
CITATION_MODELS = [
    ("orgs", "organizationcitation"),
    ("orgs", "seealsocitation"),
    ("orgs", "nameeracitation"),
    ("orgs", "personcitation"),
    ("orgs", "termcitation"),
    ("orgs", "officecitation"),
    ("orgs", "factcitation"),
    ("timeline", "eventcitation"),
    ("critiques", "criticismcitation"),
]

WORKFLOW_MODELS = [("orgs", "pendingchange")]

# Looked up, not edited, from content forms: a criticism's topics are chosen by
# autocomplete, which needs the view permission on the related model.
LOOKUP_MODELS = [("critiques", "topic")]

EDITING_ACTIONS = ("view", "add", "change", "delete")


def group_permissions():
    """{group name: sorted [(app label, codename), ...]} for both roles."""
    editors = [
        (app_label, f"{action}_{model_name}")
        for app_label, model_name in [*CONTENT_MODELS, *CITATION_MODELS, *WORKFLOW_MODELS]
        for action in EDITING_ACTIONS
    ]
    editors += [(app_label, f"view_{model_name}") for app_label, model_name in LOOKUP_MODELS]
    app_label, codename = PUBLISH_PERMISSION.split(".")
    return {
        EDITORS: sorted(editors),
        REVIEWERS: sorted([*editors, (app_label, codename)]),
    }


def can_publish(user):
    """Whether the user may publish, unpublish and revert content."""
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))
