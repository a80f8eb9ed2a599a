#include "app/qr_image_provider.h"

#include <QUrl>

#include "core/qr_image.h"

namespace lobby::app {
namespace {
constexpr int kDefaultSide_px = 480;
}

QImage QrImageProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    const QByteArray payload = QUrl::fromPercentEncoding(id.toUtf8()).toUtf8();
    const QImage image =
        core::qrImage(payload, requestedSize.width() > 0 ? requestedSize.width() : kDefaultSide_px);
    if (size != nullptr) *size = image.size();
    return image;
}

}  // namespace lobby::app
