#include "app/language_service.h"

#include <QCoreApplication>
#include <QQmlEngine>

#include "core/kiosk_info.h"
#include "core/session_controller.h"
#include "logging/categories.h"

namespace lobby::app {

LanguageService::LanguageService(core::KioskInfo* kiosk, core::SessionController* session,
                                 QQmlEngine* engine, QObject* parent)
    : QObject(parent), kiosk_(kiosk), session_(session), engine_(engine) {
    if (!chinese_.load(QStringLiteral(":/i18n/lobby_zh_CN.qm"))) {
        qCCritical(lcUi) << "the Chinese translation is missing from the resources";
    }
    connect(kiosk_, &core::KioskInfo::languageChanged, this, &LanguageService::apply);
    // Large text is for the patient who needs more time too: twice the idle limits.
    connect(kiosk_, &core::KioskInfo::elderModeChanged, this,
            [this] { session_->setLongerTimes(kiosk_->elderMode()); });
    // The next patient starts in the kiosk's default language and standard mode; the farewell
    // stays as the patient chose.
    connect(session_, &core::SessionController::readyForNextPatient, this, [this] {
        kiosk_->setLanguage(kiosk_->defaultLanguage());
        kiosk_->setElderMode(false);  // the next patient chooses for themselves
    });
    apply();
}

void LanguageService::apply() {
    const bool wantChinese = kiosk_->language() == QLatin1String("zh");
    if (wantChinese && !installed_) {
        installed_ = QCoreApplication::installTranslator(&chinese_);
    } else if (!wantChinese && installed_) {
        QCoreApplication::removeTranslator(&chinese_);
        installed_ = false;
    }
    engine_->retranslate();
    session_->retranslate();
}

}  // namespace lobby::app
