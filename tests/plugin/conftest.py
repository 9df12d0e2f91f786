"""The pytest plugin is tested in temporary projects run by pytest's own `pytester`."""

pytest_plugins = ["pytester"]
