"""brikg: an open knowledge graph of China's Belt and Road Initiative, from primary documents."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("brikg")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
