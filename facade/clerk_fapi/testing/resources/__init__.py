"""The emulated endpoints, one module per URL family; `_routes.py` maps each URL to its handler."""
