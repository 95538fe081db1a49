"""Scrapy settings: polite and safe by default.

Project-specific settings (all overridable with ``-s NAME=VALUE``):

- ``CONTACT``: who to reach about this crawler; goes into the User-Agent.
- ``VIA_URL``: send every request to this simulator (``-a via=`` sets it).
- ``REPLAY_PATH``: answer every request from WARC files or saved HTML (``-a replay=``).
- ``WARC_OUTPUT``: record every response into this WARC file (``%(time)s`` allowed).
- ``MAX_LISTING_PAGES``: pagination depth per listing.
- ``DISCOVERY_MAX_SITEMAP_DEPTH``, ``DISCOVERY_MAX_SITEMAPS``, ``DISCOVERY_MAX_ENTRIES``,
  ``DISCOVERY_MAX_LISTING_PAGES``, ``DISCOVERY_MAX_LINKS_PER_PAGE``, ``DISCOVERY_MAX_QUEUED``:
  discovery budgets per site (crawler.crawl.spider.DiscoveryBudgets).
- ``PAGE_ANALYSIS_TIMEOUT``: seconds a page's analysis may take (crawler.analyse.workers).
- ``INCREMENTAL``: skip articles already exported (seen-store in ``STATE_DIR``); see
  crawler.crawl.incremental. ``RECHECK_DAYS``: articles younger than this are fetched again and
  exported as a new version when changed. ``INCREMENTAL_NOW``: ISO date standing in for "now".
- ``REPORT_DIR``, ``REPORT_MIN_COVERAGE``, ``REPORT_MIN_ARTICLE_PAGES``, ``REPORT_FAIL_EXIT``,
  ``PROGRESS_INTERVAL``: the run report, its checks and progress lines (crawler.ops.report,
  crawler.ops.progress).
- ``REVIEW_DIR``: with ``WARC_OUTPUT``, write the review site of the crawl there at its end
  (crawler.review).
- ``ANALYSIS_PROCESSES``: 0 (default) analyses pages in the crawl process; N (or ``auto``) in N
  worker processes, for CPU-bound crawls such as WARC replay (crawler.analyse.workers).
- ``REDIS_URL``: distributed mode on scrapy-redis; ``REDIS_KEY_PREFIX``, ``WORKER_ID``,
  ``DISTRIBUTED_HEARTBEAT``, ``DISTRIBUTED_WORKER_TIMEOUT``, ``DISTRIBUTED_POLL``
  (crawler.crawl.distributed).
"""

BOT_NAME = "arabstoday"
SPIDER_MODULES = ["crawler.crawl.spider"]
NEWSPIDER_MODULE = "crawler.crawl.spider"
# `scrapy crawl` refuses a run that cannot work with one line and exit status 2
# (crawler.crawl.commands.crawl).
COMMANDS_MODULE = "crawler.crawl.commands"

CONTACT = "https://github.com/arabstoday-crawler (set CONTACT to your e-mail or URL)"
# Built from CONTACT at start-up (crawler.crawl.spider.honest_user_agent) unless USER_AGENT
# is given on the command line.
USER_AGENT = f"arabstoday-crawler/0.1 (+{CONTACT})"

# Politeness: small news sites on one shared CMS.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

# Retries with backoff on 429/5xx, honouring Retry-After (middlewares.BackoffRetryMiddleware).
RETRY_ENABLED = True
RETRY_TIMES = 4
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 120.0

# Safety: nothing listens on the machine's ports.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False

DOWNLOAD_HANDLERS = {
    "http": "crawler.crawl.download.NetworkDownloadHandler",
    "https": "crawler.crawl.download.NetworkDownloadHandler",
}

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.crawl.middlewares.BackoffRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.crawl.middlewares.MetaRefreshMiddleware": 580,
    "crawler.crawl.middlewares.OffsiteRedirectMiddleware": 610,
    "crawler.crawl.recorder.WarcRecorderMiddleware": 950,
}

SPIDER_MIDDLEWARES = {
    "crawler.crawl.warmup.TemplateWarmupMiddleware": 950,
}

# Scrapy starts CONCURRENT_ITEMS asyncio tasks for every response's output (default 100); an
# article page yields one item and a listing a few dozen requests, so 8 do the same work for
# a tenth of the per-response overhead (benchmarks/crawl_scale.py, docs/performance.md).
CONCURRENT_ITEMS = 8

# Page parsing and extraction in the crawl process; set N (or "auto") for N worker processes.
ANALYSIS_PROCESSES = 0
# Seconds one page's analysis may take (crawler.analyse.workers); over it the page is dropped
# as analysis_timeout. Pages take ~20-50 ms; the page caps of crawler.extract keep a hostile
# one under ~2 s. 0: no budget.
PAGE_ANALYSIS_TIMEOUT = 10.0

ITEM_PIPELINES = {
    "crawler.pipelines.extraction.ExtractionPipeline": 100,
    "crawler.pipelines.incremental.IncrementalPipeline": 700,
    "crawler.pipelines.templates.TemplatePipeline": 150,
    "crawler.pipelines.duplicates.DedupPipeline": 720,
    "crawler.pipelines.checks.RequiredFieldsPipeline": 800,
    "crawler.pipelines.validation.ValidationPipeline": 850,
    "crawler.pipelines.checks.MaxItemsPipeline": 900,
}

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {
    "jsonl": "crawler.export.jsonl.JsonLinesExporter",
    "jsonlines": "crawler.export.jsonl.JsonLinesExporter",
}
FEED_EXPORT_FIELDS = None
# Local feed files hold whole lines only; a failed write (disk full) stops the crawl at once
# (crawler.export.storage.SafeFileFeedStorage). Appending (-o) repairs a crash's leftovers first
# (crawler.ops.recovery.OutputRecovery).
FEED_STORAGES = {
    "": "crawler.export.storage.SafeFileFeedStorage",
    "file": "crawler.export.storage.SafeFileFeedStorage",
}

# Feed layout for scheduled runs (crawler.export.layout): -s FEED_LAYOUT=site-day writes
# FEED_LAYOUT_ROOT/{site}/{YYYY-MM-DD}.jsonl, site-batch writes batches of FEED_LAYOUT_BATCH_ITEMS.
ADDONS = {"crawler.export.layout.FeedLayout": 0}
FEED_LAYOUT = None
FEED_LAYOUT_ROOT = "output"
FEED_LAYOUT_BATCH_ITEMS = 1000
FEED_LAYOUT_DAY = None

MAX_LISTING_PAGES = 20

# Discovery budgets per site (crawler.crawl.spider.DiscoveryBudgets): what a site can make
# discovery do. A budget that is hit drops the links past it (counted under
# budget/<name>/<site>, listed in the run report) and releases the site's held articles.
DISCOVERY_MAX_SITEMAP_DEPTH = 3  # sitemap indexes nested below the robots.txt sitemaps
DISCOVERY_MAX_SITEMAPS = 500  # sitemaps and sitemap indexes fetched
DISCOVERY_MAX_ENTRIES = 50_000  # entries read from one sitemap or feed (the sitemap protocol's)
DISCOVERY_MAX_LISTING_PAGES = 1000  # listing pages fetched
DISCOVERY_MAX_LINKS_PER_PAGE = 1000  # links taken from one listing page or robots.txt
DISCOVERY_MAX_QUEUED = 1000  # discovery pages (sitemaps, feeds) waiting at once

# Where state that outlives a run is kept (learnt templates, seen articles).
STATE_DIR = ".state"

# Cross-page template learning (crawler.analyse.templates): blocks on >= 30% of a site's pages
# (and at least 3) are boilerplate once 5 pages were seen; a cold site's first 8 pages wait for it.
TEMPLATE_LEARNING = True
TEMPLATE_STORE_CLASS = "crawler.store.templates.FileTemplateStore"
TEMPLATE_WARMUP_PAGES = 8
TEMPLATE_MIN_PAGES = 5
TEMPLATE_MIN_SHARE = 0.3
TEMPLATE_MIN_REPEATS = 3
WARC_OUTPUT = None
VIA_URL = None
REPLAY_PATH = None

# Incremental crawls (crawler.crawl.incremental, crawler.store.seen); JOBDIR-safe scheduling.
INCREMENTAL = False
SEEN_STORE_CLASS = "crawler.store.seen.SqliteSeenStore"
DUPEFILTER_CLASS = "crawler.crawl.incremental.RunDupeFilter"
SCHEDULER = "crawler.crawl.incremental.ResumableScheduler"
RECHECK_DAYS = 2.0
INCREMENTAL_NOW = None

# Duplicate clustering (crawler.analyse.duplicates, crawler.pipelines.duplicates): -a
# dedup=mark|drop|off overrides DEDUP_MODE; the state is STATE_DIR/dedup.sqlite3
# (DEDUP_STATE_CLASS names another DedupState backend).
DEDUP_MODE = "mark"
DEDUP_THRESHOLD = 0.5
DEDUP_NUM_PERM = 128
DEDUP_SHINGLE_WORDS = 3
DEDUP_STATE_CLASS = "crawler.store.duplicates.SqliteDedupState"

LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.ops.logformatter.ArticleLogFormatter"

EXTENSIONS = {
    # Exported means written to every feed (crawler.export.confirm): item_exported.
    "scrapy.extensions.feedexport.FeedExporter": None,
    "crawler.export.confirm.ConfirmingFeedExporter": 0,
    "crawler.analyse.workers.PageAnalyser": 0,
    "crawler.analyse.templates.TemplateLearning": 0,
    "crawler.crawl.incremental.Incremental": 0,
    "crawler.crawl.archive.ReplaySource": 0,
    "crawler.ops.report.RunReport": 900,
    "crawler.ops.secrets.SecretMasking": 50,
    "crawler.ops.recovery.OutputRecovery": 100,
    "crawler.ops.ledger.FailureLedger": 800,
    "crawler.ops.progress.Progress": 910,
    "crawler.ops.gctuning.GcTuning": 0,
    "crawler.review.hook.ReviewSite": 920,
}
REPORT_DIR = "output/reports"
# Run checks (crawler.ops.report.RunReport): a failed one makes `scrapy crawl` exit 1.
REPORT_MIN_COVERAGE = {"title": 0.95, "text": 0.95, "published_at": 0.8}
REPORT_MIN_ARTICLE_PAGES = 10  # coverage is judged from this many article pages on
REPORT_FAIL_EXIT = True
# Garbage collector for a long crawl (crawler.ops.gctuning.GcTuning): freeze the start-up heap,
# a young collection every 10,000 allocations instead of 700.
GC_FREEZE = True
GC_THRESHOLDS = [10000, 10, 10]
PROGRESS_INTERVAL = 60  # seconds between progress lines (items/min per site); 0: off
# The review site of the crawl (crawler.review.hook.ReviewSite), written when it ends; needs
# WARC_OUTPUT (the site shows the recorded pages).
REVIEW_DIR = None
