#!/usr/bin/env python3
"""Write src/analysis/data/wordfreq_nl.tsv: how often the OpenTaal words are
used in running Dutch text, from the wordfreq package's Dutch list.

Source: wordfreq 3.1.1 (https://pypi.org/project/wordfreq/, Robyn Speer),
file wordfreq/data/large_nl.msgpack.gz. wordfreq's code is Apache-2.0; its
data may be redistributed under CC BY-SA 4.0 and is built from Wikipedia,
OpenSubtitles 2018, SUBTLEX-NL (Keuleers, Brysbaert & New 2010), ParaCrawl,
Google Books Ngrams, the Leeds Internet Corpus, NewsCrawl and Twitter word
counts; see src/analysis/data/LICENSE.wordfreq.txt.

Output: one line per word, `word<TAB>zipf`, sorted by word, for the words of
the wordfreq list that are also OpenTaal entries (letters only, compared in
lower case: wordfreq's words are lower-case). zipf is the Zipf frequency (log10 of uses per billion words) to one
decimal: 6.0 is one use in a thousand words, 3.0 one in a million.

Run from the repository root (needs pip's msgpack):

    pip download wordfreq==3.1.1 --no-deps -d /tmp/wf && cd /tmp/wf && unzip -o wordfreq-3.1.1-py3-none-any.whl
    python3 scripts/gen_wordfreq.py /tmp/wf/wordfreq/data/large_nl.msgpack.gz > src/analysis/data/wordfreq_nl.tsv
"""

import gzip
import sys
from pathlib import Path

import msgpack


def main() -> None:
    packed = Path(sys.argv[1])
    shared = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("../shared/data")
    with gzip.open(packed) as f:
        buckets = msgpack.load(f, raw=False)
    assert buckets[0] == {"format": "cB", "version": 1}, buckets[0]
    with open(shared / "opentaal" / "wordlist.txt", encoding="utf-8") as f:
        listed = {w.strip().lower() for w in f if w.strip().isalpha()}
    zipf = {}
    # Bucket i (from 0) holds the words used 10^(-i/100) of the time.
    for i, words in enumerate(buckets[1:]):
        for word in words:
            if word in listed and word not in zipf:
                zipf[word] = 9.0 - i / 100.0
    for word in sorted(zipf):
        print(f"{word}\t{zipf[word]:.1f}")


if __name__ == "__main__":
    main()
