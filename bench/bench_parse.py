"""Parse throughput: text documents per second on one core.

Reads every text fixture (tests/fixtures, examples/ and ../shared/seeds when present) into memory
once, then parses them in rounds until --seconds have passed. Reading files is not timed; the full
pipeline from bytes (decoding, clean-up, detection, parsing, validation) is.

    .venv/bin/python bench/bench_parse.py [--seconds 5]

Target (issue 2): at least 200 documents per second.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from ita_lib.errors import ItaError
from ita_lib.parse import parse_document

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "tests" / "fixtures", ROOT / "examples", ROOT.parent / "shared" / "seeds")
TARGET_PER_SECOND = 200


def corpus() -> list[tuple[str, bytes]]:
    docs = []
    for folder in SOURCES:
        if folder.is_dir():
            docs += [(p.name, p.read_bytes()) for p in sorted(folder.rglob("*"))
                     if p.suffix in (".txt", ".html")]
    return docs


def measure(docs: list[tuple[str, bytes]], seconds: float) -> tuple[float, int, dict[str, float]]:
    """(documents per second, records, slowest time per document) over rounds of the corpus."""
    for _, data in docs:  # warm up: lazy imports and regex compilation are not throughput
        try:
            parse_document(data)
        except ItaError:
            pass
    parsed = records = 0
    slowest: dict[str, float] = {}
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for name, data in docs:
            t0 = time.perf_counter()
            try:
                records += len(parse_document(data))
            except ItaError:
                pass
            slowest[name] = max(slowest.get(name, 0.0), time.perf_counter() - t0)
            parsed += 1
    return parsed / (time.perf_counter() - start), records, slowest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    docs = corpus()
    if not docs:
        raise SystemExit("no documents found")
    text_docs = [(n, d) for n, d in docs if not n.endswith(".html")]
    html_docs = [(n, d) for n, d in docs if n.endswith(".html")]
    size = sum(len(data) for _, data in text_docs)
    rate, records, slowest = measure(text_docs, args.seconds)
    print(f"text corpus: {len(text_docs)} documents, {size / 1024:.0f} KiB, {records} records parsed")
    print(f"text: {rate:.0f} documents/s on one core "
          f"(target ≥ {TARGET_PER_SECOND}: {'met' if rate >= TARGET_PER_SECOND else 'NOT met'})")
    worst = sorted(slowest.items(), key=lambda kv: -kv[1])[:3]
    print("slowest: " + ", ".join(f"{name} {seconds * 1000:.1f} ms" for name, seconds in worst))
    if html_docs:
        html_rate, _, _ = measure(html_docs, max(1.0, args.seconds / 4))
        print(f"html: {html_rate:.0f} documents/s ({len(html_docs)} pages; whole-page BeautifulSoup parse)")


if __name__ == "__main__":
    main()
