"""Querysets shared by the web UI, the API and the command line."""
