"""Images uploaded by guests: real pictures within size and pixel limits, stored re-encoded.

Re-encoding with Pillow means the stored file is exactly the picture: no trailing payload,
no disguised document, no camera metadata such as the place a photo was taken. The size,
the pixel count (read from the header) and the guest's daily allowance are all checked
before a single pixel is decoded.
"""

import io
import uuid
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps
from wagtail.images import get_image_model
from wagtail.models import Collection

from .guest_limits import IMAGE_MAX_PIXELS, IMAGE_STORED_MAX_SIDE, spend_upload_allowance

# Pillow format -> (file name extensions it may carry, extension and MIME type it is stored as)
FORMATS = {
    "JPEG": ({"jpg", "jpeg"}, "jpg", "image/jpeg"),
    "PNG": ({"png"}, "png", "image/png"),
    "WEBP": ({"webp"}, "webp", "image/webp"),
    "GIF": ({"gif"}, "png", "image/png"),
}


def max_upload_size() -> int:
    return settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


def max_pixels() -> int:
    return min(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS, IMAGE_MAX_PIXELS)


class GuestImageField(forms.FileField):
    """A JPEG, PNG, WebP or GIF whose name matches its content, re-encoded on the way in."""

    default_error_messages = {
        "too_large": _("This image is %(size)s; the largest we accept is %(limit)s."),
        "not_an_image": _(
            "This file is not an image we can read, or it is damaged. "
            "Choose a JPEG, PNG, WebP or GIF picture."
        ),
        "unsupported": _("Only JPEG, PNG, WebP and GIF images are accepted."),
        "disguised": _(
            "The file name says .%(extension)s but the file is a %(format)s image. "
            "Rename it or save it again as the right type."
        ),
        "too_many_pixels": _(
            "This image has %(pixels)s million pixels; the most we accept is %(limit)s million."
        ),
        "far_too_many_pixels": _(
            "This image has far too many pixels; the most we accept is %(limit)s million."
        ),
    }

    # The guest `Author` whose daily allowance each upload is counted against. The form must
    # set it: a field without one refuses to work rather than take pictures uncounted.
    uploader = None

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": "image/*"}))
        super().__init__(**kwargs)

    def to_python(self, data):
        if self.uploader is None:
            raise ImproperlyConfigured(
                "GuestImageField.uploader is not set: the form must name the guest whose daily "
                "allowance its pictures count against."
            )
        upload = super().to_python(data)
        if upload is None:
            return None
        if upload.size > max_upload_size():
            raise forms.ValidationError(
                self.error_messages["too_large"],
                code="too_large",
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(max_upload_size()),
                },
            )
        content = upload.read()
        upload.seek(0)
        picture = self._open(content)
        stored_as = self._stored_format(picture, upload.name)
        self._check_pixels(picture)
        spend_upload_allowance(self.uploader, upload.size)
        return SimpleUploadedFile(*self._reencoded(picture, *stored_as))

    def _check_pixels(self, picture):
        if picture.width * picture.height > max_pixels():
            raise forms.ValidationError(
                self.error_messages["too_many_pixels"],
                code="too_many_pixels",
                params={
                    "pixels": round(picture.width * picture.height / 1_000_000, 1),
                    "limit": round(max_pixels() / 1_000_000, 1),
                },
            )

    def _stored_format(self, picture, name: str) -> tuple[str, str]:
        """The extension and MIME type the picture is stored as, if its name tells the truth."""
        if picture.format not in FORMATS:
            raise forms.ValidationError(self.error_messages["unsupported"], code="unsupported")
        extensions, stored_extension, mime_type = FORMATS[picture.format]
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if extension not in extensions:
            raise forms.ValidationError(
                self.error_messages["disguised"],
                code="disguised",
                params={"extension": extension or "?", "format": picture.format},
            )
        return stored_extension, mime_type

    def _reencoded(self, picture, stored_extension: str, mime_type: str):
        try:
            upright = ImageOps.exif_transpose(self._decoded_within_bounds(picture))
            output = io.BytesIO()
            if stored_extension == "jpg":
                upright.convert("RGB").save(output, "JPEG", quality=90, optimize=True)
            elif stored_extension == "webp":
                upright.save(output, "WEBP", quality=90)
            else:
                if upright.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                    upright = upright.convert("RGBA")
                upright.save(output, "PNG", optimize=True)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
            raise forms.ValidationError(
                self.error_messages["not_an_image"], code="not_an_image"
            ) from error
        return f"{uuid.uuid4().hex}.{stored_extension}", output.getvalue(), mime_type

    @staticmethod
    def _decoded_within_bounds(picture):
        """The pixels, no larger than the site shows; a JPEG is decoded at a reduced scale."""
        bounds = (IMAGE_STORED_MAX_SIDE, IMAGE_STORED_MAX_SIDE)
        if picture.format == "JPEG":
            picture.draft(picture.mode, bounds)
        picture.load()
        picture.thumbnail(bounds)
        return picture

    def _open(self, content: bytes):
        """Reads the header only: the pixel limit is checked before anything is decoded."""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                return Image.open(io.BytesIO(content))
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
            raise forms.ValidationError(
                self.error_messages["far_too_many_pixels"],
                code="too_many_pixels",
                params={"limit": round(max_pixels() / 1_000_000, 1)},
            ) from error
        except (OSError, ValueError, SyntaxError) as error:
            raise forms.ValidationError(
                self.error_messages["not_an_image"], code="not_an_image"
            ) from error


GUEST_COLLECTION = "Guest authors"


def guest_collection():
    """Guests' pictures live in one collection, apart from the newsroom's own."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=GUEST_COLLECTION).first() or root.add_child(
        name=GUEST_COLLECTION
    )


def save_as_wagtail_image(file, title: str, user):
    """A validated upload as an image of the Wagtail library, where pages can use it."""
    image = get_image_model()(
        title=title[:255],
        file=file,
        file_size=file.size,
        collection=guest_collection(),
        uploaded_by_user=user,
    )
    image.save()
    return image
