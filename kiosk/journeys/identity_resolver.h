#pragma once
// Turns a card read on this kiosk into a patient of the platform: looks the holder up, and hands
// a holder the platform does not know yet to PatientRegistration (建档, with their consent and a
// verified mobile number); then tells the session who is here.
// Without a card, the patient may type their ID number and the phone number the hospital has
// on record (manual entry); the platform checks that the two belong together.
// Without a platform configured the session gets the masked name alone, so devices can still be
// shown. Exposed to QML as `Identity` for that confirmation.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <optional>

#include "core/session_controller.h"
#include "devices/card_holder.h"
#include "journeys/family_chooser.h"
#include "journeys/patient_registration.h"
#include "platform/platform_client.h"

namespace lobby::services {
class PlatformService;
struct CallFailure;
}  // namespace lobby::services

namespace lobby::journeys {

class IdentityResolver : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Identity)
    QML_SINGLETON
    Q_PROPERTY(bool manualOffered READ manualOffered CONSTANT)
    Q_PROPERTY(bool typing READ typing NOTIFY changed)
    Q_PROPERTY(bool typingCode READ typingCode NOTIFY changed)
    Q_PROPERTY(QString manualError READ manualError NOTIFY changed)
public:
    IdentityResolver(core::SessionController& session, services::PlatformService* platform,
                     PatientRegistration& registration, FamilyChooser* family,
                     QObject* parent = nullptr);
    static IdentityResolver* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "identity";

    // Manual entry: the screen for typing the ID number and phone number.
    bool manualOffered() const { return platform_ != nullptr; }
    bool typing() const { return entry_ == Entry::IdAndPhone; }
    // Typing a booking code (预约码: from the SMS or the voucher) instead.
    bool typingCode() const { return entry_ == Entry::BookingCode; }
    // Why the typed numbers were not sent (in the current language); empty when none.
    QString manualError() const { return manualError_.translated(); }
    Q_INVOKABLE void beginManualEntry();
    Q_INVOKABLE void cancelManualEntry();
    Q_INVOKABLE void beginCodeEntry();
    // Eight digits, checked here; the platform says whose booking it is (never the kiosk).
    Q_INVOKABLE void submitCode(const QString& code);
    // "1234 5678" while typed, for checking half by half.
    Q_INVOKABLE QString shownCode(const QString& typed) const;
    // Checks the numbers' form here (18-character ID number with a valid check digit, 11-digit
    // mobile number); only well-formed numbers are sent to the platform. Nothing typed is kept.
    Q_INVOKABLE void submitManual(const QString& idNumber, const QString& phone);
    // What the keypad's fields show (journeys/typed_number.h): grouped, masked once left.
    Q_INVOKABLE QString shownIdNumber(const QString& typed, bool masked) const;
    Q_INVOKABLE QString shownPhone(const QString& typed, bool masked) const;

    void resolve(const devices::CardHolder& holder);
    // A scanned e-voucher, visit card or booking voucher: the platform says whose it is (and,
    // for a voucher, which booking).
    void resolveToken(const QString& kind, const QString& token);

signals:
    void changed();
    // The age the card's ID number gives (birth date in the number), as soon as it is read: the
    // kiosk may switch to large text before the next screen (KioskInfo::patientAge).
    void holderAge(int age);

private:
    void forgetEntry();
    // The platform's answer: the patient identified, or the platform's words on screen.
    void conclude(const Result<platform::Patient>& patient,
                  const std::optional<services::CallFailure>& failure, const char* step);

    core::SessionController& session_;
    services::PlatformService* platform_;
    PatientRegistration& registration_;
    FamilyChooser* family_;  // null: whoever is identified is served, no family members asked
    enum class Entry { None, IdAndPhone, BookingCode };
    void beginEntry(Entry entry, const QString& step);
    Entry entry_ = Entry::None;
    core::TranslatableText manualError_;
};

}  // namespace lobby::journeys
