"""Django-free business rules and reference data of the company registry."""
