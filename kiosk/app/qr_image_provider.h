#pragma once
// Draws QR codes for QML with libqrencode: `image://qr/<payload, percent-encoded>`. Used for the
// platform's payment payload, which is shown to the patient's phone and never stored.

#include <QQuickImageProvider>

namespace lobby::app {

class QrImageProvider : public QQuickImageProvider {
public:
    QrImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;

    static constexpr const char* kName = "qr";
};

}  // namespace lobby::app
