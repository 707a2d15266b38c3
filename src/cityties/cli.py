"""The command line: thin commands over the library (ingest, events, event, place, dossier, export, extract, stats)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from cityties import exports, queries, report, sources
from cityties.document import EVENT_TYPES
from cityties.evalformat import documents_to_eval
from cityties.ingest import ingest as run_ingest
from cityties.ingest import processed
from cityties.settings import Settings
from cityties.store import Store

app = typer.Typer(help="cityties: city-to-city diplomacy news into a knowledge base.",
                  no_args_is_help=True, add_completion=False)
console = Console()
err = Console(stderr=True)
SENTENCE_PREVIEW = 90  # characters of a supporting sentence shown in a table cell


class State:
    settings = Settings()


def _store() -> Store:
    return Store(State.settings)


@app.callback()
def main_options(
    db: Annotated[Optional[str], typer.Option("--db", help="SQLAlchemy URL (default: $CITYTIES_DB or sqlite:///cityties.db)")] = None,
) -> None:
    """cityties: city-to-city diplomacy news into a knowledge base."""
    State.settings = Settings(db_url=db) if db else Settings()


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, URLs or RSS/Atom feeds")],
    strict: Annotated[bool, typer.Option(help="Exit non-zero if any input failed")] = False,
    workers: Annotated[int, typer.Option(help="Worker processes for the pipeline")] = 1,
) -> None:
    """Read articles, extract events and store them.  Example: cityties ingest examples/articles"""
    State.settings.workers = workers
    store = _store()
    total = sources.count_inputs(inputs)
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=total)
        report = run_ingest(inputs, store, State.settings, on_item=lambda _o: progress.advance(task))
    console.print(f"stored {report.count('stored')}, unchanged {report.count('unchanged')}, "
                  f"failed {report.count('failed')}")
    for f in report.failures:
        console.print(f"  [red]failed[/red] {f.source}: {f.detail}")
    if strict and report.failures:
        raise typer.Exit(1)


def _events_table(rows: list[dict], title: str) -> Table:
    table = Table(title=title)
    for col in ("id", "date", "type", "where", "places", "people", "src"):
        table.add_column(col, overflow="fold")
    for ev in rows:
        when = ev["start"] or "?"
        if ev["end"] and ev["end"] != ev["start"]:
            when += f" → {ev['end']}"
        where = f"{ev['location']} ({ev['country']})" if ev["location"] else ""
        table.add_row(str(ev["id"]), when, ev["type"], where, ", ".join(ev["places"][:6]),
                      ", ".join(ev["people"][:3]), str(ev["sources"]))
    return table


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(2)


def _ask(query, *args):
    """Run a query function in a read session; a NotFound becomes a clear error and exit status 2."""
    with _store().session() as s:
        try:
            return query(s, *args)
        except queries.NotFound as exc:
            _fail(str(exc))


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


@app.command()
def events(
    type: Annotated[Optional[str], typer.Option("--type", help="forum, visit, meeting, agreement, award, membership")] = None,
    place: Annotated[Optional[str], typer.Option(help="A place taking part, in any language")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO country code taking part")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest start date (YYYY[-MM[-DD]])")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest start date (YYYY[-MM[-DD]])")] = None,
    text: Annotated[Optional[str], typer.Option(help="Full-text search")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(help="Hide events less sure than this (default: the eval threshold; 0 shows all)")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list")] = False,
) -> None:
    """List events, newest first.  Example: cityties events --type agreement --place Seoul"""
    sure = State.settings.event_threshold if min_confidence is None else min_confidence
    flt = queries.EventFilter(type, place, country, since, until, text, sure, limit)
    rows = _ask(queries.list_events, flt)
    if as_json:
        _print_json(rows)
    else:
        console.print(_events_table(rows, f"{len(rows)} events"))


@app.command()
def event(event_id: Annotated[int, typer.Argument(help="Event id")],
          as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Show one event: each fact with the sentence that supports it.  Example: cityties event 3"""
    ev = _ask(queries.event_detail, event_id)
    if as_json:
        _print_json(ev)
        return
    console.print(f"[bold]#{ev['id']} {ev['type']}[/bold] {ev['name'] or ''} "
                  f"{ev['start'] or '?'}{' → ' + ev['end'] if ev['end'] and ev['end'] != ev['start'] else ''}"
                  f" {ev['location'] or ''}")
    table = Table()
    for col in ("field", "value", "conf", "articles", "supporting sentence"):
        table.add_column(col, overflow="fold")
    for (field, label), facts in _grouped_facts(ev["facts"]).items():
        sentence = facts[0]["sentence"] or ""
        if len(sentence) > SENTENCE_PREVIEW:
            sentence = sentence[:SENTENCE_PREVIEW - 1] + "…"
        table.add_row(field, label, f"{max(f['confidence'] for f in facts):.2f}",
                      str(len({f["article_id"] for f in facts})), sentence)
    console.print(table)
    for name in ev["conflicts"]:
        r = ev["resolved"][name]
        sides = "; ".join(f"{v['label']} ({len(v['articles'])} article{'s' if len(v['articles']) != 1 else ''})"
                          for v in r["values"])
        console.print(f"[yellow]conflict[/yellow] {name}: {sides} → shows {r['label']} ({r['rule']})")
    for link in ev["links"]:
        other = link["event"]
        console.print(f"{link['relation']}: #{other['id']} {other['type']} {other['start'] or '?'} "
                      f"{other['location'] or ''}")
    for src in ev["sources"]:
        console.print(f"source: [{src['language']}] {src['title']} — {src['url'] or src['source']}")


def _grouped_facts(facts: list[dict]) -> dict[tuple[str, str], list[dict]]:
    """Facts by (field, shown value), so one value said by several articles is one row."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for f in facts:
        if f["field"] == "type":
            continue
        label = f["label"]
        detail = f["detail"] or {}
        if detail.get("role"):
            label += f" ({detail['role']}{', ' + detail['of'] if detail.get('of') else ''})"
        groups.setdefault((f["field"], label), []).append(f)
    return groups


@app.command()
def place(name: Annotated[str, typer.Argument(help="Place name in any language")],
          as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """A place's events and partners.  Example: cityties place "TP HCM" """
    info = _ask(queries.place_detail, name)
    if as_json:
        _print_json(info)
        return
    p = info["place"]
    console.print(f"[bold]{p['name']}[/bold] ({p['country']})")
    console.print(_events_table(info["events"], f"{len(info['events'])} events"))
    partners = ", ".join(f"{x['place']} ({x['events']})" for x in info["partners"][:15])
    console.print(f"partners: {partners or 'none yet'}")


@app.command()
def dossier(a: Annotated[str, typer.Argument(help="A place, in any language")],
            b: Annotated[Optional[str], typer.Argument(help="A second place: the dossier of the pair")] = None,
            as_json: Annotated[bool, typer.Option("--json", help="Print the dossier as JSON")] = False,
            html: Annotated[Optional[Path], typer.Option("--html", help="Write a self-contained HTML report to this file")] = None) -> None:
    """A place's (or a pair's) timeline, partners, agreements, people and fields.  Example: cityties dossier Incheon Brisbane --html incheon.html"""
    info = _ask(queries.dossier, a, b) if b else _ask(queries.place_dossier, a)
    if html:
        html.write_text(report.render_html(info), encoding="utf-8")
        err.print(f"wrote {html}")
    if as_json:
        _print_json(info)
    elif not html:
        _print_dossier(info)


def _print_dossier(info: dict) -> None:
    names = " — ".join(f"{p['name']} ({p['country']})" for p in info["places"])
    console.print(f"[bold]{names}[/bold]: {len(info['events'])} events, "
                  f"first {info['first'] or '?'}, last {info['last'] or '?'}")
    console.print(_events_table(info["events"], "timeline" if len(info["places"]) == 1 else "together"))
    if info.get("tie"):
        console.print(f"tie strength {info['tie']['weight']} ({', '.join(info['tie']['types'])})")
    if info.get("partners"):
        console.print(_rows_table("partners by tie strength", ("place", "strength", "events", "types", "first", "last"),
                                  [(f"{p['name']} ({p['country']})", p["weight"], p["events"], ", ".join(p["types"]),
                                    p["first"] or "?", p["last"] or "?") for p in info["partners"]]))
    if info["agreements"]:
        console.print(_events_table(info["agreements"], "agreements"))
    if info["people"]:
        console.print(_rows_table("people who met", ("of", "person", "role", "events"),
                                  [(p["of"] or "", " / ".join(p["names"]), ", ".join(p["roles"]),
                                    " ".join(f"#{i}" for i in p["events"])) for p in info["people"]]))
    if info["fields"]:
        console.print("fields: " + ", ".join(f"{f['field']} ({f['events']})" for f in info["fields"]))


def _rows_table(title: str, columns: tuple[str, ...], rows: list[tuple]) -> Table:
    table = Table(title=title)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(str(v) for v in row))
    return table


def _codes(values: list[str] | None, upper: bool = False) -> tuple[str, ...]:
    """Repeated or comma-separated option values as one tuple."""
    return tuple(v.strip().upper() if upper else v.strip() for vs in values or [] for v in vs.split(",") if v.strip())


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="graphml, gexf, csv, json (network); csv, json, jsonl, parquet (events)")],
    what: Annotated[Optional[str], typer.Option(help="network or events (default: events for parquet/jsonl, else network)")] = None,
    output: Annotated[Optional[Path], typer.Option(help="File to write (a directory for the network as csv); default: standard output")] = None,
    type: Annotated[Optional[list[str]], typer.Option("--type", help="Event types to keep (repeat or comma-separate)")] = None,
    country: Annotated[Optional[list[str]], typer.Option(help="ISO country codes: events touching them; network places in them")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest start date (YYYY[-MM[-DD]])")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest start date (YYYY[-MM[-DD]])")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(help="Leave out events less sure than this (default: the eval threshold)")] = None,
) -> None:
    """Export the city network or the events table.  Example: cityties export --format graphml --output ties.graphml"""
    what = what or exports.default_what(format)
    types = _codes(type)
    unknown = set(types) - set(EVENT_TYPES)
    if unknown:
        _fail(f"unknown event type {', '.join(sorted(unknown))} (known: {', '.join(EVENT_TYPES)})")
    if (problem := exports.problem(what, format, output)) is not None:
        _fail(problem)
    sure = State.settings.event_threshold if min_confidence is None else min_confidence
    flt = queries.NetworkFilter(_codes(country, upper=True), types, since, until, sure)
    data = _ask(queries.network if what == "network" else queries.events_table, flt)
    if output is None:
        sys.stdout.write(exports.render(what, format, data))
        return
    for path in exports.save(what, format, data, output):
        err.print(f"wrote {path}")


@app.command()
def extract(
    directory: Annotated[Path, typer.Argument(help="Directory (or file) of articles")],
    format: Annotated[str, typer.Option("--format", help="eval: SCHEMA.md JSON lines")] = "eval",
) -> None:
    """Print extracted events as JSON lines without touching the database.  Example: cityties extract --format eval ../shared/eval/dev"""
    if format != "eval":
        _fail(f"unknown format {format!r} (known: eval)")
    root = directory if directory.is_dir() else directory.parent
    docs = []
    for item in processed(sources.read([str(directory)]), 1):
        if isinstance(item, sources.Failure):
            err.print(f"[yellow]skipped[/yellow] {item.source}: {item.reason}")
        else:
            docs.append((str(Path(item.source).relative_to(root)), item))
    for line in documents_to_eval(docs, State.settings.event_threshold, State.settings.slot_threshold):
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """What the database holds.  Example: cityties stats"""
    with _store().session() as s:
        info = queries.stats(s)
        failed = queries.failures(s)
    if as_json:
        _print_json(info | {"failures": failed})
        return
    table = Table(title="cityties")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key in ("articles", "failed", "events", "mentions", "places"):
        table.add_row(key, str(info[key]))
    for etype, n in sorted(info["events_by_type"].items()):
        table.add_row(f"  {etype}", str(n))
    for lang, n in sorted(info["languages"].items(), key=lambda kv: kv[0] or ""):
        table.add_row(f"  articles in {lang}", str(n))
    console.print(table)
    for f in failed:
        console.print(f"  [red]failed[/red] {f['source']}: {f['error']}")


def main() -> None:
    app()


from cityties import cli_accounts, cli_serve  # noqa: E402,F401 - they register their commands on app
