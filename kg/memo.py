"""A bounded memo for functions called on every token or term."""

from __future__ import annotations


class BoundedMemo(dict):
    """``fn(key)`` memoised in a plain dict: a hit is one dict lookup (an
    ``lru_cache`` hit costs 2-3x more), for functions called on every token
    of every Doc or every term of every quad.  Emptied when it holds
    ``limit`` keys, so memory stays bounded however much text a process
    reads.  Use ``memo[key]`` or ``map(memo.__getitem__, keys)``; an
    exception raised by ``fn`` propagates and nothing is stored."""

    def __init__(self, fn, limit: int = 100_000):
        super().__init__()
        self.fn, self.limit = fn, limit

    def __missing__(self, key):
        value = self.fn(key)
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
