// The payment QR code the kiosk draws on screen scans back to exactly the platform's payload.
#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>

#include <QImage>

#include "core/qr_image.h"

namespace {

std::string scanQr(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const ZXing::ImageView view(rgb.constBits(), rgb.width(), rgb.height(), ZXing::ImageFormat::RGB,
                                static_cast<int>(rgb.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const auto result = ZXing::ReadBarcode(view, hints);
    const std::wstring text = result.text();
    return {text.begin(), text.end()};
}

}  // namespace

TEST(QrImage, ScansBackToThePayload) {
    const QByteArray payload = "weixin://wxpay/bizpayurl?pr=PAY0001abcdef&amount=5000";
    const QImage image = lobby::core::qrImage(payload, 560);
    ASSERT_FALSE(image.isNull());
    EXPECT_LE(image.width(), 560);
    EXPECT_EQ(image.width(), image.height());
    EXPECT_EQ(scanQr(image), payload.toStdString());
}

TEST(QrImage, KeepsAQuietZoneAndWholePixelModules) {
    const QImage image = lobby::core::qrImage("x", 300);
    ASSERT_FALSE(image.isNull());
    // Version 1 is 21 modules + 2 × 4 quiet: 29 modules, 10 px each in 300 px.
    EXPECT_EQ(image.width(), 290);
    for (int i = 0; i < 40; ++i)
        EXPECT_EQ(qGray(image.pixel(i, i)), 255) << "quiet zone at " << i;
    EXPECT_EQ(qGray(image.pixel(40, 40)), 0) << "the finder pattern starts after the quiet zone";
}

TEST(QrImage, RefusesWhatCannotBeAQrCode) {
    EXPECT_TRUE(lobby::core::qrImage("", 300).isNull());
    EXPECT_TRUE(lobby::core::qrImage(QByteArray(8000, 'x'), 300).isNull()) << "too long for QR";
}
