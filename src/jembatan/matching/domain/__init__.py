"""Django-free core of cross-lingual matching.

Modules:

- :mod:`.encoder`: the :class:`~.encoder.Encoder` interface, the bundled
  multilingual-e5-small encoder and pluggable adapters, the embedding-cache hash.
- :mod:`.index`: a persisted vector index (exact below a size threshold, HNSW above).
- :mod:`.keyword`: a character-trigram keyword scorer (mirrors FTS5 trigram / pg_trgm).
- :mod:`.fusion`: reciprocal rank fusion with per-list ranks for explanations.
- :mod:`.evaluation`: recall@k, MRR, latency percentiles and an ``evaluate`` helper.
- :mod:`.phrases`: "these phrases matched" explanations between two texts.
"""
