#pragma once
// Speaks through Qt TextToSpeech (speech-dispatcher, whose espeak-ng voices include Mandarin).
// A kiosk without a working speech engine stays silent and says so once in the log.

#include <QTextToSpeech>
#include <memory>

#include "core/voice_guide.h"

namespace lobby::app {

class QtSpeaker final : public core::Speaker {
public:
    QtSpeaker();
    void say(const QString& text, const QLocale& locale) override;
    void stop() override;

private:
    QTextToSpeech& engine();
    std::unique_ptr<QTextToSpeech> engine_;
    bool warned_ = false;
};

}  // namespace lobby::app
