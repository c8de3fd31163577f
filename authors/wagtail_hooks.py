from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .invitation_views import InviteGuestView
from .invitations import INVITE_PERMISSION
from .models import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "credentials"]
    list_filter = ["kind"]
    search_fields = ["name"]


register_snippet(AuthorViewSet)


class InviteMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(INVITE_PERMISSION)


@hooks.register("register_admin_urls")
def register_invitation_url():
    return [path("authors/invite/", InviteGuestView.as_view(), name="invite_guest_author")]


@hooks.register("register_admin_menu_item")
def register_invitation_menu_item():
    return InviteMenuItem(
        _("Invite a guest author"), reverse_lazy("invite_guest_author"), icon_name="mail", order=215
    )
