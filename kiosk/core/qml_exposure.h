#pragma once
// How the composition root hands its objects to QML without global singletons: each object is
// stored as a property of the QQmlEngine that shows it, and the QML_SINGLETON's create()
// fetches it from there. A test engine can expose its own fakes the same way.

#include <QJSEngine>
#include <QQmlEngine>

namespace lobby::core {

void exposeToQml(QQmlEngine* engine, const char* name, QObject* object);
QObject* exposedObject(QQmlEngine* engine, const char* name);

// For use in create(): returns the engine's object of type T, owned by C++.
template <typename T>
T* exposedTo(QQmlEngine* engine, const char* name) {
    auto* object = qobject_cast<T*>(exposedObject(engine, name));
    if (object != nullptr) QJSEngine::setObjectOwnership(object, QJSEngine::CppOwnership);
    return object;
}

}  // namespace lobby::core
