#pragma once
// Swaps the Qt translator when the UI language changes and asks the engine to re-evaluate
// every qsTr() binding. Source strings are English; Chinese comes from lobby_zh_CN.qm.

#include <QObject>
#include <QTranslator>

class QQmlEngine;

namespace lobby::core {
class KioskInfo;
class SessionController;
}  // namespace lobby::core

namespace lobby::app {

class LanguageService : public QObject {
    Q_OBJECT
public:
    LanguageService(core::KioskInfo* kiosk, core::SessionController* session, QQmlEngine* engine,
                    QObject* parent = nullptr);

private:
    void apply();

    core::KioskInfo* kiosk_;
    core::SessionController* session_;
    QQmlEngine* engine_;
    QTranslator chinese_;
    bool installed_ = false;
};

}  // namespace lobby::app
