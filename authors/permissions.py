"""Who decides on guests' profile changes: whoever may change authors' profiles.

Guests propose changes from their own profile page, so nobody adds or deletes one in the admin.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

DECIDING_ACTIONS = ("view", "change")


class ProfileChangePermissionPolicy(ModelPermissionPolicy):
    def __init__(self):
        super().__init__("authors.ProfileChange", auth_model="authors.Author")

    def user_has_permission(self, user, action):
        return action in DECIDING_ACTIONS and super().user_has_permission(user, "change")

    def users_with_any_permission(self, actions):
        if not set(actions) & set(DECIDING_ACTIONS):
            return get_user_model().objects.none()
        return super().users_with_any_permission(["change"])


profile_change_policy = ProfileChangePermissionPolicy()
