#!/usr/bin/env python3
"""Draw the random word sample behind tests/eval/compounds_random.txt.

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
  4. draw 400 with random.Random(20261206).sample(candidates, 400);
  5. print them one per line, in the drawn order.

The seed (20261206) and the filter are fixed so that the sample is
reproducible and was chosen before any tuning of the splitting rules.

Run from the repository root:

    python3 tests/eval/gen_compounds_random.py > /tmp/words.txt

An optional argument gives another shared data folder (the folder that
holds opentaal/wordlist.txt), default ../shared/data:

    python3 tests/eval/gen_compounds_random.py /path/to/shared/data
"""

import random
import sys
from pathlib import Path

SEED = 20261206
SAMPLE_SIZE = 400
MIN_LENGTH = 9


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")
    wordlist = shared / "opentaal" / "wordlist.txt"
    with open(wordlist, encoding="utf-8") as f:
        entries = [line.strip() for line in f]
    candidates = sorted({w for w in entries if w.isalpha() and len(w) >= MIN_LENGTH})
    for word in random.Random(SEED).sample(candidates, SAMPLE_SIZE):
        print(word)


if __name__ == "__main__":
    main()
