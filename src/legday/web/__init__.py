"""The web app (`legday serve`): pages and a JSON API over the same services as the CLI.

A shell like the CLI: it parses requests, calls `legday.services` through the composition
root (`legday.bootstrap`) and renders. Nothing here plans, progresses or stores by itself.

    app.py       create_app(): the FastAPI application, its lifespan and routers
    security.py  what every response and every unsafe request must satisfy
    serving.py   the address rules for `legday serve` (loopback only in personal mode)
    deps.py      what routes take: the logbook, the athlete by id (404), today
    api/         the JSON API, one router per resource, and /docs (docs/web.md)
"""
