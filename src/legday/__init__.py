"""legday: leg-strength sessions planned around a runner's own running calendar."""

__version__ = "0.1.0"
__all__ = ["__version__"]
