"""Pipeline throughput per stage on the bundled articles, against a baseline measured in the same run.

Baseline: reading and normalizing the same texts (the least any pipeline must do). Target: a day
of news, 300,000 articles, in 15 minutes on two cores = 167 articles/s per core.
"""
from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

from cityties import pipeline
from cityties.document import Document, normalize_text
from cityties.sources import Failure, read

TARGET_PER_CORE = 300_000 / (15 * 60) / 2
ROUNDS = 5


def load(paths: list[str]) -> list[Document]:
    return [d for d in read(paths) if not isinstance(d, Failure)]


def fresh(docs: list[Document]) -> list[Document]:
    return [Document(raw=d.raw, source=d.source, url=d.url, published=d.published) for d in docs]


def main(argv: list[str]) -> int:
    paths = argv or [str(Path(__file__).resolve().parent.parent / "examples" / "articles")]
    docs = load(paths)
    pipeline.run(fresh(docs)[0])  # load lexicons, gazetteer and models once, outside the timing
    stage_time = {name: [] for name in pipeline.STAGE_NAMES}
    baseline, total = [], []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        for d in docs:
            normalize_text(d.raw)
        baseline.append(time.perf_counter() - t0)
        batch = fresh(docs)
        per_stage = dict.fromkeys(pipeline.STAGE_NAMES, 0.0)
        t0 = time.perf_counter()
        for doc in batch:
            for name, stage in pipeline.stages():
                s0 = time.perf_counter()
                doc = stage(doc)
                per_stage[name] += time.perf_counter() - s0
        total.append(time.perf_counter() - t0)
        for name, t in per_stage.items():
            stage_time[name].append(t)
    n = len(docs)
    run_s, base_s = statistics.median(total), statistics.median(baseline)
    rate = n / run_s
    print(f"articles: {n}, rounds: {ROUNDS} (medians)")
    print(f"baseline (read+normalize): {n / base_s:10.0f} articles/s")
    print(f"pipeline:                  {rate:10.1f} articles/s  ({run_s / base_s:.0f}x the baseline's time)")
    for name in pipeline.STAGE_NAMES:
        share = statistics.median(stage_time[name]) / run_s
        print(f"  {name:14} {1000 * statistics.median(stage_time[name]) / n:7.2f} ms/article  {share:5.1%}")
    print(f"target per core:           {TARGET_PER_CORE:10.1f} articles/s  (ratio {rate / TARGET_PER_CORE:.2f})")
    print(f"peak memory:               {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:10.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
