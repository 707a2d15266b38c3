"""Per-language scores of a prediction file, and a floor that quality must not fall below.

usage: eval_report.py SCORER GOLD_DIR PRED [--floor FILE --set NAME]

Runs the shared scorer (SCORER, standard library only) on each language's gold files, prints
event and slot micro F1 per language, and with --floor exits 1 when a figure falls under the
floors FILE gives for the evaluation set NAME (dev, heldout).
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import tempfile
from pathlib import Path


def load_scorer(path: str):
    spec = importlib.util.spec_from_file_location("shared_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def by_language(scorer, gold_dir: Path, pred: str) -> dict[str, dict]:
    """The scorer's result on each language's documents alone, plus "all"."""
    groups: dict[str, list[Path]] = {}
    for f in sorted(gold_dir.glob("*.json")):
        if f.name != "same_event.json":
            groups.setdefault(json.loads(f.read_text(encoding="utf-8"))["language"], []).append(f)
    results = {"all": scorer.score(gold_dir, pred)}
    for lang, files in groups.items():
        with tempfile.TemporaryDirectory() as tmp:
            for f in files:
                shutil.copy(f, tmp)
            results[lang] = scorer.score(tmp, pred)
    return results


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    floor_file = argv[argv.index("--floor") + 1] if "--floor" in argv else None
    set_name = argv[argv.index("--set") + 1] if "--set" in argv else "dev"
    for value in (floor_file, set_name if "--set" in argv else None):
        if value:
            args.remove(value)
    scorer_path, gold_dir, pred = args
    results = by_language(load_scorer(scorer_path), Path(gold_dir), pred)
    print(f"{'language':10} {'events F1':>10} {'slots F1':>10}")
    for lang, r in results.items():
        print(f"{lang:10} {r['events']['f1']:10.3f} {r['slots_micro']['f1']:10.3f}")
    if not floor_file:
        return 0
    failed = []
    for lang, floors in json.loads(Path(floor_file).read_text())[set_name].items():
        for metric, floor in floors.items():
            value = results[lang]["events" if metric == "events" else "slots_micro"]["f1"]
            if value < floor:
                failed.append(f"{lang} {metric} F1 {value:.3f} < floor {floor}")
    for line in failed:
        print("BELOW FLOOR:", line)
    print(f"eval floor ({set_name}): " + ("failed" if failed else "held"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
