"""udsat: keep track of what a council decided and who promised to do what by when."""

__version__ = "0.2.0.dev0"
