"""Once created the Editors and Reviewers groups. The editorial engine now gives
each group exactly its permissions after every migrate (``editorial.roles
.sync_groups``), so this migration does nothing; it stays so that databases that
applied it keep a consistent history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("orgs", "0002_pendingchange_reviewcomment")]

    operations = []
