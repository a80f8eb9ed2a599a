#include "sim/printer/slip_renderer.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QPen>

namespace lobby::sim {
namespace {

constexpr int kMargin_dots = 8;
constexpr int kBaseFont_px = 24;  // a 12x24 dot font: 48 columns on 80 mm
constexpr int kBarcodeHeight_dots = 80;
constexpr int kCutGap_dots = 24;

std::wstring wide(const std::string& ascii) {
    return std::wstring(ascii.begin(), ascii.end());
}

// Paints a zxing BitMatrix with `scale` dots per module, centred; returns the height used.
int paintMatrix(QPainter& painter, const ZXing::BitMatrix& matrix, int top, int paperWidth,
                int scaleX, int scaleY) {
    const int width = matrix.width() * scaleX;
    const int left = (paperWidth - width) / 2;
    for (int y = 0; y < matrix.height(); ++y) {
        for (int x = 0; x < matrix.width(); ++x) {
            if (matrix.get(x, y)) {
                painter.fillRect(left + x * scaleX, top + y * scaleY, scaleX, scaleY, Qt::black);
            }
        }
    }
    return matrix.height() * scaleY;
}

class Painter {
public:
    explicit Painter(int paperWidth) : paperWidth_(paperWidth) {}

    int height(const DecodedSlip& slip) {
        QImage scratch(paperWidth_, 1, QImage::Format_RGB32);
        QPainter painter(&scratch);
        return draw(painter, slip, /*paint=*/false) + kMargin_dots;
    }

    int draw(QPainter& painter, const DecodedSlip& slip, bool paint) {
        int y = kMargin_dots;
        for (const auto& element : slip.elements) {
            if (const auto* text = std::get_if<SlipText>(&element)) {
                QFont font(QStringLiteral("WenQuanYi Micro Hei"));
                font.setPixelSize(kBaseFont_px * text->height);
                font.setBold(text->bold);
                font.setStretch(100 * text->width / text->height);
                painter.setFont(font);
                const QFontMetrics metrics(font);
                const int lineHeight = metrics.height();
                if (paint) {
                    const int flags = text->align == printer::Align::Center  ? Qt::AlignHCenter
                                      : text->align == printer::Align::Right ? Qt::AlignRight
                                                                             : Qt::AlignLeft;
                    painter.setPen(Qt::black);
                    // A real printer uses the full width: 32 or 48 columns of 12 dots.
                    painter.drawText(QRect(0, y, paperWidth_, lineHeight), flags | Qt::AlignVCenter,
                                     QString::fromStdString(text->utf8));
                }
                y += lineHeight;
            } else if (const auto* qr = std::get_if<SlipQr>(&element)) {
                const auto matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                        .setMargin(2)
                                        .encode(wide(qr->data), 0, 0);
                const int scale = std::max(qr->moduleSize, 2);
                y += paint ? paintMatrix(painter, matrix, y, paperWidth_, scale, scale)
                           : matrix.height() * scale;
            } else if (const auto* barcode = std::get_if<SlipBarcode>(&element)) {
                const auto matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128)
                                        .setMargin(10)
                                        .encode(wide(barcode->data), 0, 1);
                y += paint ? paintMatrix(painter, matrix, y, paperWidth_, 2, kBarcodeHeight_dots)
                           : kBarcodeHeight_dots;
                y += kBaseFont_px;  // human-readable line
                if (paint) {
                    painter.setFont(QFont(QStringLiteral("WenQuanYi Micro Hei"), -1));
                    painter.drawText(QRect(0, y - kBaseFont_px, paperWidth_, kBaseFont_px),
                                     Qt::AlignHCenter, QString::fromStdString(barcode->data));
                }
            } else if (const auto* raster = std::get_if<SlipRaster>(&element)) {
                if (paint) {
                    const int left = (paperWidth_ - raster->widthBytes * 8) / 2;
                    for (int row = 0; row < raster->height; ++row) {
                        for (int column = 0; column < raster->widthBytes * 8; ++column) {
                            const auto byte = raster->bits[static_cast<std::size_t>(
                                row * raster->widthBytes + column / 8)];
                            if ((byte >> (7 - column % 8)) & 1) {
                                painter.fillRect(left + column, y + row, 1, 1, Qt::black);
                            }
                        }
                    }
                }
                y += raster->height;
            } else if (const auto* feed = std::get_if<SlipFeed>(&element)) {
                y += feed->lines * kBaseFont_px;
            } else if (std::holds_alternative<SlipCut>(element)) {
                y += kCutGap_dots / 2;
                if (paint) {
                    QPen pen(Qt::gray, 2, Qt::DashLine);
                    painter.setPen(pen);
                    painter.drawLine(0, y, paperWidth_, y);
                }
                y += kCutGap_dots / 2;
            }
        }
        return y;
    }

private:
    int paperWidth_;
};

}  // namespace

QImage renderSlip(const DecodedSlip& slip, int paperWidth_dots) {
    Painter measure(paperWidth_dots);
    const int height = measure.height(slip);
    QImage image(paperWidth_dots, std::max(height, 1), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    Painter(paperWidth_dots).draw(painter, slip, /*paint=*/true);
    return image;
}

}  // namespace lobby::sim
