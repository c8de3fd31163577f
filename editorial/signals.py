"""A section created after `setup_editorial` ran gets the workflow and the writers' rights too."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from articles.models import ArticleIndexPage

from .roles import grant_section_permissions
from .workflow import assign_to_section


@receiver(post_save, sender=ArticleIndexPage, dispatch_uid="editorial_new_section")
def equip_new_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_to_section(instance)
        grant_section_permissions(instance)
