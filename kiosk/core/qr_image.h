#pragma once
// A QR code as an image, drawn with libqrencode (error correction M, a 4-module quiet zone),
// scaled in whole pixels per module to fit `side` pixels. Null for an empty or oversized payload.

#include <QByteArray>
#include <QImage>

namespace lobby::core {

QImage qrImage(const QByteArray& payload, int side);

}  // namespace lobby::core
