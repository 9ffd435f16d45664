"""A headless Chromium for the HTML map tests and bench/html_map.py (Playwright, no download).

Uses Debian's /usr/bin/chromium (never ``playwright install``) with every request that is
not a local file aborted, and records what counts as an error on a page:

- every console message of type ``error`` (a blocked tile would log "Failed to load
  resource": the page must not request one on load, so that is an error too);
- every uncaught exception (``pageerror``);
- every dialog (``alert``/``confirm``/``prompt``), which the page never opens: a dialog
  means injected script ran. Dialogs are dismissed so the page does not hang.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ARGS", "CHROMIUM", "PageLog", "browser_available", "open_page"]

CHROMIUM = os.environ.get("CLAIMMAP_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def browser_available() -> str | None:
    """None when the browser tests can run, else why not."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@dataclass
class PageLog:
    """What a page did that a test may assert on."""

    errors: list[str] = field(default_factory=list)     # console errors and page errors
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)    # requests aborted (network)
    console: list[str] = field(default_factory=list)    # every console message


@contextlib.contextmanager
def open_page(path, *, width: int = 1280, height: int = 800, wait_ready: bool = True,
              timeout_ms: int = 60_000, fragment: str = ""):
    """Open the local file ``path`` in headless Chromium with the network blocked.

    Yields ``(page, log)``; ``page`` is a Playwright Page, ``log`` a PageLog. With
    ``wait_ready`` it waits until the map's script says it has drawn everything
    (``window.claimmap.ready``). ``fragment`` (``#...``) is put after the file's URL, as
    a shared link would carry it.
    """
    from playwright.sync_api import sync_playwright

    log = PageLog()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})

            def route(r):
                url = r.request.url
                if url.startswith(("file:", "data:", "blob:", "about:")):
                    r.continue_()
                else:
                    log.blocked.append(url)
                    r.abort()

            page.route("**/*", route)

            def on_console(msg):
                log.console.append(f"{msg.type}: {msg.text}")
                if msg.type == "error":
                    log.errors.append(f"console: {msg.text}")

            def on_dialog(dialog):
                log.dialogs.append(f"{dialog.type}: {dialog.message}")
                dialog.dismiss()

            page.on("console", on_console)
            page.on("pageerror", lambda exc: log.errors.append(f"pageerror: {exc}"))
            page.on("dialog", on_dialog)
            page.set_default_timeout(timeout_ms)
            page.goto(Path(path).resolve().as_uri() + fragment)
            if wait_ready:
                try:
                    page.wait_for_function("window.claimmap && window.claimmap.ready === true",
                                           timeout=timeout_ms)
                except Exception as err:
                    raise AssertionError(f"the map never became ready: {log.errors or log.console}"
                                         ) from err
            yield page, log
        finally:
            browser.close()
