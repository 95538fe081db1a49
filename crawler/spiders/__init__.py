"""Spiders of the project: ``arabstoday`` crawls the whole network."""
