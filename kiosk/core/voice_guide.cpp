#include "core/voice_guide.h"

#include <QCoreApplication>

#include "core/kiosk_info.h"
#include "core/qml_exposure.h"
#include "core/session_controller.h"
#include "logging/categories.h"

namespace lobby::core {
namespace {

struct Instruction {
    const char* screen;  // a screen name, or a prefix ending in '-' for a journey's steps
    const char* text;
};

// Short and concrete, for someone standing in a noisy lobby.
constexpr Instruction kInstructions[] = {
    {"attract",
     QT_TRANSLATE_NOOP(
         "VoiceGuide",
         "Place your ID card, insert your social-security card, or show your e-voucher code.")},
    {"identify", QT_TRANSLATE_NOOP("VoiceGuide", "Reading your card. Please keep it still.")},
    {"identify-register",
     QT_TRANSLATE_NOOP(
         "VoiceGuide",
         "Please check your details on the screen, then confirm to create your patient record.")},
    {"identify-register-phone",
     QT_TRANSLATE_NOOP("VoiceGuide", "Type your mobile number, then touch Continue.")},
    {"identify-register-phone-again",
     QT_TRANSLATE_NOOP("VoiceGuide", "Please type the same mobile number once more.")},
    {"identify-register-sms",
     QT_TRANSLATE_NOOP("VoiceGuide",
                       "A text message with a code is on its way to your phone. Type the code.")},
    {"identify-who",
     QT_TRANSLATE_NOOP("VoiceGuide", "Who is this visit for? Choose yourself or a family member.")},
    {"identify-add-family",
     QT_TRANSLATE_NOOP("VoiceGuide",
                       "Choose how they are related to you, then place their ID card on the "
                       "reader.")},
    {"identify-add-child",
     QT_TRANSLATE_NOOP("VoiceGuide", "Type your child's ID number from the household register.")},
    {"identify-add-child-name",
     QT_TRANSLATE_NOOP("VoiceGuide",
                       "Type the pinyin of your child's name, then touch its characters.")},
    {"identify-code",
     QT_TRANSLATE_NOOP("VoiceGuide",
                       "Type the 8-digit booking code from your voucher or text message.")},
    {"menu", QT_TRANSLATE_NOOP("VoiceGuide", "Please choose what you would like to do.")},
    {"pickup", QT_TRANSLATE_NOOP("VoiceGuide", "Choose the appointment to check in for.")},
    {"pickup-pay",
     QT_TRANSLATE_NOOP("VoiceGuide", "This appointment is not paid yet. Choose how to pay.")},
    {"pickup-paying",
     QT_TRANSLATE_NOOP("VoiceGuide", "Scan the QR code on the screen with your phone to pay.")},
    {"book-departments", QT_TRANSLATE_NOOP("VoiceGuide", "Choose a department.")},
    {"book-doctors", QT_TRANSLATE_NOOP("VoiceGuide", "Choose a doctor.")},
    {"book-slots", QT_TRANSLATE_NOOP("VoiceGuide", "Choose a date and time.")},
    {"book-confirm", QT_TRANSLATE_NOOP("VoiceGuide", "Check the booking, then choose how to pay.")},
    {"book-paying",
     QT_TRANSLATE_NOOP("VoiceGuide", "Scan the QR code on the screen with your phone to pay.")},
    {"register-departments",
     QT_TRANSLATE_NOOP("VoiceGuide", "Registration for today. Choose a department.")},
    {"register-slots", QT_TRANSLATE_NOOP("VoiceGuide", "Choose a time today.")},
    {"register-confirm",
     QT_TRANSLATE_NOOP("VoiceGuide",
                       "Check the registration, then choose how to pay. You are checked in as "
                       "soon as you have paid.")},
    {"cancel", QT_TRANSLATE_NOOP("VoiceGuide", "Choose the booking to cancel.")},
    {"my_bookings", QT_TRANSLATE_NOOP("VoiceGuide", "These are your bookings.")},
    {"done", QT_TRANSLATE_NOOP("VoiceGuide", "Done.")},
    {"error",
     QT_TRANSLATE_NOOP("VoiceGuide", "Sorry, that did not work. The screen says what to do next.")},
    {"farewell", QT_TRANSLATE_NOOP("VoiceGuide", "Goodbye.")},
};

}  // namespace

VoiceGuide::VoiceGuide(SessionController& session, KioskInfo& kiosk,
                       std::unique_ptr<Speaker> speaker, QObject* parent)
    : QObject(parent), session_(session), kiosk_(kiosk), speaker_(std::move(speaker)) {
    connect(&session_, &SessionController::screenChanged, this, &VoiceGuide::speakCurrentScreen);
    connect(&session_, &SessionController::countdownChanged, this, &VoiceGuide::warnIfIdle);
    // The scene's setting arrives with the rest of the branding.
    connect(&kiosk_, &KioskInfo::hospitalNameChanged, this, &VoiceGuide::changed);
    connect(&kiosk_, &KioskInfo::elderModeChanged, this, [this] {
        emit changed();
        if (kiosk_.elderMode() && on()) speakCurrentScreen();
    });
    connect(&session_, &SessionController::patientLeft, this, [this] {
        if (!mutedByPatient_) return;
        mutedByPatient_ = false;  // the next patient gets the kiosk's default
        emit changed();
    });
}

VoiceGuide::~VoiceGuide() = default;

VoiceGuide* VoiceGuide::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return exposedTo<VoiceGuide>(qmlEngine, kQmlName);
}

bool VoiceGuide::offered() const {
    // Elder mode brings voice with it, whatever the scene says: large text alone is not enough
    // for a patient who cannot read the screen.
    return kiosk_.voiceGuidance() || kiosk_.elderMode();
}

void VoiceGuide::toggle() {
    if (!offered()) return;
    mutedByPatient_ = !mutedByPatient_;
    qCInfo(lcUi) << "voice guidance" << (mutedByPatient_ ? "off" : "on") << "for this patient";
    if (mutedByPatient_) speaker_->stop();
    emit changed();
    if (!mutedByPatient_) speakCurrentScreen();
}

QString VoiceGuide::instructionFor(const QString& screenName) {
    for (const auto& instruction : kInstructions) {
        if (screenName == QLatin1String(instruction.screen))
            return QCoreApplication::translate("VoiceGuide", instruction.text);
    }
    // 当日挂号 walks the booking's steps: a step with no words of its own has the booking's.
    if (screenName.startsWith(QLatin1String("register-")))
        return instructionFor(QStringLiteral("book-") + screenName.mid(9));
    return {};
}

QString VoiceGuide::idleWarning() {
    return QCoreApplication::translate(
        "VoiceGuide", "Are you still there? Touch the screen to continue, or this session ends.");
}

QString VoiceGuide::takeAwayWords(const QString& takeAway) {
    if (takeAway == QLatin1String("card_and_slip"))
        return QCoreApplication::translate("VoiceGuide", "Please take your card and your slip.");
    if (takeAway == QLatin1String("card"))
        return QCoreApplication::translate("VoiceGuide", "Please take your card.");
    if (takeAway == QLatin1String("slip"))
        return QCoreApplication::translate("VoiceGuide", "Please take your slip.");
    return {};
}

QString VoiceGuide::doneWords(const QVariantMap& outcome) {
    QStringList parts{instructionFor(QStringLiteral("done"))};
    if (!outcome.value("headline").toString().isEmpty())
        parts << outcome.value("headlineLabel").toString() + QLatin1Char(' ') +
                     outcome.value("headline").toString();
    if (!outcome.value("next").toString().isEmpty()) parts << outcome.value("next").toString();
    return parts.join(QLatin1Char(' '));
}

void VoiceGuide::speakCurrentScreen() {
    if (!on()) return;
    const QString screen = session_.screenName();
    // The done screen says what was achieved and where to go; the farewell, what to take.
    QString text =
        screen == QLatin1String("done") ? doneWords(session_.outcome()) : instructionFor(screen);
    if (screen == QLatin1String("farewell"))
        text = takeAwayWords(session_.takeAway()) + QLatin1Char(' ') + text;
    text = text.trimmed();
    if (text.isEmpty()) return;
    qCInfo(lcUi) << "voice:" << screen;
    speak(text);
}

QString VoiceGuide::keyWords(const QString& key) {
    if (key == QLatin1String("erase")) return QCoreApplication::translate("VoiceGuide", "Delete");
    if (key == QLatin1String("clear")) return QCoreApplication::translate("VoiceGuide", "Clear");
    if (key.size() == 1 && (key[0].isDigit() || key[0] == QLatin1Char('X'))) return key;
    // A pinyin letter, said as its capital (the way the letter's name is read out).
    if (key.size() == 1 && key[0] >= QLatin1Char('a') && key[0] <= QLatin1Char('z'))
        return key.toUpper();
    return {};
}

void VoiceGuide::sayKey(const QString& key) {
    if (!on()) return;
    const QString words = keyWords(key);
    if (!words.isEmpty()) speak(words);
}

void VoiceGuide::warnIfIdle() {
    if (!session_.countdownActive()) {
        warned_ = false;
        return;
    }
    if (warned_) return;
    warned_ = true;
    if (!on()) return;
    qCInfo(lcUi) << "voice: idle warning";
    speak(idleWarning());
}

void VoiceGuide::speak(const QString& text) {
    speaker_->stop();  // a new screen cuts the last one short
    speaker_->say(text, kiosk_.language() == QLatin1String("en")
                            ? QLocale(QLocale::English)
                            : QLocale(QLocale::Chinese, QLocale::China));
}

}  // namespace lobby::core
