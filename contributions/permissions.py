"""Who may do what with guest contributions in the admin: one policy for the inbox and invitations.

Guests write their pieces on the public site, so nobody adds a submission in the admin;
editors read and decide ("view", "change"), and inviting a guest is its own right.
"""

from wagtail.permission_policies import ModelPermissionPolicy

INVITE = "invite"  # the policy's action for the invitation form
INVITE_CODENAME = "invite_guest_author"
INVITE_PERMISSION = f"contributions.{INVITE_CODENAME}"


class GuestContributionPermissionPolicy(ModelPermissionPolicy):
    def __init__(self):
        super().__init__("contributions.GuestSubmission")

    def user_has_permission(self, user, action):
        if action == INVITE:
            return user.is_active and user.has_perm(INVITE_PERMISSION)
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(
            [action for action in actions if action not in ("add", INVITE)]
        )
        if INVITE in actions:
            users |= self._get_users_with_any_permission_codenames([INVITE_CODENAME])
        return users


guest_contribution_policy = GuestContributionPermissionPolicy()
