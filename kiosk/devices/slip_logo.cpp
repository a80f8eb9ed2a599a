#include "devices/slip_logo.h"

#include <QImage>

namespace lobby::devices {

namespace {

printer::Raster rasterize(QImage image, int maxWidth_dots, int maxHeight_dots) {
    if (image.width() > maxWidth_dots || image.height() > maxHeight_dots) {
        image = image.scaled(maxWidth_dots, maxHeight_dots, Qt::KeepAspectRatio,
                             Qt::SmoothTransformation);
    }
    // Transparent pixels are paper (white); dark ones are ink.
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor color = image.pixelColor(x, y);
            if (color.alpha() > 127) flat.setPixelColor(x, y, color);
        }
    }
    const QImage gray = flat.convertToFormat(QImage::Format_Grayscale8);
    printer::Raster raster;
    raster.widthBytes = (gray.width() + 7) / 8;
    raster.height = gray.height();
    raster.bits.assign(static_cast<std::size_t>(raster.widthBytes * raster.height), 0);
    for (int y = 0; y < gray.height(); ++y) {
        const uchar* row = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x) {
            if (row[x] < 128) {
                raster.bits[static_cast<std::size_t>(y * raster.widthBytes + x / 8)] |=
                    static_cast<std::uint8_t>(0x80 >> (x % 8));
            }
        }
    }
    return raster;
}

}  // namespace

Result<printer::Raster> loadSlipLogo(const QString& path, int maxWidth_dots, int maxHeight_dots) {
    QImage image(path);
    if (image.isNull()) {
        return makeError(ErrorKind::InvalidConfig, "slip.bad_logo",
                         (path + " is not an image Qt can read").toStdString());
    }
    return rasterize(std::move(image), maxWidth_dots, maxHeight_dots);
}

Result<printer::Raster> slipLogoFromPng(const QByteArray& png, int maxWidth_dots,
                                        int maxHeight_dots) {
    QImage image;
    if (!image.loadFromData(png, "PNG")) {
        return makeError(ErrorKind::InvalidConfig, "slip.bad_logo",
                         "the logo is not a PNG Qt can read");
    }
    return rasterize(std::move(image), maxWidth_dots, maxHeight_dots);
}

}  // namespace lobby::devices
