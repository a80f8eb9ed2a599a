#include "journeys/family_chooser.h"

#include <QUuid>

#include "core/qml_exposure.h"
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
                             QObject* parent)
    : QObject(parent), session_(session), platform_(platform) {
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
    }
    return {};
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
    static const char* const kScreenSteps[] = {"", "who", "add-family"};
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
    if ((step_ != Step::Who && step_ != Step::Add) || busy_ || !guardian_ || platform_ == nullptr)
        return;
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
    if (step_ != Step::Add || busy_) return;
    relation_.clear();
    goTo(Step::Who);
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
    busy_ = true;
    error_ = {};
    emit changed();
    qCInfo(lcJourney).noquote() << "adding a family member:" << holder.maskedName;
    const std::string key = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    platform_->call<Dependant>(
        [guardian = guardian_->id, idNumber = holder.idNumber.toStdString(),
         name = holder.fullName.toStdString(), relation = *relation, key](PlatformClient& client) {
            return client.addDependant(guardian, idNumber, name, relation, key);
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
