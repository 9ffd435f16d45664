"""What an article says: its text, sentences, dates, figures, sources and claims."""
