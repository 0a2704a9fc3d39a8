"""One router per resource; each handler validates, calls a stage module, answers a model."""
