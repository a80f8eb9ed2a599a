#pragma once
// Doctors' portraits for QML (`image://doctor/<platform path, percent-encoded>`), fetched through
// the platform service: the platform requires the terminal's client certificate, which QML's
// own network access does not have. Doctors' photos are not personal data of patients.

#include <QQuickAsyncImageProvider>

namespace lobby::services {
class PlatformService;
}

namespace lobby::app {

class DoctorPhotoProvider : public QQuickAsyncImageProvider {
public:
    // `platform` may be null (no platform configured): every request then fails at once.
    explicit DoctorPhotoProvider(services::PlatformService* platform) : platform_(platform) {}
    QQuickImageResponse* requestImageResponse(const QString& id,
                                              const QSize& requestedSize) override;

    static constexpr const char* kName = "doctor";

private:
    services::PlatformService* platform_;
};

}  // namespace lobby::app
