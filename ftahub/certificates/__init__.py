"""Certificates of origin: the signed C/O record (COSE_Sign1, Ed25519), its QR encoding and offline verification.

The core modules here (``base45``, ``payload``) are plain Python; the C/O desk (applications, review, hand-off to
eCoSys, PDFs, the public verification page) builds on them.
"""
