"""Tests of the clerk_fapi facade (Client / AsyncClient) against the in-process emulator."""
