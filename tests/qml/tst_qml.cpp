// Qt Quick Test runner for the QML components. The setup exposes real core services (with
// short timings) to the test engine the same way the composition root does for the app.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <QQmlEngine>

#include "core/function_catalog.h"
#include "core/kiosk_info.h"
#include "core/qml_exposure.h"
#include "core/session_controller.h"
#include "core/voice_guide.h"

Q_IMPORT_QML_PLUGIN(Lobby_CorePlugin)
Q_IMPORT_QML_PLUGIN(Lobby_ComponentsPlugin)
Q_IMPORT_QML_PLUGIN(Lobby_ScreensPlugin)

using namespace lobby::core;

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        exposeToQml(engine, SessionController::kQmlName, &session_);
        exposeToQml(engine, KioskInfo::kQmlName, &kiosk_);
        exposeToQml(engine, VoiceGuide::kQmlName, &voice_);
    }

private:
    // Components only need the switch's state; nothing is spoken in these tests.
    class SilentSpeaker : public Speaker {
    public:
        void say(const QString&, const QLocale&) override {}
        void stop() override {}
    };

    FunctionCatalog catalog_;
    SessionController session_{SessionTiming{1'500, 1'000, 300}, &catalog_};
    KioskInfo kiosk_{QStringLiteral("测试医院"), QStringLiteral("zh"), KioskDisplay{}};
    VoiceGuide voice_{session_, kiosk_, std::make_unique<SilentSpeaker>()};
};

QUICK_TEST_MAIN_WITH_SETUP(lobby_qml, Setup)

#include "tst_qml.moc"
