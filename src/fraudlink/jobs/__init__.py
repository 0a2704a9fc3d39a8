"""Jobs: long work (ingest of an upload, link) queued in the database and run by workers."""
