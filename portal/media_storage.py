"""Media on any S3-compatible object store, public and private files in one bucket.

Readers only ever load image renditions (`images/`): those are public, at a plain URL (or
at AWS_S3_CUSTOM_DOMAIN, a CDN in front of the bucket). Everything else is private and
reached only through a short-lived signed URL that the app hands out after its own checks:
the originals of library images (a guest's proposed profile photo is one, before any
editor has looked at it), documents (Wagtail's collection privacy applies to them) and the
pictures guests send with their pieces (`guest-submissions/`, seen by the guest and the
editors only).

Used when AWS_STORAGE_BUCKET_NAME is set (portal/settings/base.py); files stay on disk
under MEDIA_ROOT otherwise.
"""

from urllib.parse import urlencode

from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

# Where Wagtail writes renditions (wagtail.images.models.AbstractRendition.get_upload_to).
PUBLIC_PREFIXES = ("images/",)


class MediaStorage(S3Storage):
    """Public renditions, signed URLs for everything else (see the module's docstring)."""

    # Two uploads of "photo.jpg" are two files: an upload never replaces another's file.
    file_overwrite = False

    def __init__(self, *, public_acl="public-read", **settings):
        # The ACL given to public files. Empty on a bucket with ACLs turned off (S3's
        # "bucket owner enforced"): its policy then grants public reading of images/* only.
        self.public_acl = public_acl
        # Signed URLs in the form every region and S3-compatible store accepts.
        settings.setdefault("signature_version", "s3v4")
        super().__init__(**settings)

    def is_public(self, name):
        return clean_name(name).lstrip("/").startswith(PUBLIC_PREFIXES)

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if self.public_acl:
            parameters["ACL"] = self.public_acl if self.is_public(name) else "private"
        return parameters

    def url(self, name, parameters=None, expire=None, http_method=None):
        if self.is_public(name):
            return self._public_url(name, parameters)
        # Signed by the bucket itself, never through the public custom domain.
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params={
                **(parameters or {}),
                "Bucket": self.bucket.name,
                "Key": self._normalize_name(clean_name(name)),
            },
            ExpiresIn=self.querystring_expire if expire is None else expire,
            HttpMethod=http_method,
        )

    def _public_url(self, name, parameters):
        """The same URL for every reader, so a browser or a CDN can cache it."""
        key = self._normalize_name(clean_name(name))
        if self.custom_domain:
            query = f"?{urlencode(parameters)}" if parameters else ""
            return f"{self.url_protocol}//{self.custom_domain}/{filepath_to_uri(key)}{query}"
        # The unsigned client writes the bucket's plain address, with no signature in it.
        return self.unsigned_connection.meta.client.generate_presigned_url(
            "get_object", Params={**(parameters or {}), "Bucket": self.bucket.name, "Key": key}
        )
