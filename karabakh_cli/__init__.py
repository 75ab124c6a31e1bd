"""kcli: actors, dated events and quantities from a folder of news articles."""
__version__ = "0.1.0"
