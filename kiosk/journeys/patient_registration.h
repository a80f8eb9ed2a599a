#pragma once
// 建档 at the kiosk, for a card holder the platform does not know: the details read from the card
// (masked) for the patient to confirm; then the mobile number the hospital needs (seed 001
// §4.1.5), typed twice; then the code the platform texts to it, typed back. Only a confirmed,
// verified patient is registered, and can afterwards also identify by ID number + mobile.
// Exposed to QML as `Registration`; the screen's steps are identify-register, -register-phone,
// -register-phone-again and -register-sms.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QTimer>
#include <functional>
#include <optional>

#include "core/session_controller.h"
#include "core/translatable_text.h"
#include "devices/card_holder.h"
#include "platform/platform_client.h"

namespace lobby::services {
class PlatformService;
struct CallFailure;
}  // namespace lobby::services

namespace lobby::journeys {

class PatientRegistration : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Registration)
    QML_SINGLETON
    Q_PROPERTY(QString step READ stepName NOTIFY changed)
    Q_PROPERTY(QString maskedName READ maskedName NOTIFY changed)
    Q_PROPERTY(QString maskedIdNumber READ maskedIdNumber NOTIFY changed)
    Q_PROPERTY(QString maskedPhone READ maskedPhone NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(int resendIn READ resendIn NOTIFY changed)
    Q_PROPERTY(int codeLength READ codeLength NOTIFY changed)
public:
    using Concluded = std::function<void(const Result<platform::Patient>&,
                                         const std::optional<services::CallFailure>&)>;
    PatientRegistration(core::SessionController& session, services::PlatformService* platform,
                        QObject* parent = nullptr);
    static PatientRegistration* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "registration";

    // Who hears how the registration ended (the identity resolver: identified or refused).
    void setConcluded(Concluded concluded) { concluded_ = std::move(concluded); }
    // A holder the platform does not know: ask them to confirm their details.
    void begin(const devices::CardHolder& holder);
    bool active() const { return step_ != Step::None; }

    // "" (none), "confirm", "phone", "phone-again", "code".
    QString stepName() const;
    QString maskedName() const;
    QString maskedIdNumber() const;
    QString maskedPhone() const;
    // Why the last thing typed was not taken (in the current language); empty when none.
    QString error() const { return error_.translated(); }
    bool busy() const { return busy_; }
    // Seconds until another code may be asked for; 0: now.
    int resendIn() const { return resendIn_s_; }
    int codeLength() const { return verification_ ? verification_->codeLength : 6; }

    Q_INVOKABLE void confirm();
    Q_INVOKABLE void decline();
    // The number typed, once and then again; the second time, the platform texts the code.
    Q_INVOKABLE void submitPhone(const QString& typed);
    Q_INVOKABLE void submitCode(const QString& typed);
    Q_INVOKABLE void resendCode();
    // One step back: from the code or the repeated number to typing the number; from the
    // number to the details.
    Q_INVOKABLE void back();

signals:
    void changed();
    // A new step (or a refused entry): the screen clears what was typed.
    void entryCleared();

private:
    enum class Step { None, Confirm, Phone, PhoneAgain, Code };
    void goTo(Step step);
    void sendCode();
    void forget();
    void tick();

    core::SessionController& session_;
    services::PlatformService* platform_;
    Concluded concluded_;
    std::optional<devices::CardHolder> holder_;
    Step step_ = Step::None;
    QString phone_;  // typed, the first time; kept only until the patient leaves
    std::optional<platform::SmsVerification> verification_;
    core::TranslatableText error_;
    bool busy_ = false;
    int resendIn_s_ = 0;
    QTimer countdown_;
};

}  // namespace lobby::journeys
