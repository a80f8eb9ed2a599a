#pragma once
// Voice guidance: each screen's instruction read aloud in the patient's language, when the scene
// turns it on (voice_guidance) and the patient has not switched it off for their session.
// Exposed to QML as `Voice` (the top bar's switch). What is said is decided here; how it is
// said is a Speaker (Qt TextToSpeech in the app, a recorder in tests). Never anything personal:
// instructions only, no names or numbers.

#include <QtQml/qqmlregistration.h>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QVariantMap>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace lobby::core {

class KioskInfo;
class SessionController;

class Speaker {
public:
    virtual ~Speaker() = default;
    virtual void say(const QString& text, const QLocale& locale) = 0;
    virtual void stop() = 0;
};

class VoiceGuide : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Voice)
    QML_SINGLETON
    Q_PROPERTY(bool offered READ offered NOTIFY changed)
    Q_PROPERTY(bool on READ on NOTIFY changed)

public:
    VoiceGuide(SessionController& session, KioskInfo& kiosk, std::unique_ptr<Speaker> speaker,
               QObject* parent = nullptr);
    ~VoiceGuide() override;
    static VoiceGuide* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "voice";

    bool offered() const;
    bool on() const { return offered() && !mutedByPatient_; }
    // The patient's switch, for this session only.
    Q_INVOKABLE void toggle();
    // A key of the keypad pressed ("0"-"9", "X", "erase", "clear"), said back so a patient who
    // cannot read the small print hears what they typed. Only a patient who has voice on hears
    // it, one key at a time; a number is never said whole.
    Q_INVOKABLE void sayKey(const QString& key);
    static QString keyWords(const QString& key);

    // The instruction read for a screen ("book-doctors"), in the current UI language; empty
    // when the screen has none.
    static QString instructionFor(const QString& screenName);
    // What the done screen says: "Done.", the queue number, where to go next.
    static QString doneWords(const QVariantMap& outcome);
    // What the farewell reminds the patient to take (SessionController::takeAway).
    static QString takeAwayWords(const QString& takeAway);
    // What is said when the idle countdown starts.
    static QString idleWarning();

signals:
    void changed();

private:
    void speakCurrentScreen();
    void speak(const QString& text);
    void warnIfIdle();

    SessionController& session_;
    KioskInfo& kiosk_;
    std::unique_ptr<Speaker> speaker_;
    bool mutedByPatient_ = false;
    bool warned_ = false;  // the idle warning is said once per countdown
};

}  // namespace lobby::core
