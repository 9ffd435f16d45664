"""Property tests (hypothesis) of the reader, geoparser, extractor, claims loader and writers.

The properties and their strategies live in tests/fuzz_properties.py, shared with the long
run in bench/fuzz.py; here each runs a bounded number of examples (the whole file in well
under a minute), with no database so a run does not depend on an earlier one.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzz_properties as fp

_SETTINGS = dict(deadline=None, database=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.filter_too_much])


@settings(max_examples=150, **_SETTINGS)
@given(fp.article_files())
def test_reader_gives_an_article_or_bad_input(case):
    fp.check_reader(case)


@settings(max_examples=200, **_SETTINGS)
@given(st.one_of(fp.article_texts(), fp.claim_texts()))
def test_geoparser_offsets_slice_back_to_surfaces(text):
    fp.check_geoparser(text)


@settings(max_examples=120, **_SETTINGS)
@given(st.one_of(fp.claim_texts(), fp.article_texts()))
def test_extractor_spans_and_categories(text):
    fp.check_extractor(text)


@settings(max_examples=100, **_SETTINGS)
@given(fp.mutated_claims())
def test_claims_loader_gives_a_doc_or_bad_input_with_a_line(text):
    fp.check_claims_loader(text)


@settings(max_examples=60, **_SETTINGS)
@given(fp.claims_docs())
def test_writers_write_rfc7946_geojson(doc):
    fp.check_writers(doc)


@pytest.mark.parametrize("text", [
    "",
    " " * 100_000,
    "Kyiv" * 5000,
    "Côte d'Ivoire's capital and N'Djamena, Ma'alot-Tarshiha",
    "Київ і Харків, Покровськ\u2019s mine",
    "\ufeffKyiv\u200bKharkiv\u00a0Pokrovsk",
    "Pokrovsk\r\nKramatorsk\rSloviansk\u2028Avdiivka\u0085Dnipro",
])
def test_geoparser_edge_texts(text):
    fp.check_geoparser(text)
    fp.check_extractor(text)


@settings(max_examples=40, **_SETTINGS)
@given(fp.claims_docs())
def test_build_files_are_whole_and_the_claims_file_loads_back(doc):
    fp.check_build_files(doc)


# ------------------------------------------------------------------ inputs with limits

_CLAIMMAP = str(__import__("pathlib").Path(__import__("sys").executable).with_name("claimmap"))


@pytest.mark.slow
def test_adversarial_inputs_within_the_limits(tmp_path):
    """bench/fuzz.py's inputs (a long line, many figures and places, deep HTML and YAML,
    exponential aliases, a claims file of many claims, UTF-16, Latin-1, junk and control
    bytes) at CI's size, through the command line, two at a time: each exits 0 or 2 within
    25 s and 2.5 GB, with no traceback and nothing written on exit 2."""
    from concurrent.futures import ThreadPoolExecutor

    import fuzz_inputs as fi

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda name: fi.run_case(_CLAIMMAP, name, 1, tmp_path / name),
                                fi.CASES))
    failed = [r for r in results if not r["passed"]]
    assert not failed, failed
    statuses = {r["case"]: r["status"] for r in results}
    # the readable ones build; what is no article or claims file is refused
    assert statuses["many-figures"] == statuses["huge-claims"] == statuses["latin1"] == 0
    assert statuses["deep-yaml"] == statuses["yaml-aliases"] == statuses["junk-bytes"] == 2
