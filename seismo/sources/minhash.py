"""Near-duplicate detection by MinHash over word shingles, written small and deterministic.

The same wire story reaches us from many outlets with a different headline, dateline or
closing line. Exact content hashes miss that; the Jaccard similarity of the stories' sets of
five-word shingles does not, and MinHash estimates it from 128 numbers per document.
Locality-sensitive hashing (32 bands of 4 rows) turns "which stored story is this close to"
into a lookup of equal band buckets instead of a comparison with every document.

The hash functions come from a fixed seed: signatures are stored in the database and must
mean the same thing in every later run. Changing NUM_PERM, BANDS or SEED needs new
signatures (bump SIGNATURE_VERSION).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 20240501
SIGNATURE_VERSION = "minhash-5w-128-32x4-v1"
_PRIME = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)
_WORD = re.compile(r"\w+", re.UNICODE)

_rng = np.random.default_rng(SEED)
# a < 2^32 and a 32-bit shingle hash keep a*x + b below 2^64: no silent overflow in uint64.
_A = _rng.integers(1, 1 << 32, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The text's overlapping k-word sequences, lower-cased, punctuation ignored."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def _hash32(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=4).digest(), "big")


def signature(text: str) -> np.ndarray:
    """NUM_PERM minimum hashes of the text's shingles (all 2^32-1 for an empty text)."""
    found = shingles(text)
    if not found:
        return np.full(NUM_PERM, int(_MASK32), dtype=np.uint64)
    hashed = np.fromiter((_hash32(s) for s in found), dtype=np.uint64, count=len(found))
    permuted = ((np.outer(hashed, _A) + _B) % _PRIME) & _MASK32
    return permuted.min(axis=0)


def similarity(first: Sequence[int] | np.ndarray, second: Sequence[int] | np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of positions where the signatures agree."""
    a, b = np.asarray(first, dtype=np.uint64), np.asarray(second, dtype=np.uint64)
    return float(np.mean(a == b))


def band_keys(sig: Sequence[int] | np.ndarray) -> list[tuple[int, int]]:
    """(band, bucket) pairs: two documents sharing any pair are candidate duplicates.

    With 32 bands of 4 rows, a pair at Jaccard 0.8 shares a bucket with probability
    1 − (1 − 0.8⁴)³² > 0.9999; at 0.3, about 0.23 (then the full signature rules it out).
    """
    values = np.asarray(sig, dtype=np.uint64)
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        bucket = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big", signed=True)
        keys.append((band, bucket))
    return keys
