"""newsbrief: from a pile of scraped news articles to clean, deduplicated, cited story briefings."""

__version__ = "0.1.0"
