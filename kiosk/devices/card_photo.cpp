#include "devices/card_photo.h"

#include <QPainter>

#include "logging/categories.h"

namespace lobby::devices {
namespace {
constexpr int kPhotoWidth_px = 102;  // the card photo's own size
constexpr int kPhotoHeight_px = 126;
}  // namespace

CardPhoto::CardPhoto(std::unique_ptr<idcard::WltDecoder> decoder) : decoder_(std::move(decoder)) {}

QImage CardPhoto::render(const std::string& wlt) const {
    if (!decoder_) return placeholder();
    auto bmp =
        decoder_->decode(std::span(reinterpret_cast<const std::uint8_t*>(wlt.data()), wlt.size()));
    if (!bmp) {
        qCWarning(lcIdCard) << bmp.error().message.c_str();
        return placeholder();
    }
    QImage image;
    if (!image.loadFromData(bmp->data(), static_cast<int>(bmp->size()), "BMP")) {
        qCWarning(lcIdCard) << "the photo decoder returned something that is not a BMP";
        return placeholder();
    }
    return image;
}

QImage CardPhoto::placeholder() {
    QImage image(kPhotoWidth_px, kPhotoHeight_px, QImage::Format_RGB32);
    image.fill(QColor(0xE3, 0xE7, 0xED));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x9A, 0xA5, 0xB1));
    painter.drawEllipse(QPointF(kPhotoWidth_px / 2.0, 46), 22, 26);                    // head
    painter.drawEllipse(QPointF(kPhotoWidth_px / 2.0, kPhotoHeight_px + 20), 46, 52);  // shoulders
    return image;
}

}  // namespace lobby::devices
