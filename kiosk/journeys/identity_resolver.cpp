#include "journeys/identity_resolver.h"

#include <QUuid>

#include "common/id_number.h"
#include "common/privacy.h"
#include "core/qml_exposure.h"
#include "journeys/typed_number.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Patient;
using platform::PlatformClient;
using services::CallFailure;

namespace {
const char* const kCodeNotUsable = QT_TRANSLATE_NOOP(
    "IdentityResolver",
    "This code cannot be used to identify you here. Please use your ID card, your "
    "social-security card or your medical-insurance e-voucher.");
const char* const kBadIdNumber = QT_TRANSLATE_NOOP(
    "IdentityResolver",
    "That ID number is not complete or not valid. It has 18 characters; the last may be X.");
const char* const kBadPhone = QT_TRANSLATE_NOOP(
    "IdentityResolver", "Please type the 11-digit mobile number you gave the hospital.");
const char* const kBadCode = QT_TRANSLATE_NOOP(
    "IdentityResolver",
    "A booking code has 8 digits. You find it on your booking voucher or in the text message.");

bool isMobileNumber(const QString& phone) {
    if (phone.size() != 11 || phone.front() != QLatin1Char('1')) return false;
    return std::all_of(phone.begin(), phone.end(), [](QChar c) { return c.isDigit(); });
}

}  // namespace

IdentityResolver::IdentityResolver(core::SessionController& session,
                                   services::PlatformService* platform, QObject* parent)
    : QObject(parent), session_(session), platform_(platform) {
    // The details of a patient who walked away unregistered go with them.
    connect(&session_, &core::SessionController::patientLeft, this,
            &IdentityResolver::forgetPending);
}

IdentityResolver* IdentityResolver::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<IdentityResolver>(qmlEngine, kQmlName);
}

QString IdentityResolver::maskedIdNumber() const {
    return pending_
               ? QString::fromStdString(privacy::maskIdNumber(pending_->idNumber.toStdString()))
               : QString();
}

void IdentityResolver::forgetPending() {
    if (!pending_ && entry_ == Entry::None && manualError_.isEmpty()) return;
    pending_.reset();
    entry_ = Entry::None;
    manualError_ = {};
    emit changed();
}

void IdentityResolver::beginEntry(Entry entry, const QString& step) {
    if (session_.currentState() != core::SessionState::Identifying || pending_ ||
        entry_ != Entry::None || platform_ == nullptr)
        return;
    entry_ = entry;
    manualError_ = {};
    session_.setScreenStep(step);
    emit changed();
}

void IdentityResolver::beginManualEntry() {
    beginEntry(Entry::IdAndPhone, QStringLiteral("manual"));
}

void IdentityResolver::beginCodeEntry() {
    beginEntry(Entry::BookingCode, QStringLiteral("code"));
}

void IdentityResolver::submitCode(const QString& code) {
    if (entry_ != Entry::BookingCode || platform_ == nullptr || session_.readingCard()) return;
    const QString digits = code.trimmed();
    if (digits.size() != 8 ||
        !std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit(); })) {
        manualError_ = {"IdentityResolver", kBadCode};
        emit changed();
        return;
    }
    manualError_ = {};
    session_.setReadingCard(true);
    emit changed();
    qCInfo(lcJourney) << "identifying by a typed booking code";
    platform_->call<Patient>(
        [token = digits.toStdString()](PlatformClient& client) {
            return client.identifyByToken("booking_code", token);
        },
        [this](Result<Patient> patient, std::optional<CallFailure> failure) {
            entry_ = Entry::None;
            emit changed();
            conclude(patient, failure, "identification by booking code");
        });
}

QString IdentityResolver::shownCode(const QString& typed) const {
    return typed.size() > 4 ? typed.left(4) + QLatin1Char(' ') + typed.mid(4) : typed;
}

void IdentityResolver::cancelManualEntry() {
    if (entry_ == Entry::None) return;
    entry_ = Entry::None;
    manualError_ = {};
    session_.setScreenStep({});
    emit changed();
}

void IdentityResolver::submitManual(const QString& idNumber, const QString& phone) {
    if (entry_ != Entry::IdAndPhone || platform_ == nullptr || session_.readingCard()) return;
    const std::string id = idNumber.trimmed().toUpper().toStdString();
    if (id.size() != 18 || !lobby::hasValidCheckDigit(id)) {
        manualError_ = {"IdentityResolver", kBadIdNumber};
        emit changed();
        return;
    }
    if (!isMobileNumber(phone.trimmed())) {
        manualError_ = {"IdentityResolver", kBadPhone};
        emit changed();
        return;
    }
    manualError_ = {};
    session_.setReadingCard(true);  // "one moment": the same wait as a card being looked up
    emit changed();
    qCInfo(lcJourney) << "identifying by typed ID number and phone";
    platform_->call<Patient>(
        [id, phone = phone.trimmed().toStdString()](PlatformClient& client) {
            return client.identifyManually(id, phone);
        },
        [this](Result<Patient> patient, std::optional<CallFailure> failure) {
            entry_ = Entry::None;
            emit changed();
            conclude(patient, failure, "manual identification");
        });
}

QString IdentityResolver::shownIdNumber(const QString& typed, bool masked) const {
    return journeys::shownIdNumber(typed, masked);
}

QString IdentityResolver::shownPhone(const QString& typed, bool masked) const {
    return journeys::shownPhone(typed, masked);
}

void IdentityResolver::confirmRegistration() {
    if (!pending_ || session_.currentState() != core::SessionState::Identifying) return;
    const devices::CardHolder holder = *pending_;
    forgetPending();
    session_.setScreenStep({});
    session_.setReadingCard(true);
    registerHolder(holder);
}

void IdentityResolver::declineRegistration() {
    if (!pending_) return;
    qCInfo(lcJourney) << "the patient declined to be registered";
    forgetPending();
    session_.back();
}

void IdentityResolver::resolve(const devices::CardHolder& holder) {
    const QDate today = QDate::currentDate();
    if (const auto age =
            ageOn(holder.idNumber.toStdString(), today.year(), today.month(), today.day()))
        emit holderAge(*age);
    if (platform_ == nullptr) {
        session_.identified(holder.maskedName);
        return;
    }
    const std::string idNumber = holder.idNumber.toStdString();
    const std::string name = holder.fullName.toStdString();
    platform_->call<Patient>(
        [idNumber, name](PlatformClient& client) {
            return client.identifyByIdCard(idNumber, name);
        },
        [this, holder](Result<Patient> patient, std::optional<CallFailure> failure) {
            if (!patient && failure->error.code == "patient_unknown") {
                // 建档 only with the patient's consent to the details read from their card.
                qCInfo(lcJourney).noquote()
                    << "unknown to the platform:" << holder.maskedName << "- asking to register";
                pending_ = holder;
                session_.setReadingCard(false);
                session_.setScreenStep(QStringLiteral("register"));
                emit changed();
                return;
            }
            conclude(patient, failure, "identification");
        });
}

void IdentityResolver::resolveToken(const QString& kind, const QString& token) {
    if (platform_ == nullptr ||
        (kind != QLatin1String("evoucher") && kind != QLatin1String("visit_card") &&
         kind != QLatin1String("booking_code"))) {
        session_.identificationFailed({"IdentityResolver", kCodeNotUsable});
        return;
    }
    qCInfo(lcJourney).noquote() << "identifying by" << kind;
    platform_->call<Patient>(
        [kind = kind.toStdString(), token = token.toStdString()](PlatformClient& client) {
            return client.identifyByToken(kind, token);
        },
        [this](Result<Patient> patient, std::optional<CallFailure> failure) {
            conclude(patient, failure, "identification by code");
        });
}

// The card's data is the platform's record of the patient (建档): the name and number come from
// a card the reader has verified and the patient has confirmed, so there is nothing to type.
void IdentityResolver::registerHolder(const devices::CardHolder& holder) {
    const std::string key = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    const std::string idNumber = holder.idNumber.toStdString();
    const std::string name = holder.fullName.toStdString();
    qCInfo(lcJourney).noquote() << "registering new patient" << holder.maskedName;
    platform_->call<Patient>(
        [idNumber, name, key](PlatformClient& client) {
            return client.registerPatient(idNumber, name, key);
        },
        [this](Result<Patient> patient, std::optional<CallFailure> failure) {
            conclude(patient, failure, "registration");
        });
}

void IdentityResolver::conclude(const Result<Patient>& patient,
                                const std::optional<CallFailure>& failure, const char* step) {
    if (!patient) {
        qCWarning(lcJourney).noquote() << step << "failed:" << failure->error.code.c_str() << "-"
                                       << failure->error.message.c_str();
        session_.identificationFailed(failure->message);
        return;
    }
    const QString maskedName = QString::fromStdString(patient->maskedName);
    if (!patient->bookingId.empty()) {
        qCInfo(lcJourney).noquote() << "identified by a booking code:" << maskedName << "booking"
                                    << patient->bookingId.c_str();
        session_.identifiedForBooking(maskedName, QString::fromStdString(patient->id),
                                      QString::fromStdString(patient->bookingId));
        return;
    }
    qCInfo(lcJourney).noquote() << "identified:" << maskedName;
    session_.identified(maskedName, QString::fromStdString(patient->id));
}

}  // namespace lobby::journeys
