"""The demo data set (`jembatan demo`, used by `make demo`).

The top floor of the project: it imports every app to fill them with data, and no app
imports it. `core` (audit log, API building blocks) stays at the ground floor.
"""
