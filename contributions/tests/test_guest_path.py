"""The whole path of a guest's piece, through the public site and the admin as people use them:
invite -> set password -> submit -> changes requested -> resubmit -> accept -> editor review
-> translation -> published at /en/ and /mn/.
"""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from contributions.models import GuestSubmission

pytestmark = pytest.mark.django_db
PASSWORD = "Steppe-and-sky-2025"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def last_link(pattern):
    return re.search(pattern, mail.outbox[-1].body).group(1)


def workflow_action(client, page, action, comment=""):
    page.refresh_from_db()
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, page.current_workflow_task_state.pk],
    )
    return client.post(url, {"comment": comment})


def translated_form(page, **texts):
    """The admin edit form as a translator sends it: the existing byline and body kept."""
    latest = page.get_latest_revision_as_object()
    bylines = [
        {"id": str(link.pk), "author": str(link.author_id)} for link in latest.article_authors.all()
    ]
    return nested_form_data(
        {
            "title_en": texts["title_en"],
            "title_mn": latest.title_mn,
            "slug": latest.slug,
            "summary_en": texts["summary_en"],
            "summary_mn": latest.summary_mn,
            "body_en": streamfield([("paragraph", rich_text(texts["body_en"]))]),
            "body_mn": streamfield(
                [("paragraph", rich_text(block.value.source)) for block in latest.body_mn]
            ),
            "article_authors": inline_formset(bylines, initial=len(bylines)),
            "comments": inline_formset([]),
            "published_at": "",
        }
    ) | {"action-workflow-action": "true", "workflow-action-name": "approve"}


def test_a_guest_piece_from_invitation_to_a_published_bilingual_article(newsroom, make_user):
    editor = signed_in(make_user("editor", groups=["Editors"]))
    translator = signed_in(make_user("translator", groups=["Translators"]))
    guest = Client()

    # The editor invites; the guest chooses a password from the emailed link (in Mongolian).
    editor.post(
        "/admin/guest_invitations/",
        {"name_en": "Saruul Bat", "name_mn": "Саруул Бат", "email": "saruul@uni.example",
         "language": "mn"},
    )  # fmt: skip
    welcome = last_link(r"https?://[^/]+(/mn/contribute/welcome/\S+/)")
    set_password_page = guest.get(welcome, follow=True).redirect_chain[-1][0]
    guest.post(set_password_page, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    # The guest writes in Mongolian and submits.
    form = guest.get("/mn/contribute/new/")
    form_key = form.context["form"]["form_key"].value()
    piece = {
        "form_key": str(form_key),
        "language": "mn",
        "title": "Өвлийн зуд ба малчид",
        "summary": "Малчин өрхүүд хатуу өвлийг хэрхэн давсан бэ.",
        "body": "Энэ өвөл хүйтэн байлаа.\n\nМалчид малаа хамгаалав.",
        "consent": "on",
        "action": "submit",
    }
    guest.post("/mn/contribute/new/", piece)
    submission = GuestSubmission.objects.get()
    assert submission.status == GuestSubmission.Status.SUBMITTED

    # The editor asks for changes; the guest reads them by email and on the dashboard.
    review = f"/admin/guest_submissions/edit/{submission.pk}/"
    editor.post(
        review,
        {"action": "request_changes", "request_changes-feedback": "Эх сурвалжаа нэрлэнэ үү."},
    )
    assert "Эх сурвалжаа нэрлэнэ үү." in mail.outbox[-1].body
    assert "Эх сурвалжаа нэрлэнэ үү." in guest.get("/mn/contribute/").content.decode()

    # The guest edits and submits again.
    guest.post(
        f"/mn/contribute/{submission.pk}/edit/",
        piece | {"body": piece["body"] + "\n\nЭх сурвалж: Монцамэ."},
    )
    submission.refresh_from_db()
    assert submission.status == GuestSubmission.Status.SUBMITTED

    # The editor accepts into News: a draft, in the workflow, with the guest's byline.
    editor.post(review, {"action": "accept", "accept-section": newsroom.pk})
    page = ArticlePage.objects.get()
    assert page.current_workflow_task.name == "Editor review"
    assert "Хүлээн авсан" in guest.get("/mn/contribute/").content.decode()

    # Editor review, then translation: refused while the English is missing, then approved.
    assert workflow_action(editor, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Translation"
    workflow_action(translator, page, "approve")
    page.refresh_from_db()
    assert not page.live and page.current_workflow_task.name == "Translation"

    response = translator.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        translated_form(
            page,
            title_en="The winter dzud and the herders",
            summary_en="How herding families got through a hard winter.",
            body_en="<p>This winter was cold.</p><p>Herders protected their animals.</p>",
        ),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    # The translation changed the text after the editor's approval: the editor approves the
    # bilingual text, then the translator confirms it, and only then does it go live.
    assert not page.live and page.current_workflow_task.name == "Editor review"
    assert workflow_action(editor, page, "approve").status_code == 302
    page.refresh_from_db()
    assert not page.live and page.current_workflow_task.name == "Translation"
    assert workflow_action(translator, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.live

    # Published in both languages, with the guest's box; the dashboard links to it.
    url = page.url.split("/", 2)[2]
    english = Client().get(f"/en/{url}").content.decode()
    mongolian = Client().get(f"/mn/{url}").content.decode()
    assert "The winter dzud and the herders" in english and "Saruul Bat" in english
    assert "Өвлийн зуд ба малчид" in mongolian and "Эх сурвалж: Монцамэ." in mongolian
    assert "Саруул Бат" in mongolian
    dashboard = guest.get("/mn/contribute/").content.decode()
    assert "Нийтлэгдсэн" in dashboard and f'href="/mn/{url}"' in dashboard
