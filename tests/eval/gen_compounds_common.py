#!/usr/bin/env python3
"""Draw the word sample behind tests/eval/compounds_common.txt.

Purpose: the random lists (gen_compounds_random.py, gen_compounds_dev.py)
sample the OpenTaal word list evenly, so they are mostly rare words. On news
pages the long words that occur most are common ones (`ziekenhuis`,
`vergeten`, `verslag`), where a wrong split costs the most: every page with
`vergeten` would match a search for `eten`. This list samples the common
long words: a DEVELOPMENT list, judged before it was scored and scored once
before any rule was tuned on it.

Source: the OpenTaal Dutch word list, ../shared/data/opentaal/wordlist.txt
(licence BSD or CC BY 3.0, see ../shared/data/opentaal/COPYRIGHT), and the
word frequencies compiled into newsidx, src/analysis/data/wordfreq_nl.tsv
(wordfreq 3.1.1, CC BY-SA 4.0; made by scripts/gen_wordfreq.py).

Procedure:
  1. the eligible entries of gen_compounds_dev.py (letters only, 9 or more
     characters, de-duplicated, sorted), less the test sample (seed
     20261206) and the six development samples (seeds 7 to 12), drawn as
     gen_compounds_dev.py draws them;
  2. keep those whose lower-cased form has a Zipf frequency of 3.5 or more
     in wordfreq_nl.tsv (about three uses in a million words; 4,665
     entries before step 1's removals);
  3. draw 200 with random.Random(13).sample(rest, 200). Seed: 13;
     for the second list (--set 2, tests/eval/compounds_common2.txt), remove
     those 200 and draw 200 with random.Random(14). Seed: 14; for the third
     (--set 3, tests/eval/compounds_common3.txt) likewise with
     random.Random(15). Seed: 15; for the fourth (--set 4,
     tests/eval/compounds_common4.txt) with random.Random(16). Seed: 16;
  4. print them one per line, in the drawn order.

Run from the repository root:

    python3 tests/eval/gen_compounds_common.py > /tmp/common_words.txt
    python3 tests/eval/gen_compounds_common.py --set 2 > /tmp/common2_words.txt
    python3 tests/eval/gen_compounds_common.py --set 3 > /tmp/common3_words.txt
    python3 tests/eval/gen_compounds_common.py --set 4 > /tmp/common4_words.txt
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_compounds_dev import DEV_SAMPLE_SIZE, DEV_SEEDS, draws, eligible, set_and_folder  # noqa: E402

# The common lists were drawn after the first six development samples; the
# seventh (seed 18) came later and is not removed, so the lists stay as drawn.
DEV_SAMPLES_BEFORE = 6

MIN_ZIPF = 3.5
SEEDS = [13, 14, 15, 16]


def main() -> None:
    number, shared = set_and_folder(sys.argv[1:])
    _, rest = draws(eligible(shared), DEV_SEEDS[:DEV_SAMPLES_BEFORE], DEV_SAMPLE_SIZE)
    zipf = {}
    with open(Path("src/analysis/data/wordfreq_nl.tsv"), encoding="utf-8") as f:
        for line in f:
            word, value = line.rstrip("\n").split("\t")
            zipf[word] = float(value)
    common = [w for w in rest if zipf.get(w.lower(), 0.0) >= MIN_ZIPF]
    sample, _ = draws(common, SEEDS[:number], DEV_SAMPLE_SIZE)
    for word in sample:
        print(word)


if __name__ == "__main__":
    main()
