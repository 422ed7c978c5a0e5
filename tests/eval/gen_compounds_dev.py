#!/usr/bin/env python3
"""Draw the random word sample behind tests/eval/compounds_dev.txt.

Purpose: DEVELOPMENT sets of 200 words for tuning the splitting rules of the
decompounder: tests/eval/compounds_dev.txt (seed 7) and, each drawn after
the ones before it, tests/eval/compounds_dev2.txt (seed 8),
tests/eval/compounds_dev3.txt (seed 9), tests/eval/compounds_dev4.txt
(seed 10), tests/eval/compounds_dev5.txt (seed 11),
tests/eval/compounds_dev6.txt (seed 12) and tests/eval/compounds_dev7.txt
(seed 18). The 400 words drawn by tests/eval/gen_compounds_random.py
(seed 20261206, judged in tests/eval/compounds_random.txt) are the held-out
TEST set: they are removed here before drawing, so that the two sets share
no word and tuning on this set never looks at the test set.

Source: the OpenTaal Dutch word list, ../shared/data/opentaal/wordlist.txt
(relative to the repository root). Licence of the word list: BSD or
Creative Commons Attribution 3.0, at the user's choice; see
../shared/data/opentaal/COPYRIGHT.

Procedure:
  1. read the word list (UTF-8, one entry per line, surrounding whitespace
     stripped);
  2. keep the entries that consist only of letters (Python str.isalpha(), so
     no hyphens, digits, apostrophes, dots or spaces) and have 9 or more
     characters;
  3. de-duplicate them and sort them (plain Python string sort);
  4. recompute the test sample, random.Random(20261206).sample(candidates,
     400), exactly as gen_compounds_random.py draws it, and remove those 400
     words from the candidates (the sorted order of the rest is kept);
  5. draw 200 with random.Random(7).sample(rest, 200). Seed: 7;
  6. for the second development set (argument --set 2), remove those 200
     too and draw 200 with random.Random(8).sample(rest, 200). Seed: 8;
     for the third (--set 3), remove those too and draw 200 with
     random.Random(9). Seed: 9; for the fourth (--set 4) likewise with
     random.Random(10). Seed: 10; for the fifth (--set 5) with
     random.Random(11). Seed: 11; for the sixth (--set 6) with
     random.Random(12). Seed: 12; for the seventh (--set 7) with
     random.Random(18). Seed: 18 (13 to 17 drew the common-word lists of
     gen_compounds_common.py);
  7. print them one per line, in the drawn order.

The seeds and the filter are fixed so that the sample is reproducible.

Run from the repository root:

    python3 tests/eval/gen_compounds_dev.py > /tmp/dev_words.txt
    python3 tests/eval/gen_compounds_dev.py --set 2 > /tmp/dev2_words.txt
    python3 tests/eval/gen_compounds_dev.py --set 3 > /tmp/dev3_words.txt
    python3 tests/eval/gen_compounds_dev.py --set 4 > /tmp/dev4_words.txt
    python3 tests/eval/gen_compounds_dev.py --set 5 > /tmp/dev5_words.txt
    python3 tests/eval/gen_compounds_dev.py --set 6 > /tmp/dev6_words.txt
    python3 tests/eval/gen_compounds_dev.py --set 7 > /tmp/dev7_words.txt

An optional argument gives another shared data folder (the folder that
holds opentaal/wordlist.txt), default ../shared/data:

    python3 tests/eval/gen_compounds_dev.py [--set N] /path/to/shared/data
"""

import random
import sys
from pathlib import Path

TEST_SEED = 20261206
TEST_SAMPLE_SIZE = 400
DEV_SEEDS = [7, 8, 9, 10, 11, 12, 18]
DEV_SAMPLE_SIZE = 200
MIN_LENGTH = 9


def set_and_folder(args: list[str]) -> tuple[int, Path]:
    """The `--set N` number (default 1) and the shared data folder."""
    number = 1
    if "--set" in args:
        at = args.index("--set")
        number = int(args[at + 1])
        del args[at : at + 2]
    return number, Path(args[0]) if args else Path("../shared/data")


def draws(rest: list[str], seeds: list[int], size: int) -> tuple[list[str], list[str]]:
    """Draws `size` words with each seed in turn, each draw removed from
    `rest` before the next; returns the last draw and what is left."""
    sample: list[str] = []
    for seed in seeds:
        sample = random.Random(seed).sample(rest, size)
        drawn = set(sample)
        rest = [w for w in rest if w not in drawn]
    return sample, rest


def eligible(shared: Path) -> list[str]:
    """The eligible entries less the test sample, sorted."""
    with open(shared / "opentaal" / "wordlist.txt", encoding="utf-8") as f:
        entries = [line.strip() for line in f]
    candidates = sorted({w for w in entries if w.isalpha() and len(w) >= MIN_LENGTH})
    test = set(random.Random(TEST_SEED).sample(candidates, TEST_SAMPLE_SIZE))
    return [w for w in candidates if w not in test]


def main() -> None:
    number, shared = set_and_folder(sys.argv[1:])
    dev, _ = draws(eligible(shared), DEV_SEEDS[:number], DEV_SAMPLE_SIZE)
    for word in dev:
        print(word)


if __name__ == "__main__":
    main()
