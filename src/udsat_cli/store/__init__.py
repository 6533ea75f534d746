"""Where the data lives: models, migrations, engine and the lean read connection."""
