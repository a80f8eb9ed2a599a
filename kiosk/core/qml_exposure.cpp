#include "core/qml_exposure.h"

#include <QByteArray>

namespace lobby::core {
namespace {
QByteArray propertyName(const char* name) {
    return QByteArray("_lobby_") + name;
}
}  // namespace

void exposeToQml(QQmlEngine* engine, const char* name, QObject* object) {
    engine->setProperty(propertyName(name).constData(), QVariant::fromValue(object));
}

QObject* exposedObject(QQmlEngine* engine, const char* name) {
    if (engine == nullptr) return nullptr;
    const QVariant stored = engine->property(propertyName(name).constData());
    if (!stored.isValid()) {
        qFatal("lobby: QML asked for '%s' but the composition root did not expose it", name);
    }
    return stored.value<QObject*>();
}

}  // namespace lobby::core
