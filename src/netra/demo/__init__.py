"""Demo data: fictional people in real regions, so the product can be tried at once."""
