#pragma once
// 改约: a paid booking whose doctor stopped the session (停诊) moves to another time with a doctor
// of the same department and fee, in one platform operation that keeps the payment with it:
// nothing is charged and nothing waits for a refund. The platform says where it may go
// (alternatives); the patient picks a day (tabs with weekdays), a time, confirms; the new
// voucher is printed. Exposed to QML as `Move`; entered from a stopped booking on the pick-up
// or my-bookings list with `Move.begin(bookingId)`.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QVariantList>
#include <optional>
#include <vector>

#include "journeys/journey_flow.h"

class QQmlEngine;
class QJSEngine;

namespace lobby::journeys {

class MoveFlow : public JourneyFlow {
    Q_OBJECT
    QML_NAMED_ELEMENT(Move)
    QML_SINGLETON
    // "" while loading, "slots", "confirm".
    Q_PROPERTY(QString step READ step NOTIFY changed)
    Q_PROPERTY(QVariantMap booking READ booking NOTIFY changed)
    Q_PROPERTY(QVariantList days READ days NOTIFY changed)
    Q_PROPERTY(QString day READ day NOTIFY changed)
    Q_PROPERTY(QVariantList offers READ offers NOTIFY changed)
    Q_PROPERTY(QVariantMap summary READ summary NOTIFY changed)

public:
    MoveFlow(core::SessionController& session, services::PlatformService* platform, SlipDesk& slips,
             journal::TransactionJournal* journal, QObject* parent = nullptr);
    static MoveFlow* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "move";

    QString step() const { return step_; }
    // The stopped booking (bookingView()).
    QVariantMap booking() const;
    // {date, label ("明天", "周三 12月3日"), count (free slices)} for each day with a free slice.
    QVariantList days() const;
    QString day() const { return QString::fromStdString(day_); }
    // The chosen day's doctors: {name, title, fee, periods: [{label, slices: [{id, time,
    // remaining}]}]}.
    QVariantList offers() const;
    // {department, doctor, when, fee, was} of the slice chosen.
    QVariantMap summary() const;

    Q_INVOKABLE void begin(const QString& bookingId);
    Q_INVOKABLE void chooseDay(const QString& date);
    Q_INVOKABLE void chooseSlice(const QString& id);
    Q_INVOKABLE void confirm();
    // From confirming back to the times; from the times back to the menu.
    Q_INVOKABLE void stepBack();

private:
    void load();
    void clear() override;
    void moveTo(const QString& step);
    void printVoucher(std::int64_t tx, const platform::Booking& moved);
    struct Chosen {
        const platform::DoctorSchedule* offer = nullptr;
        const platform::Session* session = nullptr;
        const platform::Slice* slice = nullptr;
    };
    Chosen chosen() const;

    std::string bookingId_;  // asked for by begin(); the booking itself comes from the platform
    std::optional<platform::Booking> booking_;
    std::vector<platform::DoctorSchedule> alternatives_;
    std::string day_;
    std::string sliceId_;
    std::string key_;  // one per chosen slice: a retried move is the same move
    QString step_;
};

}  // namespace lobby::journeys
