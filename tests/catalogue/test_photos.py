"""Photos: checked by content, resized, metadata stripped, at most 10 MB and 8 a product."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from jembatan.catalogue.domain.photos import MAX_BYTES, MAX_EDGE, add_photo, clean_image
from tests.catalogue.conftest import image_bytes, make_product

GPS_IFD = 0x8825


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (3000, 2000), (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 1  # Orientation
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (6.0, 54.0, 30.0), 3: "E", 4: (107.0, 36.0, 0.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def upload(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_jpeg_with_gps_fixture_has_gps() -> None:
    with Image.open(io.BytesIO(jpeg_with_gps())) as image:
        assert image.getexif().get_ifd(GPS_IFD)


@pytest.mark.django_db
def test_add_photo_strips_exif_and_resizes(company, member) -> None:  # type: ignore[no-untyped-def]
    product = make_product(company)
    photo = add_photo(member, product, upload(jpeg_with_gps()))
    with photo.image.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert max(image.size) == MAX_EDGE
        assert dict(image.getexif()) == {}
        assert "exif" not in image.info
        assert "icc_profile" not in image.info
    assert (photo.width, photo.height) == (1600, 1067)
    assert photo.image.name.startswith(f"products/{product.pk}/")


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_clean_image_png_and_webp_keep_their_format(fmt: str) -> None:
    cleaned = clean_image(io.BytesIO(image_bytes(fmt)))
    assert cleaned.extension == {"PNG": "png", "WEBP": "webp"}[fmt]
    with Image.open(io.BytesIO(cleaned.content)) as image:
        assert image.format == fmt


def test_clean_image_oversize_refused() -> None:
    with pytest.raises(ValidationError) as error:
        clean_image(io.BytesIO(b"\xff\xd8" + b"0" * MAX_BYTES))
    assert error.value.error_dict["image"][0].code == "too_large"
    assert "10 MB" in error.value.messages[0]


def test_clean_image_text_renamed_jpg_refused() -> None:
    with pytest.raises(ValidationError) as error:
        clean_image(upload(b"This is not a photo, only text.\n" * 20, "photo.jpg"))
    assert error.value.error_dict["image"][0].code == "not_image"


def test_clean_image_gif_refused_by_format() -> None:
    with pytest.raises(ValidationError) as error:
        clean_image(io.BytesIO(image_bytes("GIF")))
    assert error.value.error_dict["image"][0].code == "format"


def test_clean_image_over_decompression_limit_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(ValidationError) as error:
        clean_image(io.BytesIO(image_bytes("PNG", size=(100, 100))))
    assert error.value.error_dict["image"][0].code == "bomb"


@pytest.mark.django_db
def test_add_photo_ninth_refused(company, teammate) -> None:  # type: ignore[no-untyped-def]
    product = make_product(company)
    data = image_bytes()
    for _ in range(8):
        add_photo(teammate, product, upload(data))
    with pytest.raises(ValidationError) as error:
        add_photo(teammate, product, upload(data))
    assert error.value.error_dict["image"][0].code == "too_many"
    assert product.photos.count() == 8


@pytest.mark.django_db
def test_add_photo_outsider_refused(company, outsider) -> None:  # type: ignore[no-untyped-def]
    product = make_product(company)
    with pytest.raises(PermissionDenied):
        add_photo(outsider, product, upload(image_bytes()))


@pytest.mark.django_db
def test_photo_upload_page_fake_image_message_in_japanese(company, member, client) -> None:  # type: ignore[no-untyped-def]
    member.language = "ja"
    member.save()
    product = make_product(company)
    client.force_login(member)
    response = client.post(
        f"/products/{product.pk}/photos/",
        {"image": upload(b"not an image", "x.jpg")},
        follow=True,
    )
    assert response.status_code == 200
    assert "写真" in response.content.decode()
    assert product.photos.count() == 0
