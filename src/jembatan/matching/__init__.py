"""Matching: embeddings, vector and keyword indexes, rank fusion and explanations.

The pure, Django-free core lives in :mod:`jembatan.matching.domain`; models, tasks and
views are thin layers on top of it.
"""
