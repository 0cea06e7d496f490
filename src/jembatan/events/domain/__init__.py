"""Business logic of the events app. ``scheduler/`` is free of Django so that it can run
and be tested alone; the modules beside it turn the database into its instances and back."""
