"""Claim archive benchmark: `store add` throughput and `check --against` on a small and a large archive.

    python bench/store.py [--add 500] [--claims 200000] [--pairs 300] [--pair-share 0.01]
                          [--small 1000] [--new fixtures/seeds/003_*.txt] [--runs 3] [--keep DIR]

1. `claimcheck store add` of --add generated articles (bench/corpus.py) into a fresh archive.
2. A large archive: a copy of that one, filled up to --claims claims with synthetic documents written
   directly through checker.store.Store: each one copies a real analysed article (text, mentions,
   claims) under a new document id and moves its claims to another country pair (--pairs distinct
   pairs of countries from rules/subjects/countries.yaml; a --pair-share of the documents on the pair
   of the new article).
3. `claimcheck check NEW --against DB` (median of --runs) against a ~--small claim archive and against
   the large one, and how many archived claims each check loads (Store.related, as the pipeline does).

Uses the claimcheck next to this interpreter and the `checker` package it runs. Prints, never asserts.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT / "fixtures" / "seeds"
MB = 1_000_000
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import corpus  # noqa: E402

from checker.cli import _pack  # noqa: E402  (the rule pack the CLI would use in this folder)
from checker.ingest import load_documents  # noqa: E402
from checker.models import Claim, Document, Mention  # noqa: E402
from checker.pipeline import Analysis, analyse_all  # noqa: E402
from checker.store import Store, subject_key  # noqa: E402


def say(line: str = "") -> None:
    print(line, flush=True)


def run(command: list[str], timeout: float = 600) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    return time.perf_counter() - start, done


def first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0]


def file_mb(db: Path) -> float:
    """The archive's size on disk, with its WAL and shared-memory files if any are left."""
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / MB


def archive_line(db: Path) -> str:
    store = Store(db)
    try:
        stats = store.stats()
        keys = store.db.execute("SELECT count(DISTINCT subject_key) FROM claims").fetchone()[0]
    finally:
        store.close()
    return f"{stats['documents']:,} documents, {stats['claims']:,} claims, {keys:,} subject keys, {file_mb(db):.1f} MB"


def show(key: str) -> str:
    return key.replace("\x1f", " + ")


def pair_key(claim: Claim, countries: set[str]) -> str | None:
    """The claim's subject key when it is about exactly two countries."""
    if len(claim.subjects) == 2 and all(s in countries for s in claim.subjects):
        return subject_key(claim)
    return None


# -- synthetic documents ---------------------------------------------------------------------------------


def moved(claim: Claim, doc_id: str, mapping: dict[str, str]) -> Claim:
    """A copy of `claim` in document `doc_id`, its subjects (and role fields) renamed by `mapping`."""
    subjects = [mapping.get(s, s) for s in claim.subjects]
    if claim.subjects == sorted(claim.subjects):  # unordered definitions keep subjects sorted
        subjects.sort()
    fields = dict(claim.fields)
    roles = fields.get("roles")
    if isinstance(roles, dict):
        fields["roles"] = {
            role: " + ".join(mapping.get(part, part) for part in str(value).split(" + ")) for role, value in roles.items()
        }
    key = {name: " + ".join(mapping.get(part, part) for part in value.split(" + ")) for name, value in claim.key.items()}
    suffix = claim.id.partition("#")[2]
    return claim.model_copy(
        update={"id": f"{doc_id}#{suffix}", "document": doc_id, "subjects": subjects, "fields": fields, "key": key}
    )


def synthetic(
    templates: list[tuple[Analysis, tuple[str, str]]],
    pairs: list[tuple[str, str]],
    target: tuple[str, str],
    share: float,
    claims_wanted: int,
    seed: str,
    counts: Counter[str],
) -> Iterator[tuple[Document, list[Mention], list[Claim]]]:
    """(Document, mentions, claims) copies of real analysed articles until `claims_wanted` claims."""
    r = random.Random(seed)
    made = index = 0
    while made < claims_wanted:
        template, (a, b) = r.choice(templates)
        c, d = target if r.random() < share else r.choice(pairs)
        if r.random() < 0.5:
            c, d = d, c
        mapping = {a: c, b: d}
        doc_id = f"synthetic-{index:06d}"
        document = template.document.model_copy(
            update={"id": doc_id, "path": f"synthetic/{doc_id}_{c}-{d}.txt".replace(" ", "-").lower()}
        )
        claims = [moved(claim, doc_id, mapping) for claim in template.claims]
        counts.update(subject_key(claim) for claim in claims)
        made += len(claims)
        index += 1
        yield document, template.mentions, claims


def batches(items: Iterator[tuple[Document, list[Mention], list[Claim]]], size: int) -> Iterator[list]:  # type: ignore[type-arg]
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- main ------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--add", type=int, default=500, help="generated articles for `store add` (default 500)")
    parser.add_argument("--claims", type=int, default=200_000, help="claims in the large archive (default 200000)")
    parser.add_argument("--pairs", type=int, default=300, help="distinct country pairs of the synthetic claims (300)")
    parser.add_argument("--pair-share", type=float, default=0.01,
                        help="share of synthetic documents on the new article's pair (default 0.01)")
    parser.add_argument("--small", type=int, default=1000, help="claims in the small archive (default 1000)")
    parser.add_argument("--new", type=Path, default=None, help="the new article (default fixtures/seeds/003_*.txt)")
    parser.add_argument("--runs", type=int, default=3, help="check runs per archive; the median is shown (3)")
    parser.add_argument("--keep", type=Path, default=None, help="build the archives in this folder and keep them")
    args = parser.parse_args()

    claimcheck = Path(sys.executable).parent / "claimcheck"
    if not claimcheck.exists():
        say(f"claimcheck not found next to {sys.executable}; install the project into this interpreter")
        return
    new = args.new or next(iter(sorted(SEEDS.glob("003_*.txt"))), None)
    if new is None or not new.exists():
        say(f"new article not found: {new}")
        return
    wall = time.perf_counter()
    version = subprocess.run([str(claimcheck), "--version"], capture_output=True, text=True).stdout.strip()
    say(f"{version}, Python {platform.python_version()} ({claimcheck})")

    with tempfile.TemporaryDirectory(prefix="claimcheck-store-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("added", "small", "large"):  # fresh archives, also with --keep
            for suffix in ("", "-wal", "-shm"):
                (folder / f"{name}.db{suffix}").unlink(missing_ok=True)
        articles = folder / "articles"
        shutil.rmtree(articles, ignore_errors=True)
        articles.mkdir()
        size = 0
        for name, text in corpus.generate_articles(args.add):
            (articles / name).write_text(text, encoding="utf-8")
            size += len(text.encode("utf-8"))

        # a. store add through the CLI ------------------------------------------------------------------
        added_db = folder / "added.db"
        say(f"\n== a. store add: {args.add} generated articles ({size / MB:.1f} MB) into a fresh archive ==")
        seconds, done = run([str(claimcheck), "store", "add", str(articles), "--db", str(added_db)])
        say(f"{seconds:.2f} s wall (exit {done.returncode}), {args.add / seconds:.1f} articles/s "
            f"(interpreter startup and rule loading included)")
        say(first_line(done.stdout) + (f"  stderr: {first_line(done.stderr)}" if done.stderr.strip() else ""))
        say(f"archive: {archive_line(added_db)}")

        # the same articles analysed in-process: templates for the synthetic documents ------------------
        start = time.perf_counter()
        pack = _pack(None)
        countries = {s.id for s in pack.subjects if s.kind == "country"}
        documents, _ = load_documents([str(articles)], None)
        analyses, _ = analyse_all(documents, pack)
        new_documents, _ = load_documents([str(new)], None)
        new_analysis = analyse_all(new_documents, pack)[0][0]
        templates: list[tuple[Analysis, tuple[str, str]]] = []
        for analysis in analyses:
            keys = {pair_key(claim, countries) for claim in analysis.claims}
            if len(keys) == 1 and None not in keys:  # every claim on the article's one country pair
                a, b = next(iter(keys)).split("\x1f")  # type: ignore[union-attr]
                templates.append((analysis, (a, b)))
        new_keys = {subject_key(claim) for claim in new_analysis.claims}
        target_counts = Counter(k for claim in new_analysis.claims if (k := pair_key(claim, countries)))
        target = tuple(target_counts.most_common(1)[0][0].split("\x1f")) if target_counts else templates[0][1]
        say(f"\n(in-process: analysed the {len(analyses)} articles again in {time.perf_counter() - start:.1f} s; "
            f"{len(templates)} are about one country pair and serve as templates)")
        by_key = Counter(subject_key(claim) for claim in new_analysis.claims).most_common()
        listed = ", ".join(f"{show(key)}: {n}" for key, n in by_key)
        say(f"new article: {new.name}, {len(new_analysis.claims)} claims on {len(new_keys)} subject keys ({listed})")

        # b. the small and the large archive ------------------------------------------------------------
        small_db = folder / "small.db"
        chosen, total = [], 0
        for analysis in analyses:
            if total >= args.small:
                break
            chosen.append(analysis)
            total += len(analysis.claims)
        store = Store(small_db)
        store.add((a.document, a.mentions, a.claims) for a in chosen)
        store.close()
        say("\n== b. archives ==")
        say(f"small (i): the first {len(chosen)} generated articles: {archive_line(small_db)}")

        large_db = folder / "large.db"
        store = Store(added_db)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        shutil.copyfile(added_db, large_db)
        r = random.Random(f"{corpus.SEED}:store-pairs")
        ordered = sorted(countries)
        pairs: set[tuple[str, str]] = set()
        while len(pairs) < args.pairs:
            a, b = sorted(r.sample(ordered, 2))
            if (a, b) != tuple(sorted(target)):
                pairs.add((a, b))
        base_claims = Store(large_db).stats()["claims"]
        wanted = max(0, args.claims - int(base_claims))  # type: ignore[call-overload]
        counts: Counter[str] = Counter()
        start = time.perf_counter()
        store = Store(large_db)
        documents_added = claims_added = 0
        items = synthetic(templates, sorted(pairs), target, args.pair_share, wanted, f"{corpus.SEED}:store", counts)  # type: ignore[arg-type]
        for batch in batches(items, 2000):
            result = store.add(batch)
            documents_added += result.added
            claims_added += result.claims
        store.close()
        built = time.perf_counter() - start
        say(f"large (ii): the {args.add} stored articles + {documents_added:,} synthetic documents "
            f"({claims_added:,} claims on {len(counts):,} subject keys: {args.pairs} random country pairs "
            f"from {len(countries)} countries, {args.pair_share:.0%} of the documents on "
            f"{' + '.join(target)})")
        say(f"built in {built:.1f} s through Store.add ({documents_added / built:,.0f} documents/s, "
            f"{claims_added / built:,.0f} claims/s)")
        say(f"large (ii): {archive_line(large_db)}")

        # c. check --against ----------------------------------------------------------------------------
        say(f"\n== c. check {new.name} --against each archive (median of {args.runs} runs, wall clock) ==")
        exclude = {d.id for d in new_documents}
        medians: dict[str, float] = {}
        sizes: dict[str, int] = {}
        for label, db in (("none", None), ("small", small_db), ("large", large_db)):
            report = folder / f"report-{label}.json"
            command = [str(claimcheck), "check", "--fail-on", "never", "--format", "json", "-o", str(report), str(new)]
            if db is not None:
                command += ["--against", str(db)]
            times, code, err = [], 0, ""
            for _ in range(args.runs):
                seconds, done = run(command)
                times.append(seconds)
                code, err = done.returncode, first_line(done.stderr)
            medians[label] = statistics.median(times)
            try:
                data = json.loads(report.read_bytes())
                summary, mine = data["summary"], {c.id for c in new_analysis.claims}
                touching = sum(any(c in mine for c in f["claims"]) for f in data["findings"])
                found = (f"report: {summary['documents']} documents, {summary['claims']} claims, "
                         f"{summary['errors']} errors, {summary['warnings']} warnings "
                         f"({touching} of {len(data['findings'])} findings involve the new article)")
            except (OSError, ValueError, KeyError) as error:
                found = f"no report ({error})"
            loaded = ""
            if db is not None:
                opening = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    Store(db).close()
                    opening.append(time.perf_counter() - start)
                store = Store(db)
                start = time.perf_counter()
                related_documents, related_claims = store.related(new_keys, exclude)
                related_seconds = time.perf_counter() - start
                total_claims = sizes[label] = int(store.stats()["claims"])  # type: ignore[call-overload]
                store.close()
                loaded = (f"\n      loads {len(related_claims):,} of {total_claims:,} archived claims "
                          f"({len(related_documents):,} documents) via Store.related in {related_seconds * 1000:.0f} ms; "
                          f"opening the archive (Store()) takes "
                          f"{statistics.median(opening) * 1000:.0f} ms")
            name = {"none": "no archive", "small": "small (i)", "large": "large (ii)"}[label]
            say(f"{name:<11} {medians[label]:6.2f} s (runs {', '.join(f'{t:.2f}' for t in times)}; exit {code}) "
                f"{found}{'  stderr: ' + err if err else ''}{loaded}")
        say(f"ratio large/small: {medians['large'] / medians['small']:.2f}x (target: about 1x, "
            f"for an archive {sizes['large'] / sizes['small']:,.0f}x the size)")
        say(f"overhead of --against: small {medians['small'] - medians['none']:+.2f} s, "
            f"large {medians['large'] - medians['none']:+.2f} s over the check without an archive")
        if args.keep:
            say(f"\narchives kept in {folder}")

    say(f"\ntotal benchmark time {time.perf_counter() - wall:.0f} s")


if __name__ == "__main__":
    main()
