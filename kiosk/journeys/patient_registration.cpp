#include "journeys/patient_registration.h"

#include <QUuid>

#include "common/privacy.h"
#include "core/qml_exposure.h"
#include "journeys/typed_number.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Patient;
using platform::PlatformClient;
using platform::SmsVerification;
using services::CallFailure;

namespace {
const char* const kBadPhone =
    QT_TRANSLATE_NOOP("PatientRegistration",
                      "A mobile number has 11 digits and starts with 1. Please type it again.");
const char* const kPhonesDiffer =
    QT_TRANSLATE_NOOP("PatientRegistration",
                      "The two numbers are not the same. Please type your mobile number again.");
const char* const kBadCode = QT_TRANSLATE_NOOP(
    "PatientRegistration", "Please type all the digits of the code in the text message.");
}  // namespace

PatientRegistration::PatientRegistration(core::SessionController& session,
                                         services::PlatformService* platform, QObject* parent)
    : QObject(parent), session_(session), platform_(platform) {
    countdown_.setInterval(1000);
    connect(&countdown_, &QTimer::timeout, this, &PatientRegistration::tick);
    // The details and the number of a patient who walked away go with them.
    connect(&session_, &core::SessionController::patientLeft, this, &PatientRegistration::forget);
}

PatientRegistration* PatientRegistration::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<PatientRegistration>(qmlEngine, kQmlName);
}

QString PatientRegistration::stepName() const {
    switch (step_) {
        case Step::None:
            return {};
        case Step::Confirm:
            return QStringLiteral("confirm");
        case Step::Phone:
            return QStringLiteral("phone");
        case Step::PhoneAgain:
            return QStringLiteral("phone-again");
        case Step::Code:
            return QStringLiteral("code");
    }
    return {};
}

QString PatientRegistration::maskedName() const {
    return holder_ ? holder_->maskedName : QString();
}

QString PatientRegistration::maskedIdNumber() const {
    return holder_ ? QString::fromStdString(privacy::maskIdNumber(holder_->idNumber.toStdString()))
                   : QString();
}

QString PatientRegistration::maskedPhone() const {
    return phone_.isEmpty() ? QString() : shownPhone(phone_, true);
}

void PatientRegistration::begin(const devices::CardHolder& holder) {
    holder_ = holder;
    phone_.clear();
    verification_.reset();
    goTo(Step::Confirm);
}

void PatientRegistration::goTo(Step step) {
    step_ = step;
    error_ = {};
    static const char* const kScreenSteps[] = {"", "register", "register-phone",
                                               "register-phone-again", "register-sms"};
    session_.setScreenStep(QString::fromLatin1(kScreenSteps[static_cast<int>(step)]));
    emit entryCleared();
    emit changed();
}

void PatientRegistration::forget() {
    countdown_.stop();
    const bool had = holder_.has_value() || step_ != Step::None;
    holder_.reset();
    phone_.clear();
    verification_.reset();
    step_ = Step::None;
    error_ = {};
    busy_ = false;
    resendIn_s_ = 0;
    if (had) emit changed();
}

void PatientRegistration::confirm() {
    if (step_ != Step::Confirm || session_.currentState() != core::SessionState::Identifying)
        return;
    qCInfo(lcJourney).noquote() << "registering" << holder_->maskedName
                                << "- asking for a mobile number";
    goTo(Step::Phone);
}

void PatientRegistration::decline() {
    if (step_ == Step::None) return;
    qCInfo(lcJourney) << "the patient declined to be registered";
    forget();
    session_.setScreenStep({});
    session_.back();
}

void PatientRegistration::back() {
    if (busy_) return;
    switch (step_) {
        case Step::Confirm:
            decline();
            return;
        case Step::Phone:
            goTo(Step::Confirm);
            return;
        case Step::PhoneAgain:
        case Step::Code:
            goTo(Step::Phone);
            return;
        case Step::None:
            return;
    }
}

void PatientRegistration::submitPhone(const QString& typed) {
    if (busy_ || (step_ != Step::Phone && step_ != Step::PhoneAgain)) return;
    const QString phone = typed.trimmed();
    if (!isMobileNumber(phone)) {
        error_ = {"PatientRegistration", kBadPhone};
        emit entryCleared();
        emit changed();
        return;
    }
    if (step_ == Step::Phone) {
        phone_ = phone;
        goTo(Step::PhoneAgain);
        return;
    }
    if (phone != phone_) {
        phone_.clear();
        goTo(Step::Phone);
        error_ = {"PatientRegistration", kPhonesDiffer};
        emit changed();
        return;
    }
    sendCode();
}

void PatientRegistration::resendCode() {
    if (busy_ || step_ != Step::Code || resendIn_s_ > 0) return;
    sendCode();
}

void PatientRegistration::sendCode() {
    if (platform_ == nullptr) return;
    busy_ = true;
    error_ = {};
    emit changed();
    qCInfo(lcJourney).noquote() << "texting a code to" << maskedPhone();
    platform_->call<SmsVerification>(
        [phone = phone_.toStdString()](PlatformClient& client) {
            return client.sendVerificationCode(phone);
        },
        [this](Result<SmsVerification> sent, std::optional<CallFailure> failure) {
            busy_ = false;
            if (!sent) {
                qCWarning(lcJourney).noquote() << "no code sent:" << failure->error.code.c_str()
                                               << "-" << failure->error.message.c_str();
                // Too soon: the code sent a moment ago still holds; otherwise type the number
                // again (it may be wrong) or go back.
                if (step_ != Step::Code) goTo(Step::Phone);
                error_ = failure->message;
                emit changed();
                return;
            }
            verification_ = *sent;
            resendIn_s_ = sent->resendAfter_s;
            countdown_.start();
            goTo(Step::Code);
        });
}

void PatientRegistration::tick() {
    if (resendIn_s_ > 0) --resendIn_s_;
    if (resendIn_s_ == 0) countdown_.stop();
    emit changed();
}

void PatientRegistration::submitCode(const QString& typed) {
    if (busy_ || step_ != Step::Code || !verification_ || !holder_ || platform_ == nullptr) return;
    const QString code = typed.trimmed();
    if (!isDigits(code, verification_->codeLength)) {
        error_ = {"PatientRegistration", kBadCode};
        emit changed();
        return;
    }
    busy_ = true;
    error_ = {};
    emit changed();
    const platform::MobileProof proof{phone_.toStdString(), verification_->id, code.toStdString()};
    const std::string key = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    const std::string idNumber = holder_->idNumber.toStdString();
    const std::string name = holder_->fullName.toStdString();
    qCInfo(lcJourney).noquote() << "registering new patient" << holder_->maskedName;
    platform_->call<Patient>(
        [idNumber, name, proof, key](PlatformClient& client) {
            return client.registerPatient(idNumber, name, proof, key);
        },
        [this](Result<Patient> patient, std::optional<CallFailure> failure) {
            busy_ = false;
            const std::string refusal = patient ? std::string() : failure->error.code;
            if (refusal == "sms_code_wrong" || refusal == "sms_code_exhausted" ||
                refusal == "sms_code_expired") {
                // The patient types it again, or asks for a new one (the words say which).
                qCInfo(lcJourney) << "registration refused:" << refusal.c_str();
                error_ = failure->message;
                emit entryCleared();
                emit changed();
                return;
            }
            forget();
            if (concluded_) concluded_(patient, failure);
        });
}

}  // namespace lobby::journeys
