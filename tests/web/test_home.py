from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.django_db
def test_home_renders_in_indonesian_by_default(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert b'lang="id"' in response.content
