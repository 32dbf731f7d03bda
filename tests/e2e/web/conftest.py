"""Fixtures of the browser tests: the app served for real, Debian's Chromium via Playwright."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from legday.pictures.sheet import chromium
from webapp import PHONE, Server, serving


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the browser tests, its own logbook with one athlete planned."""
    with serving(tmp_path_factory.mktemp("web")) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium; skipped where it is missing and cannot be installed, except in CI
    (CI=true), where `make test` has installed it and a missing browser is a failure."""
    executable = chromium()
    if executable is None and not os.environ.get("CI"):
        pytest.skip("no Chromium (`make services` installs the `chromium` package)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable or "/usr/bin/chromium", args=["--no-sandbox"]
        )
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    """A fresh phone-sized context (its own service worker, IndexedDB and cookies)."""
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    context.set_default_timeout(10_000)
    opened = context.new_page()
    yield opened
    context.close()
