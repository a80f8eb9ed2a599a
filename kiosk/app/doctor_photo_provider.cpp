#include "app/doctor_photo_provider.h"

#include <QImage>
#include <QPointer>
#include <QQuickTextureFactory>
#include <QUrl>

#include "services/platform_service.h"

namespace lobby::app {
namespace {

class PhotoResponse : public QQuickImageResponse {
public:
    void finish(QImage image, QString error) {
        image_ = std::move(image);
        error_ = std::move(error);
        emit finished();
    }
    QQuickTextureFactory* textureFactory() const override {
        return QQuickTextureFactory::textureFactoryForImage(image_);
    }
    QString errorString() const override { return error_; }

private:
    QImage image_;
    QString error_;
};

}  // namespace

QQuickImageResponse* DoctorPhotoProvider::requestImageResponse(const QString& id,
                                                               const QSize& requestedSize) {
    auto* response = new PhotoResponse;
    if (platform_ == nullptr) {
        QMetaObject::invokeMethod(
            response,
            [response] { response->finish({}, QStringLiteral("no platform configured")); },
            Qt::QueuedConnection);
        return response;
    }
    const std::string path = QUrl::fromPercentEncoding(id.toUtf8()).toStdString();
    // The provider is called off the GUI thread; the service is used from its own thread.
    QMetaObject::invokeMethod(platform_, [platform = platform_, path, requestedSize,
                                          response = QPointer<PhotoResponse>(response)] {
        platform->callDetached<std::string>(
            [path](platform::PlatformClient& client) { return client.photo(path); },
            [response, requestedSize](Result<std::string> bytes) {
                if (!response) return;
                if (!bytes)
                    return response->finish({}, QString::fromStdString(bytes.error().message));
                QImage image = QImage::fromData(reinterpret_cast<const uchar*>(bytes->data()),
                                                static_cast<int>(bytes->size()));
                if (image.isNull()) return response->finish({}, QStringLiteral("not an image"));
                if (requestedSize.isValid())
                    image =
                        image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
                response->finish(std::move(image), {});
            });
    });
    return response;
}

}  // namespace lobby::app
