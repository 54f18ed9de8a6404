"""Reads the QR code printed in a C/O PDF as a scanner would: the page's image, decoded by OpenCV (test-only).
A scanner tries again from another distance when a read fails; so does this, over a few scales and quiet zones."""

import io

import numpy as np
from pypdf import PdfReader


def qr_text_from_pdf(data: bytes) -> str:
    import cv2

    detectors = [cv2.QRCodeDetector()]
    if hasattr(cv2, "QRCodeDetectorAruco"):
        detectors.append(cv2.QRCodeDetectorAruco())
    for page in PdfReader(io.BytesIO(data)).pages:
        for image in page.images:
            gray = np.array(image.image.convert("L"))
            for scale in (2, 3, 1, 4, 5):
                for border in (40, 80, 16):
                    pixels = cv2.copyMakeBorder(gray, border, border, border, border, cv2.BORDER_CONSTANT, value=255)
                    pixels = cv2.resize(pixels, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
                    for detector in detectors:
                        text, _points, _ = detector.detectAndDecode(pixels)
                        if text:
                            return text
    raise ValueError("no readable QR code in the PDF")
