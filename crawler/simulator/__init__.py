"""A deterministic synthetic copy of the Arabs Today network, served on loopback for tests.

``SimulatedNetwork`` holds the content and answers requests; ``running_simulator`` serves it
over HTTP on a background thread; ``crawler simulate`` serves it from the command line.

Special articles sit at fixed indices (model.SPECIALS; all present when pages >= 12):
0 seed-like arabstoday news page, 1/2 a column on almaghribtoday and casablancatoday under the
same path, 3/4 a column on both sites under different writer ids and time parts, 5 a
windows-1256 page (palestinetoday), 6 a page linked only from almaghribtoday /rss through the
alias host mail.almaghribtoday.net, 7 a casablancatoday page showing the almaghribtoday label,
8 /w-505/2013-01-20-05-49-31, 9 /w-{id}/{slug}, 10 /{N}/{slug}, 11 a page with no date at all.
Linked non-articles (``SimulatedNetwork.bad_urls()``): an HTML "not found" page served with 200,
a 301 to example.org, a PDF at an article URL, and an HTML page at arabstoday /sports/rss.xml.

Fault injection (``SimulatedNetwork(..., faults=FaultPlan(...))``, ``crawler simulate --faults``):
see crawler/simulator/faults.py; ``manifest()`` then lists the articles served correctly
(eventually) and ``broken()`` the others with the reason a crawl must report.
"""

from crawler.simulator.faults import FaultPlan
from crawler.simulator.model import REFERENCE, SPECIALS, SimArticle
from crawler.simulator.network import SimResponse, SimulatedNetwork
from crawler.simulator.server import running_simulator, serve_forever

__all__ = [
    "REFERENCE",
    "SPECIALS",
    "FaultPlan",
    "SimArticle",
    "SimResponse",
    "SimulatedNetwork",
    "running_simulator",
    "serve_forever",
]
