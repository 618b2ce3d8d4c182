"""Storage: models, engine, migrations and the small API the pages call."""
