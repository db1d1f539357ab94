"""Domain operations on a SQLAlchemy Session. No Qt here; the UI and the CLI both call these."""
