#pragma once
// 预约挂号 (session state Book) and 当日挂号 (Register): department (filterable by pinyin
// initials) → doctor (title, specialty, fee, next availability) → date and time slice with
// remaining slots → confirm → pay (a QR code with a countdown, or insurance settled at once).
// A booking for a later day ends with the voucher printed; a registration for today is checked
// in at once and ends with the 挂号单 and its queue number (one journalled transaction: hold →
// pay → check in → slip). Which days are offered, and which of today's slices, is the
// platform's to say (GET /v1/rules, each slice's `bookable`). Exposed to QML as `Booking`.
//
// The steps form their own small state machine: each invokable moves only from the step it
// belongs to, so a late tap or a late reply cannot move the flow somewhere unplanned.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QVariantList>
#include <optional>
#include <vector>

#include "journeys/journey_flow.h"
#include "journeys/payment_session.h"

class QQmlEngine;
class QJSEngine;

namespace lobby::services {
struct CallFailure;
}  // namespace lobby::services

namespace lobby::journeys {

struct BookingPolicy {
    int paymentWindow_s = 180;  // how long a QR code waits for the patient to pay
    int paymentPollInterval_ms = 2000;
    QStringList paymentMethods{"wechat", "alipay", "unionpay", "insurance"};
};

class BookingFlow : public JourneyFlow {
    Q_OBJECT
    QML_NAMED_ELEMENT(Booking)
    QML_SINGLETON
    Q_PROPERTY(QString step READ step NOTIFY changed)
    Q_PROPERTY(QString filter READ filter NOTIFY changed)
    Q_PROPERTY(QStringList initials READ initials NOTIFY changed)
    Q_PROPERTY(QVariantList departments READ departments NOTIFY changed)
    // The same, grouped as a patient looks for them: [{category, departments: [...]}], in the
    // platform's order of first appearance; "other" last for those without a category.
    Q_PROPERTY(QVariantList departmentGroups READ departmentGroups NOTIFY changed)
    // 号别: the named doctors (专家号, fee by title), and the department's own general clinic
    // (普通号, no named doctor), each [{id, name, title, specialty, fee, photo, next, available}].
    Q_PROPERTY(QVariantList doctors READ doctors NOTIFY changed)
    Q_PROPERTY(QVariantList generalClinics READ generalClinics NOTIFY changed)
    // The chosen doctor's days with a free slice ({date, label, count}), the day shown, and that
    // day's morning and afternoon ({label, slices: [{id, time, remaining}]}).
    Q_PROPERTY(QVariantList days READ days NOTIFY changed)
    Q_PROPERTY(QString day READ day NOTIFY changed)
    Q_PROPERTY(QVariantList periods READ periods NOTIFY changed)
    // What the patient chose so far, shown on every later step: {department, doctor, fee}.
    Q_PROPERTY(QVariantMap chosen READ chosen NOTIFY changed)
    Q_PROPERTY(QVariantMap summary READ summary NOTIFY changed)
    Q_PROPERTY(QStringList paymentMethods READ paymentMethods NOTIFY changed)
    Q_PROPERTY(QString qrPayload READ qrPayload NOTIFY changed)
    Q_PROPERTY(int paymentRemaining READ paymentRemaining NOTIFY paymentTick)
    // 当日挂号 rather than a later day; and until when today's registration is open, in the
    // hospital's times ("Morning until 11:00, afternoon until 16:30"), empty for a later day.
    Q_PROPERTY(bool sameDay READ sameDay NOTIFY changed)
    Q_PROPERTY(QString hours READ hours NOTIFY changed)
    // 号别 and their fees, before the patient chooses a department.
    Q_PROPERTY(QString fees READ fees NOTIFY changed)

public:
    enum class Step { Departments, Doctors, Slots, Confirm, Paying };

    BookingFlow(core::SessionController& session, services::PlatformService* platform,
                SlipDesk& slips, journal::TransactionJournal* journal, BookingPolicy policy,
                QObject* parent = nullptr);
    static BookingFlow* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "booking";

    QString step() const { return stepName(step_); }
    static QString stepName(Step step);
    QString filter() const { return filter_; }
    QStringList initials() const;
    QVariantList departments() const;
    QVariantList departmentGroups() const;
    QVariantList doctors() const;
    QVariantList generalClinics() const;
    QVariantList days() const;
    QString day() const { return QString::fromStdString(day_); }
    QVariantList periods() const;
    QVariantMap chosen() const;
    QVariantMap summary() const;
    QStringList paymentMethods() const { return policy_.paymentMethods; }
    // The scene's payment methods; applied between sessions.
    void setPaymentMethods(const QStringList& methods);
    QString qrPayload() const { return QString::fromStdString(payments_.payment().qrPayload); }
    int paymentRemaining() const { return payments_.remaining_s(); }
    bool sameDay() const { return sameDay_; }
    QString hours() const;
    QString fees() const;

    Q_INVOKABLE void setFilter(const QString& initials);
    Q_INVOKABLE void chooseDepartment(const QString& id);
    Q_INVOKABLE void chooseDoctor(const QString& id);
    Q_INVOKABLE void chooseDay(const QString& date);
    Q_INVOKABLE void chooseSlice(const QString& id);
    Q_INVOKABLE void pay(const QString& method);
    Q_INVOKABLE void cancelPayment();
    // One step back; from the first step, back to the menu.
    Q_INVOKABLE void stepBack();

signals:
    void paymentTick();

private:
    struct DoctorOffer {
        platform::Doctor doctor;
        std::vector<platform::Session> sessions;  // the coming days, with their slices
    };
    void start();
    void clear() override;
    void moveTo(Step step);
    void fail(const services::CallFailure& failure);
    void loadOffers(std::vector<platform::Doctor> doctors);
    void startPayment(const std::string& bookingId, const std::string& method);
    void releaseHold();
    void printVoucher();
    void checkInRegistration();
    const DoctorOffer* chosenOffer() const;
    QVariantList offerViews(platform::ClinicType type) const;

    BookingPolicy policy_;

    Step step_ = Step::Departments;
    bool sameDay_ = false;
    platform::BookingRules rules_;
    QString filter_;
    std::vector<platform::Department> departments_;
    std::string departmentId_;
    std::vector<DoctorOffer> offers_;
    std::string doctorId_;
    std::string day_;
    std::string sliceId_;
    std::string bookingKey_;  // one per chosen slice: a retried booking is the same booking
    std::optional<platform::Booking> booking_;
    std::int64_t tx_ = 0;  // this booking's journal transaction (0: none open)
    PaymentSession payments_;
};

}  // namespace lobby::journeys
