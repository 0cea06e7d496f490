"""Statistics, targets and programme KPIs (see docs/indicators.md)."""
