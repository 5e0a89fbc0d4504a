"""The two editorial roles and exactly what each may do.

Editors write: they add and change every registered kind of content and its
citations, and propose changes to published entries (``PendingChange``). Reviewers
can do all that and also publish, unpublish and revert (``editorial.publish_content``).

The groups are built from the registry: after every ``migrate``, ``sync_groups()``
gives each group exactly ``group_permissions()``, so a newly registered model's
permissions reach both roles with no migration of the engine's own.
"""

EDITORS = "Editors"
REVIEWERS = "Reviewers"

# The ``--role`` of ``manage.py create_user``, and the group each one joins.
ROLE_GROUPS = {"editor": EDITORS, "reviewer": REVIEWERS}

PUBLISH_PERMISSION = "editorial.publish_content"

# Editors propose changes to published entries as pending changes.
WORKFLOW_MODELS = [("editorial", "pendingchange")]

EDITING_ACTIONS = ("view", "add", "change", "delete")


def _names(models):
    return [(model._meta.app_label, model._meta.model_name) for model in models]


def group_permissions():
    """{group name: sorted [(app label, codename), ...]} for both roles."""
    from . import registry

    edited = [
        *_names(registry.content_models()),
        *_names(registry.citation_models()),
        *WORKFLOW_MODELS,
    ]
    editors = [
        (app_label, f"{action}_{model_name}")
        for app_label, model_name in edited
        for action in EDITING_ACTIONS
    ]
    # Looked up, not edited, from content forms (a criticism's topics are chosen by
    # autocomplete, which needs the view permission on the related model).
    editors += [(app_label, f"view_{name}") for app_label, name in _names(registry.lookup_models())]
    app_label, codename = PUBLISH_PERMISSION.split(".")
    return {
        EDITORS: sorted(editors),
        REVIEWERS: sorted([*editors, (app_label, codename)]),
    }


def sync_groups(using="default", **kwargs):
    """Give each role's group exactly its permissions: a ``post_migrate`` receiver.

    Django creates each app's permissions as that app's ``post_migrate`` is sent, so
    those of every app are created here first, whatever the order of the apps."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    for name, wanted in group_permissions().items():
        permissions = [
            Permission.objects.using(using).get(
                content_type__app_label=app_label, codename=codename
            )
            for app_label, codename in wanted
        ]
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(permissions)


def can_publish(user):
    """Whether the user may publish, unpublish and revert content (reviewers, and
    superusers, who hold every permission)."""
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))
