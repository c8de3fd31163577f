"""The guest-author area on the public site: a guest's own pieces, their profile, logging in.

Every lookup is scoped to the signed-in guest's profile, so another author's piece is a 404
that says nothing about it.
"""

import uuid
from functools import wraps

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.log_actions import log

from bilingual.languages import current_language

from ..forms import GuestLoginForm, GuestProfileForm, SubmissionForm
from ..guest_accounts import can_use_admin, guest_profile
from ..models import LOG_ACTION_PREFIX, GuestSubmission

SUBMIT = "submit"


def guest_area(view):
    """Signed-in guests only: staff are sent to the admin, other accounts are refused.

    Never cached: every page here is one guest's own.
    """

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if can_use_admin(request.user):
            return redirect("wagtailadmin_home")
        author = guest_profile(request.user)
        if author is None:
            return render(request, "contributions/guest_area/not_a_guest.html", status=403)
        return view(request, author, *args, **kwargs)

    return wrapper


def _own_submission(author, pk):
    return get_object_or_404(
        GuestSubmission.objects.select_related("article_page"), pk=pk, author=author
    )


@guest_area
def dashboard(request, author):
    submissions = author.guest_submissions.select_related("article_page").order_by(
        "-updated_at", "-pk"
    )
    return render(
        request,
        "contributions/guest_area/dashboard.html",
        {"author": author, "submissions": submissions},
    )


@guest_area
def submission_detail(request, author, pk):
    submission = _own_submission(author, pk)
    return render(
        request,
        "contributions/guest_area/submission_detail.html",
        {"author": author, "submission": submission},
    )


def _save(request, submission, submitting):
    """Saves the piece as a draft or submits it; feedback stays until the editors decide again."""
    if submitting:
        submission.status = GuestSubmission.Status.SUBMITTED
        submission.submitted_at = timezone.now()
    submission.save()
    if submitting:
        log(submission, f"{LOG_ACTION_PREFIX}.submit", user=request.user)
        messages.success(request, _("Your piece was submitted to the editors."))
    else:
        messages.success(request, _("Your draft was saved."))


def _form_key(data):
    try:
        return uuid.UUID(data.get("form_key", ""))
    except ValueError:
        return None


def _already_made(request, author, form_key):
    """A second send of a form that already created a piece: show that piece, make no other."""
    existing = author.guest_submissions.filter(form_key=form_key).first()
    if existing is not None:
        messages.info(request, _("This form was already sent; nothing was saved twice."))
    return existing


def _create(request, author, form, submitting):
    submission = form.save(commit=False)
    submission.author = author
    submission.form_key = form.cleaned_data["form_key"]
    try:
        with transaction.atomic():
            _save(request, submission, submitting)
    except IntegrityError:
        existing = _already_made(request, author, submission.form_key)
        return redirect("contribute_detail", pk=existing.pk)
    return redirect("contribute_dashboard")


@guest_area
def submission_create(request, author):
    submitting = request.POST.get("action") == SUBMIT
    if request.method == "POST":
        form_key = _form_key(request.POST)
        if form_key and (existing := _already_made(request, author, form_key)):
            return redirect("contribute_detail", pk=existing.pk)
        # One transaction from the guest's limits to the save: the form's check locks the
        # guest, so a parallel request counts this piece (see guest_limits).
        with transaction.atomic():
            form = SubmissionForm(request.POST, request.FILES, author=author, submitting=submitting)
            if form.is_valid():
                return _create(request, author, form, submitting)
    else:
        form = SubmissionForm(
            author=author, initial={"language": current_language(), "form_key": uuid.uuid4()}
        )
    return render(
        request,
        "contributions/guest_area/submission_form.html",
        {"author": author, "form": form, "submission": None},
    )


@guest_area
def submission_edit(request, author, pk):
    submission = _own_submission(author, pk)
    if not submission.is_editable:
        messages.warning(
            request,
            _(
                "This piece is with the editors and cannot be changed now. "
                "You can edit it again if they ask for changes."
            ),
        )
        return redirect("contribute_detail", pk=submission.pk)
    submitting = request.POST.get("action") == SUBMIT
    if request.method == "POST":
        with transaction.atomic():
            # Locked so that two sends of the same form cannot both pass the check above;
            # the form's limits lock the guest until the piece is saved (see guest_limits).
            submission = GuestSubmission.objects.select_for_update().get(pk=submission.pk)
            if not submission.is_editable:
                messages.info(request, _("This form was already sent; nothing was saved twice."))
                return redirect("contribute_detail", pk=submission.pk)
            form = SubmissionForm(
                request.POST,
                request.FILES,
                instance=submission,
                author=author,
                submitting=submitting,
            )
            if form.is_valid():
                _save(request, form.save(commit=False), submitting)
                return redirect("contribute_dashboard")
    else:
        form = SubmissionForm(
            instance=submission, author=author, initial={"form_key": submission.form_key}
        )
    return render(
        request,
        "contributions/guest_area/submission_form.html",
        {"author": author, "form": form, "submission": submission},
    )


@guest_area
def profile(request, author):
    """The guest's profile as they last saved it; readers see it once an editor approves."""
    if request.method == "POST":
        form = GuestProfileForm(request.POST, request.FILES, author=author)
        if form.is_valid():
            with transaction.atomic():
                change = form.save()
            if change is None:
                messages.success(request, _("Your profile was saved."))
            else:
                messages.success(
                    request,
                    _(
                        "Your changes were sent to the editors. Readers will see them once an "
                        "editor approves them."
                    ),
                )
            return redirect("contribute_profile")
    else:
        form = GuestProfileForm(author=author)
    return render(
        request,
        "contributions/guest_area/profile.html",
        {"author": author, "form": form, "profile": form.instance, "change": form.change},
    )


class GuestLoginView(auth_views.LoginView):
    """Guest authors only: staff log in at /admin/, so this form is no second place to guess
    their passwords. A staff account's right password is answered as a wrong one, and counted
    as a failed login towards the lockout."""

    template_name = "contributions/guest_area/login.html"
    authentication_form = GuestLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        if can_use_admin(form.get_user()):
            user_login_failed.send(
                sender=__name__,
                credentials={"username": form.cleaned_data["username"]},
                request=self.request,
            )
            form.add_error(None, form.get_invalid_login_error())
            return self.form_invalid(form)
        return super().form_valid(form)


class GuestLogoutView(auth_views.LogoutView):
    """Logging out is a POST; the address itself shows the button that sends it."""

    http_method_names = ["get", "post", "options"]
    next_page = "contribute_login"

    def get(self, request, *args, **kwargs):
        return render(request, "contributions/guest_area/logout.html")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have logged out."))
        return response
