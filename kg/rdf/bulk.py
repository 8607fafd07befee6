"""Bulk loading of report graphs: pyoxigraph's bulk loader in batches, build
fingerprints after their batch (so a graph a crash leaves half loaded is
rebuilt by the next build)."""

from __future__ import annotations

import io

from kg.rdf import vocab
from kg.rdf.store import KnowledgeStore

#: the N-Quads predicate of build fingerprints, as bytes (to split them off)
FINGERPRINT_PREDICATE = f"<{vocab.BUILD_FINGERPRINT}>".encode()
#: bulk-load batches of about this many bytes of N-Quads: larger batches cost
#: the bulk loader less CPU but more memory (figures in docs/performance.md)
BULK_BATCH_BYTES = 32 * 1024 * 1024


class BulkWriter:
    """Buffers report graphs as N-Quads and bulk-loads them into ``store``
    in batches of about ``batch_bytes``; the build fingerprints of a batch
    are written (one transaction) only after the batch is loaded and
    flushed, so a graph a crash leaves half loaded has no fingerprint and is
    rebuilt by the next build.  Call :meth:`flush` at the end."""

    def __init__(self, store: KnowledgeStore, batch_bytes: int = BULK_BATCH_BYTES):
        self.store = store
        self.batch_bytes = batch_bytes
        self.buf = io.BytesIO()
        self.fps: list[bytes] = []

    def add(self, body: bytes, fingerprint: bytes = b"") -> None:
        """Queue N-Quads ``body`` and its fingerprint line (``b""``: none)."""
        self.buf.write(body)
        if fingerprint:
            self.fps.append(fingerprint)
        if self.buf.tell() >= self.batch_bytes:
            self.flush()

    def flush(self) -> None:
        """Load what is queued, then its fingerprints."""
        data = self.buf.getvalue()
        self.buf = io.BytesIO()
        if data:
            self.store.bulk_load_nquads(data)  # bytes: faster to parse than a file object
        self.store.flush()
        if self.fps:
            self.store.add_nquads(b"".join(self.fps))
            self.store.flush()
        self.fps = []

    def empty(self) -> bool:
        """True when nothing is queued (just flushed)."""
        return self.buf.tell() == 0 and not self.fps

    def drop(self) -> tuple[bytes, bytes]:
        """Forget what is queued and return it: (N-Quads, fingerprint lines)."""
        queued = (self.buf.getvalue(), b"".join(self.fps))
        self.buf = io.BytesIO()
        self.fps = []
        return queued
