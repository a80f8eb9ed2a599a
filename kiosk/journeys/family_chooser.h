#pragma once
// 就诊人: whom the session serves. Once a patient is identified, their family members are looked
// up; with none, the patient goes straight on (no extra tap); with some, "who is this for?" —
// themself or a member. From the menu, the patient can come back to choose, or add a member by
// placing that person's own ID card after saying how they are related. Acting for a member, the
// kiosk carries the member's session: every screen, booking and slip is theirs, masked.
// A child under 16 without an ID card is added from the 户口簿: their ID number typed from its
// page, their name typed by pinyin (NameEntry); sex and birth date are the number's own.
// The platform's real-name rules decide who may be added. Exposed to QML as `Family`; the
// screen's steps are identify-who, identify-add-family, identify-add-child and
// identify-add-child-name.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QVariantList>
#include <optional>
#include <vector>

#include "core/session_controller.h"
#include "core/translatable_text.h"
#include "devices/card_holder.h"
#include "platform/platform_client.h"

namespace lobby::services {
class PlatformService;
}  // namespace lobby::services

namespace lobby::journeys {

class NameEntry;

class FamilyChooser : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Family)
    QML_SINGLETON
    Q_PROPERTY(QString step READ stepName NOTIFY changed)
    Q_PROPERTY(QString selfName READ selfName NOTIFY changed)
    // [{id, name (masked), relation (in the current language)}]
    Q_PROPERTY(QVariantList members READ members NOTIFY changed)
    Q_PROPERTY(QString relation READ relation NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(bool canAdd READ canAdd NOTIFY changed)
    // The child being added without a card, from their ID number: "2016-05-20" and "男" / "女".
    Q_PROPERTY(QString childBirthDate READ childBirthDate NOTIFY changed)
    Q_PROPERTY(QString childSex READ childSex NOTIFY changed)
    // The menu's "for a family member": the patient is serving themself with a full session.
    Q_PROPERTY(bool offered READ offered NOTIFY changed)
public:
    static constexpr int kMaxMembers = 5;
    // From 16 a resident has an ID card of their own (居民身份证法 §5).
    static constexpr int kIdCardAge = 16;

    FamilyChooser(core::SessionController& session, services::PlatformService* platform,
                  NameEntry* names = nullptr, QObject* parent = nullptr);
    static FamilyChooser* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "family";

    // The patient was identified (a full session): look up their members, then go on.
    void offer(const platform::Patient& patient);
    // A card read while adding a member is that member's.
    bool adding() const { return step_ == Step::Add; }
    void addFromCard(const devices::CardHolder& holder);

    QString stepName() const;
    QString selfName() const {
        return guardian_ ? QString::fromStdString(guardian_->maskedName) : QString();
    }
    QVariantList members() const;
    QString relation() const { return relation_; }
    QString error() const { return error_.translated(); }
    bool busy() const { return busy_; }
    bool canAdd() const { return members_.size() < kMaxMembers; }
    bool offered() const;
    QString childBirthDate() const;
    QString childSex() const;

    Q_INVOKABLE void chooseSelf();
    Q_INVOKABLE void choose(const QString& memberId);
    Q_INVOKABLE void beginAdd();
    // "child", "parent", "spouse" or "other": what the member is to the patient.
    Q_INVOKABLE void chooseRelation(const QString& relation);
    // Back one step: from the child's name to their number, from there to the card, from the
    // card to "who is this for?".
    Q_INVOKABLE void cancelAdd();
    // A child without an ID card: their number from the household register, then their name.
    Q_INVOKABLE void beginChildWithoutCard();
    Q_INVOKABLE void submitChildNumber(const QString& idNumber);
    Q_INVOKABLE void addChild();
    // From the menu: choose again whom this session serves.
    Q_INVOKABLE void switchPatient();

signals:
    void changed();

private:
    enum class Step { None, Who, Add, ChildNumber, ChildName };
    void goTo(Step step);
    void forget();
    void identifyAs(const QString& maskedName, const std::string& patientId);
    void add(const platform::NewDependant& member);

    core::SessionController& session_;
    services::PlatformService* platform_;
    NameEntry* names_;
    QString childNumber_;
    std::optional<platform::Patient> guardian_;
    std::vector<platform::Dependant> members_;
    bool actingForMember_ = false;
    Step step_ = Step::None;
    QString relation_;
    core::TranslatableText error_;
    bool busy_ = false;
};

}  // namespace lobby::journeys
