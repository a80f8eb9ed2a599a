#include "core/qr_image.h"

#include <qrencode.h>

#include <algorithm>
#include <memory>

namespace lobby::core {
namespace {
constexpr int kQuietZone_modules = 4;  // the white border scanners need around a QR code
}

QImage qrImage(const QByteArray& payload, int side) {
    if (payload.isEmpty()) return {};
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(payload.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) return {};
    const int modules = code->width + 2 * kQuietZone_modules;
    const int scale = std::max(1, side / modules);
    QImage image(modules * scale, modules * scale, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if ((code->data[y * code->width + x] & 1) == 0) continue;
            for (int dy = 0; dy < scale; ++dy) {
                uchar* row = image.scanLine((y + kQuietZone_modules) * scale + dy);
                std::fill_n(row + (x + kQuietZone_modules) * scale, scale, uchar{0});
            }
        }
    }
    return image;
}

}  // namespace lobby::core
