"""The public face: a minimised, aggregated index that anyone may query.

``publish`` reads the agency database and writes the index file; everything
else here (``index``, ``check``, ``jobcheck``, ``disputes``, the server) reads
only that file and its own dispute spool, never the agency database, so a
breach of the public server leaks nothing that is not already public.
"""
