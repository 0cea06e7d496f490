"""Business logic of the events app, free of Django so it can run and be tested alone."""
