"""Product photos: checked by their content, resized for the web, metadata stripped.

What is stored is never the uploaded file: the image is decoded with Pillow (so a text file
renamed .jpg, or an SVG, is refused whatever its name says), turned upright from its EXIF
orientation, shrunk to at most ``MAX_EDGE`` pixels on its longer side and encoded again with
no EXIF, XMP, ICC or text chunks (a phone photo's GPS position never reaches the site).
Pillow's decompression-bomb limit (Image.MAX_IMAGE_PIXELS) is respected: an image over it
is refused, not decoded.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image

from jembatan.catalogue.models import PHOTOS_PER_PRODUCT, Product, ProductPhoto
from jembatan.core.domain.images import ImageRefusedError, decode_image, image_format
from jembatan.core.domain.stored_files import delete_after_commit

MAX_BYTES = 10 * 1024 * 1024
MAX_EDGE = 1600
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError({"image": ValidationError(message, code=code)})


def clean_image(source: IO[bytes], size: int | None = None) -> CleanImage:
    """The web version of an uploaded photo; raises ValidationError on the ``image`` field."""
    if size is None:
        source.seek(0, io.SEEK_END)
        size = source.tell()
    source.seek(0)
    if size > MAX_BYTES:
        raise _refuse(
            _("Photo: the file is larger than 10 MB (%(size).1f MB).") % {"size": size / 2**20},
            "too_large",
        )
    data = source.read(MAX_BYTES + 1)
    try:
        kind = image_format(data)
        if kind not in FORMATS:
            raise _refuse(_("Photo: only JPEG, PNG and WebP images can be uploaded."), "format")
        image = decode_image(data)
    except ImageRefusedError as error:
        if error.code == "bomb":
            raise _refuse(
                _("Photo: the image has too many pixels to be processed safely."), "bomb"
            ) from error
        raise _refuse(
            _("Photo: the file is not an image (JPEG, PNG or WebP) or it is damaged."),
            "not_image",
        ) from error
    return _encode(image, kind)


def _encode(image: Image.Image, kind: str) -> CleanImage:
    image.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    keeps_alpha = kind in {"PNG", "WEBP"} and image.mode in {"RGBA", "LA", "PA", "P"}
    image = image.convert("RGBA" if keeps_alpha else "RGB")
    # A fresh image holds pixels only: no EXIF, XMP, ICC profile or text chunks travel on.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    out = io.BytesIO()
    if kind == "JPEG":
        clean.save(out, "JPEG", quality=85, optimize=True, progressive=True)
    elif kind == "PNG":
        clean.save(out, "PNG", optimize=True)
    else:
        clean.save(out, "WEBP", quality=85, method=4)
    return CleanImage(out.getvalue(), FORMATS[kind], clean.width, clean.height)


def add_photo(user: Any, product: Product, upload: Any, caption: str = "") -> ProductPhoto:
    """Store a cleaned copy of ``upload`` (a Django UploadedFile or any binary file) as the
    product's next photo; at most PHOTOS_PER_PRODUCT photos."""
    if not user.has_perm("catalogue.change_product", product):
        raise PermissionDenied(_("You may only change the products of your own company."))
    size = getattr(upload, "size", None)
    cleaned = clean_image(upload, size)
    with transaction.atomic():
        Product.objects.select_for_update().filter(pk=product.pk).first()
        count = product.photos.count()
        if count >= PHOTOS_PER_PRODUCT:
            raise _refuse(
                _("Photo: a product can have at most %(count)d photos.")
                % {"count": PHOTOS_PER_PRODUCT},
                "too_many",
            )
        photo = ProductPhoto(product=product, caption=caption[:200], position=count)
        photo.image.save(f"photo.{cleaned.extension}", ContentFile(cleaned.content), save=False)
        photo.width, photo.height = cleaned.width, cleaned.height
        photo.save()
    return photo


def remove_photo(user: Any, photo: ProductPhoto) -> None:
    if not user.has_perm("catalogue.change_product", photo.product):
        raise PermissionDenied(_("You may only change the products of your own company."))
    delete_after_commit(photo.image)
    photo.delete()
