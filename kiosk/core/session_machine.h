#pragma once
// The kiosk's session flow as an explicit state machine. Every allowed move is one row of the
// transition table in session_machine.cpp; an event with no row is refused and logged, so a
// stray tap or a late device event can never push the flow somewhere unplanned.

#include <QObject>
#include <QString>

namespace lobby::core {

enum class SessionState {
    Idle,         // attract screen, no patient
    Identifying,  // waiting for / reading an identity
    Menu,         // patient identified, choosing a function
    PickUp,       // 预约取号
    Book,         // 预约挂号: a later day's slot, paid now, picked up on the day
    Register,     // 当日挂号: today's slot, paid and checked in at once
    Cancel,       // 退号 / 退费
    MyBookings,   // 挂号查询
    Move,         // 改约: a paid booking whose doctor stopped the session, to another slice
    Bills,        // 门诊缴费: the visit's bills, with the medical insurance's part
    Reports,      // 报告打印: lab and imaging reports on the A4 printer
    Invoices,     // 发票打印: medical e-invoices on the A4 printer, or kept by QR
    Done,         // journey finished, result shown
    Error,        // something failed; the message says what to do
    Farewell,     // "please take your card and your slip", then Idle
    Maintenance,  // a technician's menu (hidden gesture + PIN); no patient data
};

enum class SessionEvent {
    Start,              // the patient touched the attract screen
    IdentityPresented,  // a card was placed / inserted / scanned
    IdentifySucceeded,
    IdentifyFailed,
    ChoosePickUp,
    ChooseBook,
    ChooseRegister,
    ChooseCancel,
    ChooseMyBookings,
    ChooseMove,     // 改约 from a stopped booking (pick-up, my bookings)
    ChoosePatient,  // 就诊人: the identified patient acts for a family member (or adds one)
    ChooseBills,
    ChooseReports,
    ChooseInvoices,
    JourneySucceeded,
    JourneyFailed,
    Back,
    Finish,  // the patient ends the session
    IdleTimeout,
    CardRemoved,
    Acknowledge,  // the patient read a Done / Error screen
    FarewellElapsed,
    OpenMaintenance,  // the hidden gesture on the attract screen
};

QString stateName(SessionState state);  // "idle", "identifying", ...
QString eventName(SessionEvent event);

// True in every state where a patient's data may be on screen or in memory.
bool isPatientPresent(SessionState state);
// True while someone (a patient or a technician) is at the kiosk: the idle timeout runs.
bool isAttended(SessionState state);

class SessionMachine : public QObject {
    Q_OBJECT
public:
    explicit SessionMachine(QObject* parent = nullptr);

    SessionState state() const { return state_; }

    // Applies the event; returns false (and changes nothing) when the table has no row for it.
    bool handle(SessionEvent event);

signals:
    void stateChanged(lobby::core::SessionState from, lobby::core::SessionState to);
    // Emitted on every move from a patient-present state to Farewell or Idle: every holder of
    // personal data clears it here.
    void sessionEnded();

private:
    SessionState state_ = SessionState::Idle;
};

}  // namespace lobby::core
