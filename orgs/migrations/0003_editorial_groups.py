"""The Editors and Reviewers groups, with exactly the permissions of
``orgs.roles.group_permissions()``."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from orgs.roles import group_permissions


def create_groups(apps, schema_editor):
    # post_migrate has not run yet on a fresh database, so the content types and
    # permissions of these apps may not exist: create them first.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in group_permissions().items():
        permissions = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in wanted
        ]
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def delete_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=group_permissions()).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("orgs", "0002_pendingchange_reviewcomment"),
        ("timeline", "0001_initial"),
        ("critiques", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
