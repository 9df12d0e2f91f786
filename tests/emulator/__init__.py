"""Tests of the Frontend API emulator (`clerk_fapi.testing`), driven with plain httpx."""
