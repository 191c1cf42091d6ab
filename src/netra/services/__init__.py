"""Service layer: use cases that combine the domain with storage, shared by the web UI and the CLI."""
