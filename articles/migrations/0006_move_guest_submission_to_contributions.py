# GuestSubmission moved to the contributions app. Only the migration state forgets it here:
# the table and its rows stay, and contributions.0001 takes them over.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0005_published_at_defaults_to_first_publication'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='GuestSubmission')],
            database_operations=[],
        ),
    ]
