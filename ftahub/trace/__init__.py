"""Traceability: GS1 EPCIS 2.0 capture and query, trace forward and back, cold-chain readings and alerts, every
event on the hub's Merkle transparency log."""
