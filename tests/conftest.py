"""Fixtures shared by the test modules (paths in ``common.py``)."""

from datetime import date

import pytest

from common import FIRST_ARTICLE, FIRST_SHEET, SHARED


def pytest_sessionstart(session):
    # the first article and its sheet are part of the contract: a missing ../shared is an
    # error of the checkout, never a reason to skip
    if not FIRST_ARTICLE.is_file() or not FIRST_SHEET.is_file():
        raise pytest.UsageError(f"{SHARED} (the shared folder beside the repository) is "
                                "missing: the tests read the first article from it")


@pytest.fixture(scope="session")
def first_article():
    """The first article as read (an Article)."""
    from layers.text.article import read_article

    return read_article(FIRST_ARTICLE)


@pytest.fixture(scope="session")
def first_doc(first_article):
    """The first article's ClaimsDoc, extracted as `claimmap extract` does (the date found
    in the article)."""
    from layers.text.claims import extract

    return extract(first_article)


@pytest.fixture(scope="session")
def first_layers():
    """The first article's real build: reader, geoparser, extractor, builder."""
    from layers.builder import build

    return build(str(FIRST_ARTICLE), date=date(2025, 6, 29))


@pytest.fixture(scope="session")
def first_sheet():
    """The first article's acceptance sheet (../shared/expected), as data."""
    import yaml

    return yaml.safe_load(FIRST_SHEET.read_text(encoding="utf-8"))
