#include "app/qt_speaker.h"

#include "logging/categories.h"

namespace lobby::app {

QtSpeaker::QtSpeaker() = default;

// Made on the first word only: a kiosk whose scene has no voice guidance never starts (or
// autospawns) a speech server.
QTextToSpeech& QtSpeaker::engine() {
    if (engine_) return *engine_;
    const QStringList engines = QTextToSpeech::availableEngines();
    // speech-dispatcher first: it has Mandarin; flite speaks only English.
    const QString engine =
        engines.contains(QStringLiteral("speechd")) ? QStringLiteral("speechd") : QString();
    engine_ = engine.isEmpty() ? std::make_unique<QTextToSpeech>()
                               : std::make_unique<QTextToSpeech>(engine);
    return *engine_;
}

void QtSpeaker::say(const QString& text, const QLocale& locale) {
    if (engine().state() == QTextToSpeech::Error) {
        if (!warned_) qCWarning(lcUi) << "voice guidance: no working speech engine";
        warned_ = true;
        return;
    }
    if (engine_->locale() != locale) engine_->setLocale(locale);
    engine_->say(text);
}

void QtSpeaker::stop() {
    if (engine_ && engine_->state() == QTextToSpeech::Speaking) engine_->stop();
}

}  // namespace lobby::app
