"""``brikg build`` and ``brikg extract``: documents in, graph out."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from brikg.commands import format_option, path_option
from brikg.corpus import load_file
from brikg.errors import BrikgError
from brikg.incremental import DEFAULT_CACHE
from brikg.ir import DateValue, Document, MentionKind, QuantityValue
from brikg.output import check_writable
from brikg.parallel import extract_corpus
from brikg.pipeline import (
    Progress,
    build_corpus,
    check_corpus_folder,
    extract_documents,
    unread_files,
    write_graph,
)


@contextmanager
def _progress(total_hint: str) -> Iterator[Progress | None]:
    """A rich progress line on a terminal; nothing when output is piped or in CI."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress as RichProgress
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    with RichProgress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task(total_hint)
        yield lambda name: bar.update(task, description=f"extracting {name}")


def _echo_errors(errors: list[str]) -> None:
    """One ``brikg: error:`` line per document that could not be read."""
    for error in errors:
        click.echo(f"brikg: error: {error}", err=True)


@click.command()
@path_option(
    "--corpus",
    "corpus_dir",
    default=Path("corpus"),
    help_text="Folder of documents (with an optional manifest.toml).",
)
@path_option(
    "--out", "out_dir", default=Path("graph"), help_text="Folder the graph files are written to."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes for the per-document stages; 0 means one per core.",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Keep each document's extraction in this folder; a rebuild re-extracts only documents "
    "whose content (or brikg itself) changed.",
)
@click.option(
    "--incremental",
    is_flag=True,
    help=f"Same as --cache {DEFAULT_CACHE}.",
)
def build(
    corpus_dir: Path, out_dir: Path, jobs: int, cache_dir: Path | None, incremental: bool
) -> None:
    """Read every document in the corpus and write the graph (TriG, Turtle, N-Triples, JSON-LD,
    and one N-Quads shard per document in shards/)."""
    started = time.perf_counter()
    check_writable(out_dir)  # before the long part: a bad --out fails at once, changing nothing
    check_corpus_folder(corpus_dir)
    for path, reason in unread_files(corpus_dir).items():
        click.echo(f"brikg: warning: skipped {path}: {reason}", err=True)
    cache = cache_dir or (DEFAULT_CACHE if incremental else None)
    with _progress("loading corpus") as progress:
        corpus, report = extract_corpus(corpus_dir, jobs=jobs, cache=cache, progress=progress)
    if not corpus.documents:
        _echo_errors(corpus.errors)
        raise BrikgError(f"no document in {corpus_dir} could be read; {out_dir} left as it was")
    stats = write_graph(corpus, out_dir, jobs=jobs)
    elapsed = time.perf_counter() - started
    click.echo(
        f"built {out_dir}: {stats['documents']} documents, {stats['entities']} entities, "
        f"{stats['triples']} triples in {elapsed:.1f} s"
    )
    unread = f"; {len(corpus.errors)} could not be read" if corpus.errors else ""
    click.echo(report.line() + unread)
    _echo_errors(corpus.errors)
    if corpus.errors:
        raise BrikgError(
            f"{len(corpus.errors)} document(s) could not be read; the others were built"
        )


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@format_option("table", "jsonl", help_text="table for reading, jsonl for tools.")
def extract(file: Path, output_format: str) -> None:
    """Show what one document yields: mentions, entities and facts with their quotes."""
    doc = load_file(file)
    corpus = extract_documents([doc])
    if output_format == "jsonl":
        for record in _records(doc, corpus.entities):
            click.echo(json.dumps(record, ensure_ascii=False, sort_keys=True))
        return
    _table(doc, corpus.entities)


def _records(doc: Document, entities: dict) -> Iterator[dict[str, object]]:
    for mention in doc.mentions:
        start, end = doc.raw_span(mention.start, mention.end)
        record: dict[str, object] = {
            "type": "mention", "kind": mention.kind.value, "text": doc.raw[start:end],
            "start": start, "end": end, "sentence": mention.sentence, "rule": mention.rule,
        }  # fmt: skip
        if mention.entity:
            record.update(
                entity=mention.entity, label=mention.label.value if mention.label else None
            )
        if mention.date:
            record.update(_dated(mention.date))
        if mention.quantity:
            record.update(_figure(mention.quantity))
        yield record
    for entity_id in sorted({m.entity for m in doc.mentions if m.entity}):
        entity = entities[entity_id]
        yield {
            "type": "entity",
            "id": entity_id,
            "class": entity.type.value,
            "labels": entity.labels,
        }
    for fact in doc.facts:
        record = {
            "type": "fact", "subject": fact.subject, "predicate": fact.predicate,
            "object": fact.object, "rule": fact.evidence.rule, "quote": fact.evidence.quote,
            "start": fact.evidence.start, "end": fact.evidence.end,
        }  # fmt: skip
        if fact.event_kind:
            record["event"] = fact.event_kind
        if fact.planned:
            record["planned"] = True
        if fact.date:
            record.update(_dated(fact.date))
        if fact.quantity:
            record.update(_figure(fact.quantity), measure=fact.measure)
        yield record


def _dated(date: DateValue) -> dict[str, object]:
    """A date as ISO text at its precision, with the end of a range ("2021-2023") and how the
    text framed it ("by", "since", "end"), which the graph keeps too."""
    fields: dict[str, object] = {"date": date.iso()}
    if date.end is not None:
        fields["end_date"] = date.end.iso()
    if date.qualifier:
        fields["qualifier"] = date.qualifier
    return fields


def _span(date: DateValue | None) -> str:
    """A date for the table: "2021", "2021-03", "2021/2023" for a range."""
    if date is None:
        return ""
    return date.iso() + (f"/{date.end.iso()}" if date.end is not None else "")


def _figure(quantity: QuantityValue) -> dict[str, object]:
    """A quantity's value and unit, and ``approximate`` when it is hedged or a range."""
    figure: dict[str, object] = {"value": quantity.value, "unit": quantity.unit}
    if quantity.approximate:
        figure["approximate"] = True
    return figure


def _table(doc: Document, entities: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    def label(entity_id: str | None) -> str:
        entity = entities.get(entity_id or "")
        if entity is None:
            return entity_id or ""
        return entity.labels.get("en") or entity.labels.get("zh") or entity_id or ""

    console = Console(width=160, soft_wrap=False)
    named = Table("entity", "class", "mentions", title=f"{doc.id}: entities")
    counts: dict[str, int] = {}
    for mention in doc.mentions:
        if mention.kind is MentionKind.ENTITY and mention.entity:
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
    for entity_id in sorted(counts):
        named.add_row(label(entity_id), entities[entity_id].type.value, str(counts[entity_id]))
    console.print(named)

    facts = Table("subject", "relation", "object / value", "quote", title=f"{doc.id}: facts")
    for fact in doc.facts:
        if fact.predicate == "event":
            planned = " (planned)" if fact.planned else ""
            value = f"{fact.event_kind} {_span(fact.date)}{planned}"
        elif fact.predicate == "quantity" and fact.quantity:
            approximate = "~" if fact.quantity.approximate else ""
            value = f"{approximate}{fact.quantity.value:g} {fact.quantity.unit}"
        else:
            value = label(fact.object)
        quote = fact.evidence.quote
        facts.add_row(
            label(fact.subject),
            fact.predicate,
            value,
            quote[:90] + ("…" if len(quote) > 90 else ""),
        )
    console.print(facts)


@click.command()
@path_option(
    "--corpus",
    "corpus_dir",
    default=Path("corpus"),
    help_text="Folder of documents the gold documents belong to.",
)
@path_option(
    "--gold",
    "gold_dir",
    default=Path("tests/gold"),
    help_text="Folder of gold annotations (*.json).",
)
@format_option("table", "markdown", "json")
@click.option(
    "--language",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Score the gold documents in this language.",
)
@click.option("--errors", is_flag=True, help="Also list misses and spurious predictions.")
def evaluate(
    corpus_dir: Path, gold_dir: Path, output_format: str, language: str, errors: bool
) -> None:
    """Precision and recall per entity class and relation against the gold annotations."""
    from brikg.evaluate import evaluate as score_corpus
    from brikg.evaluate import load_gold, markdown_table, summary_rows

    gold = load_gold(gold_dir)
    if not gold:
        raise BrikgError(f"no gold annotations (*.json) in {gold_dir}")
    try:
        rows = summary_rows(score_corpus(build_corpus(corpus_dir), gold, language))
    except ValueError as error:
        raise BrikgError(str(error)) from error
    if output_format == "json":
        payload = {
            name: {"gold": s.gold, "predicted": s.predicted, "precision": round(s.precision, 4),
                   "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
            for name, s in rows.items()
        }  # fmt: skip
        click.echo(json.dumps(payload, indent=2))
    else:
        names = [g["document"] for g in gold if g.get("language", "en") == language]
        click.echo(f"gold documents ({language}): {', '.join(names)}")
        click.echo(markdown_table(rows))
    if errors:
        for name, score in rows.items():
            for miss in score.misses:
                click.echo(f"miss\t{name}\t{miss}")
            for extra in score.spurious:
                click.echo(f"spurious\t{name}\t{extra}")
