"""image://qr/<payload>: the payment QR for QML. Its own module (PySide6.QtQuick, qrcode): the window adds
it once the attract screen's first frame is drawn (ui/app.py `KioskWindow.complete`); no QR is on show
before a customer has started."""

from __future__ import annotations

import io

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider


class QrImageProvider(QQuickImageProvider):
    """image://qr/<payload>: the payment QR, drawn crisp at the requested size."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:
        import qrcode  # only when a QR is on screen: not on the cold-start path

        qr = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
        qr.add_data(QUrl.fromPercentEncoding(id.encode()))
        qr.make(fit=True)
        n = len(qr.get_matrix())
        cell = max(1, max(requested.width(), requested.height(), n * 4) // n)
        buffer = io.BytesIO()
        qr.box_size = cell
        qr.make_image().save(buffer, format="PNG")
        # `size` is not written back: PySide6 crashes when a provider assigns to it; QML scales anyway.
        return QImage.fromData(buffer.getvalue())
