#include "journeys/identity_resolver.h"

#include "common/id_number.h"
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

}  // namespace

IdentityResolver::IdentityResolver(core::SessionController& session,
                                   services::PlatformService* platform,
                                   PatientRegistration& registration, FamilyChooser* family,
                                   QObject* parent)
    : QObject(parent),
      session_(session),
      platform_(platform),
      registration_(registration),
      family_(family) {
    connect(&session_, &core::SessionController::patientLeft, this, &IdentityResolver::forgetEntry);
    registration_.setConcluded(
        [this](const Result<Patient>& patient, const std::optional<CallFailure>& failure) {
            conclude(patient, failure, "registration");
        });
}

IdentityResolver* IdentityResolver::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<IdentityResolver>(qmlEngine, kQmlName);
}

void IdentityResolver::forgetEntry() {
    if (entry_ == Entry::None && manualError_.isEmpty()) return;
    entry_ = Entry::None;
    manualError_ = {};
    emit changed();
}

void IdentityResolver::beginEntry(Entry entry, const QString& step) {
    if (session_.currentState() != core::SessionState::Identifying || registration_.active() ||
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
    if (!isDigits(digits, 8)) {
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

void IdentityResolver::resolve(const devices::CardHolder& holder) {
    // While a patient adds a family member, the card placed is that member's.
    if (family_ != nullptr && family_->adding()) {
        family_->addFromCard(holder);
        return;
    }
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
                session_.setReadingCard(false);
                registration_.begin(holder);
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
    if (family_ != nullptr) {
        family_->offer(*patient);
        return;
    }
    session_.identified(maskedName, QString::fromStdString(patient->id));
}

}  // namespace lobby::journeys
