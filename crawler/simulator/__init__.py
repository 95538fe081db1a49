"""A deterministic synthetic copy of the Arabs Today network, served on loopback for tests.

``SimulatedNetwork`` holds the content and answers requests; ``running_simulator`` serves it
over HTTP on a background thread; ``crawler simulate`` serves it from the command line.
"""

from crawler.simulator.model import REFERENCE, SPECIALS, SimArticle
from crawler.simulator.network import SimResponse, SimulatedNetwork
from crawler.simulator.server import running_simulator, serve_forever

__all__ = [
    "REFERENCE",
    "SPECIALS",
    "SimArticle",
    "SimResponse",
    "SimulatedNetwork",
    "running_simulator",
    "serve_forever",
]
