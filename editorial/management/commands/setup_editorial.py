"""Create or repair the staff groups, their rights and the "Editorial review" workflow.

Idempotent: deploys, `scripts/serve` and tests run it after `migrate`.
"""

from django.core.management import BaseCommand
from django.db import transaction
from django.utils import translation

from editorial.roles import remove_empty_stock_group, sync_roles
from editorial.workflow import deactivate_stock_workflow, sync_workflow


class Command(BaseCommand):
    help = "Set up the Writers, Translators and Editors groups and the Editorial review workflow."

    def handle(self, *args, **options):
        with translation.override("en"), transaction.atomic():
            groups = sync_roles()
            workflow = sync_workflow(groups)
            if deactivate_stock_workflow():
                self.stdout.write("Deactivated Wagtail's stock 'Moderators approval' workflow.")
            if remove_empty_stock_group():
                self.stdout.write("Removed Wagtail's stock 'Moderators' group (it had no members).")
        self.stdout.write(
            f"Groups {', '.join(groups)} and workflow '{workflow.name}' with "
            f"{workflow.workflow_tasks.count()} tasks are in place."
        )
