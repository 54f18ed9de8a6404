"""Reads the QR code printed in a C/O PDF as a scanner would: the page's image, decoded by OpenCV (test-only)."""

import io

import numpy as np
from pypdf import PdfReader


def qr_text_from_pdf(data: bytes) -> str:
    import cv2

    detector = cv2.QRCodeDetector()
    for page in PdfReader(io.BytesIO(data)).pages:
        for image in page.images:
            pixels = np.array(image.image.convert("L"))
            # a quiet zone and some enlargement help the detector, as a phone camera's distance would
            pixels = cv2.copyMakeBorder(pixels, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255)
            pixels = cv2.resize(pixels, None, fx=2, fy=2, interpolation=cv2.INTER_NEAREST)
            text, _points, _ = detector.detectAndDecode(pixels)
            if text:
                return text
    raise ValueError("no readable QR code in the PDF")
