"""The package version: one home, read by the facade, the CLI's --version, the batch manifest
(outputs made by another version are made again) and the build (pyproject's hatch version)."""

__version__ = "0.1.0"
