"""Forms of the guest-author area: a piece of writing, and the guest's own profile."""

import copy
import re

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from authors.models import Author, ProfileChange
from bilingual.languages import language_choices, localized_names

from .guest_accounts import guest_language, set_guest_language
from .guest_body import body_limit_problems, plain_text, sanitise_body, unsafe_content
from .guest_images import GuestImageField, save_as_wagtail_image
from .guest_limits import SUMMARY_MAX_CHARACTERS, piece_limit_problem
from .models import GuestSubmission

_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
MARKUP_MESSAGE = _("Write plain text here: HTML tags such as <script> are not allowed.")


def plain_text_only(value):
    """Titles, summaries and profiles are plain text; tags in them are refused, not stripped."""
    if value and _MARKUP.search(value):
        raise forms.ValidationError(MARKUP_MESSAGE, code="markup")


class CountedMessage:
    """A field's too-long message with its counts as readers write them ("1,200"): Django gives
    a `max_length` message the bare numbers as `show_value` and `limit_value`."""

    def __init__(self, message):
        self.message = message

    def __mod__(self, params):
        return self.message % {
            "length": f"{params['show_value']:,}",
            "limit": f"{params['limit_value']:,}",
        }


class GuestPasswordForm(SetPasswordForm):
    """Django's set-password form with the portal's own labels, translated with the rest."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Choose a password")
        self.fields["new_password2"].label = _("The same password again")


class GuestLoginForm(AuthenticationForm):
    """Guests log in with the email address their invitation went to."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Email address")
        self.fields["password"].label = _("Password")

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        return username.lower() if "@" in username else username


class SubmissionForm(forms.ModelForm):
    """Title, summary, body, language, image and consent; submitting asks for all of them."""

    form_key = forms.UUIDField(widget=forms.HiddenInput)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=SUMMARY_MAX_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences that appear under the title."),
        error_messages={
            "max_length": CountedMessage(
                _("The summary is %(length)s characters long; the most we accept is %(limit)s.")
            )
        },
    )
    image = GuestImageField(
        label=_("Image"),
        required=False,
        help_text=_("Optional. A JPEG, PNG, WebP or GIF picture you have the right to publish."),
    )

    class Meta:
        model = GuestSubmission
        fields = ["language", "title", "summary", "body", "image", "consent"]
        labels = {
            "language": _("Language of the piece"),
            "title": _("Title"),
            "body": _("Text"),
            "consent": _("I agree to the republication terms above."),
        }
        help_texts = {
            "body": _(
                "Separate paragraphs with a blank line. You may use HTML for headings (<h2>), "
                'links (<a href="https://...">), lists (<ul>, <ol>, <li>) and quotes '
                "(<blockquote>); other formatting is removed."
            ),
        }
        widgets = {
            "language": forms.RadioSelect,
            "body": forms.Textarea(attrs={"rows": 20}),
        }

    def __init__(self, *args, author, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.author = author
        self.submitting = submitting
        self.fields["language"].choices = language_choices()
        self.fields["image"].uploader = author

    def full_clean(self):
        # The guest's limits come first: a refused piece costs no sanitising and no decoding.
        problem = self.is_bound and piece_limit_problem(
            self.author,
            new=self.instance.pk is None,
            submitting=self.submitting,
            piece=self.instance,
        )
        if not problem:
            return super().full_clean()
        self._errors, self.cleaned_data = ErrorDict(), {}
        self.add_error(None, problem)

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        plain_text_only(title)
        return title

    def clean_summary(self):
        summary = self.cleaned_data["summary"]
        plain_text_only(summary)
        return summary

    def clean_body(self):
        raw = self.cleaned_data["body"]
        problems = body_limit_problems(raw) or unsafe_content(raw)
        if problems:
            raise forms.ValidationError(problems)
        return sanitise_body(raw)

    def clean(self):
        cleaned = super().clean()
        if self.submitting:
            if not cleaned.get("summary") and "summary" not in self.errors:
                self.add_error("summary", _("Write a summary before submitting."))
            if "body" not in self.errors and not plain_text(cleaned.get("body", "")):
                self.add_error("body", _("Write the text before submitting."))
            if not cleaned.get("consent"):
                self.add_error("consent", _("Agree to the republication terms to submit."))
        return cleaned


class GuestProfileForm(forms.ModelForm):
    """What readers see in the guest-author box, in both languages, and the language of emails.

    Readers see a change only once an editor approves it: saving proposes it (a pending
    `ProfileChange`), and the form shows the proposal. The language of emails, which nobody
    else sees, applies at once.
    """

    photo_upload = GuestImageField(
        label=_("Photo"), required=False, help_text=_("A portrait, shown beside your biography.")
    )
    remove_photo = forms.BooleanField(label=_("Remove the current photo"), required=False)
    email_language = forms.ChoiceField(
        label=_("Language of emails from the editors"),
        choices=language_choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Author
        fields = ProfileChange.text_columns()

    def __init__(self, *args, author, **kwargs):
        self.change = ProfileChange.objects.filter(author=author).select_related("photo").first()
        if self.change is not None:
            self.change.author = author
        # A rejected proposal is not offered again: the form starts from the public profile.
        pending = self.change is not None and self.change.status == ProfileChange.Status.PENDING
        shown = self.change.proposed_profile() if pending else copy.copy(author)
        super().__init__(*args, instance=shown, **kwargs)
        self.author = author
        for column, (_code, label) in ProfileChange.column_labels().items():
            self.fields[column].label = label
        for column in localized_names(["bio"]):
            self.fields[column].widget.attrs["rows"] = 5
        self.fields[f"name_{settings.LANGUAGE_CODE}"].required = True
        self.fields[f"credentials_{settings.LANGUAGE_CODE}"].help_text = _(
            "A line under your name, e.g. a degree or a position."
        )
        self.fields["email_language"].initial = guest_language(author.user)
        self.fields["photo_upload"].uploader = author
        for name in self.Meta.fields:
            self.fields[name].validators.append(plain_text_only)

    def save(self, commit=True):
        """Proposes the change for review (None when it matches the public profile)."""
        upload = self.cleaned_data.get("photo_upload")
        photo = upload and save_as_wagtail_image(upload, str(self.instance), self.author.user)
        change = ProfileChange.propose(
            self.author,
            {name: self.cleaned_data[name] for name in self.Meta.fields},
            photo=photo or None,
            remove_photo=bool(self.cleaned_data.get("remove_photo")) and not upload,
        )
        set_guest_language(self.author.user, self.cleaned_data["email_language"])
        return change
