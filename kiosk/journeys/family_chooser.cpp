#include "journeys/family_chooser.h"

#include <QDate>
#include <QUuid>

#include "common/id_number.h"
#include "core/qml_exposure.h"
#include "journeys/name_entry.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Dependant;
using platform::Patient;
using platform::PlatformClient;
using platform::Relation;
using services::CallFailure;

namespace {
const char* const kRelationFirst = QT_TRANSLATE_NOOP(
    "FamilyChooser",
    "First choose how this family member is related to you, then place their card.");

const char* const kNumberInvalid = QT_TRANSLATE_NOOP(
    "FamilyChooser",
    "This ID number is not valid. Please check it against the household register and type it "
    "again.");
const char* const kOldEnoughForCard = QT_TRANSLATE_NOOP(
    "FamilyChooser",
    "From 16 a child has an ID card of their own: please place it on the reader instead.");

const char* relationWords(Relation relation) {
    switch (relation) {
        case Relation::Child:
            return QT_TRANSLATE_NOOP("FamilyChooser", "Child");
        case Relation::Parent:
            return QT_TRANSLATE_NOOP("FamilyChooser", "Parent");
        case Relation::Spouse:
            return QT_TRANSLATE_NOOP("FamilyChooser", "Spouse");
        case Relation::Other:
            return QT_TRANSLATE_NOOP("FamilyChooser", "Other family member");
    }
    return "";
}

std::optional<Relation> relationNamed(const QString& name) {
    if (name == QLatin1String("child")) return Relation::Child;
    if (name == QLatin1String("parent")) return Relation::Parent;
    if (name == QLatin1String("spouse")) return Relation::Spouse;
    if (name == QLatin1String("other")) return Relation::Other;
    return std::nullopt;
}
}  // namespace

FamilyChooser::FamilyChooser(core::SessionController& session, services::PlatformService* platform,
                             NameEntry* names, QObject* parent)
    : QObject(parent), session_(session), platform_(platform), names_(names) {
    connect(&session_, &core::SessionController::patientLeft, this, &FamilyChooser::forget);
}

FamilyChooser* FamilyChooser::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<FamilyChooser>(qmlEngine, kQmlName);
}

QString FamilyChooser::stepName() const {
    switch (step_) {
        case Step::None:
            return {};
        case Step::Who:
            return QStringLiteral("who");
        case Step::Add:
            return QStringLiteral("add");
        case Step::ChildNumber:
            return QStringLiteral("child-number");
        case Step::ChildName:
            return QStringLiteral("child-name");
    }
    return {};
}

QString FamilyChooser::childBirthDate() const {
    const auto born = birthDateOf(childNumber_.toStdString());
    return born ? QString::fromStdString(born->iso()) : QString();
}

QString FamilyChooser::childSex() const {
    if (childNumber_.size() != 18) return {};
    return recordsSex(childNumber_.toStdString(), true)
               ? QCoreApplication::translate("FamilyChooser", "Male")
               : QCoreApplication::translate("FamilyChooser", "Female");
}

QVariantList FamilyChooser::members() const {
    QVariantList list;
    for (const Dependant& member : members_) {
        list << QVariantMap{{"id", QString::fromStdString(member.id)},
                            {"name", QString::fromStdString(member.maskedName)},
                            {"relation", QCoreApplication::translate(
                                             "FamilyChooser", relationWords(member.relation))}};
    }
    return list;
}

bool FamilyChooser::offered() const {
    return guardian_.has_value() && !actingForMember_ && step_ == Step::None &&
           session_.currentState() == core::SessionState::Menu;
}

void FamilyChooser::goTo(Step step) {
    step_ = step;
    error_ = {};
    static const char* const kScreenSteps[] = {"", "who", "add-family", "add-child",
                                               "add-child-name"};
    session_.setScreenStep(QString::fromLatin1(kScreenSteps[static_cast<int>(step)]));
    emit changed();
}

void FamilyChooser::forget() {
    const bool had = guardian_.has_value() || step_ != Step::None;
    guardian_.reset();
    members_.clear();
    actingForMember_ = false;
    step_ = Step::None;
    relation_.clear();
    childNumber_.clear();
    error_ = {};
    busy_ = false;
    if (had) emit changed();
}

void FamilyChooser::identifyAs(const QString& maskedName, const std::string& patientId) {
    step_ = Step::None;
    relation_.clear();
    error_ = {};
    busy_ = false;
    session_.identified(maskedName, QString::fromStdString(patientId));
    emit changed();
}

void FamilyChooser::offer(const Patient& patient) {
    guardian_ = patient;
    members_.clear();
    actingForMember_ = false;
    if (platform_ == nullptr) {
        identifyAs(QString::fromStdString(patient.maskedName), patient.id);
        return;
    }
    busy_ = true;
    emit changed();
    platform_->call<std::vector<Dependant>>(
        [id = patient.id](PlatformClient& client) { return client.dependants(id); },
        [this](Result<std::vector<Dependant>> found, std::optional<CallFailure> failure) {
            busy_ = false;
            if (!guardian_) return;
            if (!found) {
                // The family is a convenience: without it the patient still serves themself.
                qCWarning(lcJourney).noquote()
                    << "family members not looked up:" << failure->error.code.c_str();
            } else {
                members_ = std::move(found.value());
            }
            if (members_.empty()) {
                identifyAs(QString::fromStdString(guardian_->maskedName), guardian_->id);
                return;
            }
            qCInfo(lcJourney) << "asking whom the session is for:" << members_.size()
                              << "family members";
            session_.setReadingCard(false);
            goTo(Step::Who);
        });
}

void FamilyChooser::chooseSelf() {
    if (step_ != Step::Who || busy_ || !guardian_) return;
    identifyAs(QString::fromStdString(guardian_->maskedName), guardian_->id);
}

void FamilyChooser::choose(const QString& memberId) {
    if (step_ == Step::None || busy_ || !guardian_ || platform_ == nullptr) return;
    const auto member = std::find_if(members_.begin(), members_.end(), [&](const Dependant& d) {
        return d.id == memberId.toStdString();
    });
    if (member == members_.end()) return;
    busy_ = true;
    emit changed();
    platform_->call<Patient>(
        [guardian = guardian_->id, id = member->id](PlatformClient& client) {
            return client.actFor(guardian, id);
        },
        [this](Result<Patient> patient, std::optional<CallFailure> failure) {
            busy_ = false;
            if (!patient) {
                qCWarning(lcJourney).noquote()
                    << "cannot act for a family member:" << failure->error.code.c_str();
                step_ = Step::None;
                session_.identificationFailed(failure->message);
                emit changed();
                return;
            }
            qCInfo(lcJourney).noquote()
                << "acting for a family member:" << patient->maskedName.c_str();
            actingForMember_ = true;
            identifyAs(QString::fromStdString(patient->maskedName), patient->id);
        });
}

void FamilyChooser::beginAdd() {
    if (step_ != Step::Who || busy_ || !canAdd()) return;
    relation_.clear();
    goTo(Step::Add);
}

void FamilyChooser::chooseRelation(const QString& relation) {
    if (step_ != Step::Add || busy_ || !relationNamed(relation)) return;
    relation_ = relation;
    error_ = {};
    emit changed();
}

void FamilyChooser::cancelAdd() {
    if (busy_) return;
    switch (step_) {
        case Step::Add:
            relation_.clear();
            goTo(Step::Who);
            return;
        case Step::ChildNumber:
            childNumber_.clear();
            goTo(Step::Add);
            return;
        case Step::ChildName:
            goTo(Step::ChildNumber);
            return;
        case Step::None:
        case Step::Who:
            return;
    }
}

void FamilyChooser::beginChildWithoutCard() {
    if (step_ != Step::Add || busy_ || names_ == nullptr || !names_->available()) return;
    relation_ = QStringLiteral("child");
    childNumber_.clear();
    session_.setReadingCard(false);
    goTo(Step::ChildNumber);
}

void FamilyChooser::submitChildNumber(const QString& idNumber) {
    if (step_ != Step::ChildNumber || busy_) return;
    const std::string number = idNumber.toStdString();
    const QDate today = QDate::currentDate();
    const auto age = ageOn(number, today.year(), today.month(), today.day());
    if (!hasValidCheckDigit(number) || !age) {
        error_ = {"FamilyChooser", kNumberInvalid};
        emit changed();
        return;
    }
    if (*age >= kIdCardAge) {
        error_ = {"FamilyChooser", kOldEnoughForCard};
        emit changed();
        return;
    }
    childNumber_ = idNumber;
    if (names_ != nullptr) names_->clear();
    goTo(Step::ChildName);
}

void FamilyChooser::addChild() {
    if (step_ != Step::ChildName || busy_ || names_ == nullptr) return;
    const QString name = names_->chosenName();
    if (name.isEmpty()) return;
    add({childNumber_.toStdString(), name.toStdString(), Relation::Child,
         platform::IdentityProof::HouseholdRegister});
}

void FamilyChooser::switchPatient() {
    if (!offered()) return;
    session_.choosePatient();
    if (session_.currentState() != core::SessionState::Identifying) return;
    goTo(Step::Who);
}

void FamilyChooser::addFromCard(const devices::CardHolder& holder) {
    session_.setReadingCard(false);
    if (step_ != Step::Add || busy_ || !guardian_ || platform_ == nullptr) return;
    const auto relation = relationNamed(relation_);
    if (!relation) {
        error_ = {"FamilyChooser", kRelationFirst};
        emit changed();
        return;
    }
    qCInfo(lcJourney).noquote() << "adding a family member:" << holder.maskedName;
    add({holder.idNumber.toStdString(), holder.fullName.toStdString(), *relation,
         platform::IdentityProof::IdCard});
}

void FamilyChooser::add(const platform::NewDependant& member) {
    if (!guardian_ || platform_ == nullptr) return;
    busy_ = true;
    error_ = {};
    emit changed();
    const std::string key = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    platform_->call<Dependant>(
        [guardian = guardian_->id, member, key](PlatformClient& client) {
            return client.addDependant(guardian, member, key);
        },
        [this](Result<Dependant> added, std::optional<CallFailure> failure) {
            busy_ = false;
            if (!added) {
                qCInfo(lcJourney) << "family member not added:" << failure->error.code.c_str();
                error_ = failure->message;
                emit changed();
                return;
            }
            const auto known = std::find_if(members_.begin(), members_.end(),
                                            [&](const Dependant& d) { return d.id == added->id; });
            if (known == members_.end()) members_.push_back(*added);
            // Added to act for them: straight on as them.
            choose(QString::fromStdString(added->id));
        });
}

}  // namespace lobby::journeys
