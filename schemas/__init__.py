"""Templates and rules as data. This file only makes the folder the package `checker.schemas`
(pyproject.toml maps it), so the installed tool finds them with importlib.resources."""
