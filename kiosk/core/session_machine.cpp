#include "core/session_machine.h"

#include <array>
#include <optional>

#include "logging/categories.h"

namespace lobby::core {
namespace {

using S = SessionState;
using E = SessionEvent;

struct Transition {
    S from;
    E event;
    S to;
};

// Rows for events that end a session from any patient-present state are generated below.
constexpr std::array kTransitions = {
    Transition{S::Idle, E::Start, S::Identifying},
    Transition{S::Idle, E::IdentityPresented, S::Identifying},
    Transition{S::Identifying, E::IdentityPresented, S::Identifying},
    Transition{S::Identifying, E::IdentifySucceeded, S::Menu},
    Transition{S::Identifying, E::IdentifyFailed, S::Error},
    // A booking's voucher (预约单) or code identifies for that booking: straight to its pick-up.
    Transition{S::Identifying, E::ChoosePickUp, S::PickUp},
    Transition{S::Identifying, E::Back, S::Idle},
    Transition{S::Menu, E::ChoosePickUp, S::PickUp},
    Transition{S::Menu, E::ChooseBook, S::Book},
    Transition{S::Menu, E::ChooseRegister, S::Register},
    Transition{S::Menu, E::ChooseCancel, S::Cancel},
    Transition{S::Menu, E::ChooseMyBookings, S::MyBookings},
    Transition{S::Menu, E::ChooseBills, S::Bills},
    Transition{S::Menu, E::ChooseReports, S::Reports},
    Transition{S::Menu, E::ChooseInvoices, S::Invoices},
    // A stop-service notice on the menu: straight on to another slot (the refund is ChooseCancel).
    Transition{S::Menu, E::ChooseMove, S::Move},
    Transition{S::Menu, E::ChoosePatient, S::Identifying},
    Transition{S::PickUp, E::JourneySucceeded, S::Done},
    Transition{S::PickUp, E::JourneyFailed, S::Error},
    Transition{S::PickUp, E::Back, S::Menu},
    // Stop-service (停诊) found at pick-up: straight on to another slot, or to the refund.
    Transition{S::PickUp, E::ChooseBook, S::Book},
    Transition{S::PickUp, E::ChooseCancel, S::Cancel},
    Transition{S::PickUp, E::ChooseMove, S::Move},
    Transition{S::MyBookings, E::ChooseMove, S::Move},
    Transition{S::MyBookings, E::ChooseCancel, S::Cancel},
    Transition{S::Move, E::JourneySucceeded, S::Done},
    Transition{S::Move, E::JourneyFailed, S::Error},
    Transition{S::Move, E::Back, S::Menu},
    Transition{S::Book, E::JourneySucceeded, S::Done},
    Transition{S::Book, E::JourneyFailed, S::Error},
    Transition{S::Book, E::Back, S::Menu},
    Transition{S::Register, E::JourneySucceeded, S::Done},
    Transition{S::Register, E::JourneyFailed, S::Error},
    Transition{S::Register, E::Back, S::Menu},
    Transition{S::Bills, E::JourneySucceeded, S::Done},
    Transition{S::Bills, E::JourneyFailed, S::Error},
    Transition{S::Bills, E::Back, S::Menu},
    Transition{S::Reports, E::JourneySucceeded, S::Done},
    Transition{S::Reports, E::JourneyFailed, S::Error},
    Transition{S::Reports, E::Back, S::Menu},
    Transition{S::Invoices, E::JourneySucceeded, S::Done},
    Transition{S::Invoices, E::JourneyFailed, S::Error},
    Transition{S::Invoices, E::Back, S::Menu},
    Transition{S::Cancel, E::JourneySucceeded, S::Done},
    Transition{S::Cancel, E::JourneyFailed, S::Error},
    Transition{S::Cancel, E::Back, S::Menu},
    Transition{S::MyBookings, E::Back, S::Menu},
    Transition{S::Done, E::Back, S::Menu},
    Transition{S::Done, E::Acknowledge, S::Farewell},
    Transition{S::Error, E::Acknowledge, S::Farewell},
    // No dead ends: from an error, an identified patient goes back to the menu; one not yet
    // identified (an expired card, a card the platform does not know) tries another way.
    Transition{S::Error, E::Back, S::Menu},
    Transition{S::Error, E::Start, S::Identifying},
    Transition{S::Farewell, E::FarewellElapsed, S::Idle},
    Transition{S::Farewell, E::Start, S::Idle},
    // The next patient in the queue need not wait out the farewell: their card or code starts
    // their session at once (the previous patient's data went when the farewell began).
    Transition{S::Farewell, E::IdentityPresented, S::Identifying},
    Transition{S::Idle, E::OpenMaintenance, S::Maintenance},
    Transition{S::Maintenance, E::Back, S::Idle},
    Transition{S::Maintenance, E::IdleTimeout, S::Idle},
};

// From any state where a patient is present, these end the session.
constexpr std::array kSessionEndingEvents = {E::Finish, E::IdleTimeout, E::CardRemoved};

std::optional<S> nextState(S from, E event) {
    for (const auto& row : kTransitions) {
        if (row.from == from && row.event == event) return row.to;
    }
    if (isPatientPresent(from)) {
        for (const auto ending : kSessionEndingEvents) {
            if (ending == event) return S::Farewell;
        }
    }
    return std::nullopt;
}

}  // namespace

QString stateName(SessionState state) {
    switch (state) {
        case S::Idle:
            return QStringLiteral("idle");
        case S::Identifying:
            return QStringLiteral("identifying");
        case S::Menu:
            return QStringLiteral("menu");
        case S::PickUp:
            return QStringLiteral("pickup");
        case S::Book:
            return QStringLiteral("book");
        case S::Register:
            return QStringLiteral("register");
        case S::Cancel:
            return QStringLiteral("cancel");
        case S::MyBookings:
            return QStringLiteral("my_bookings");
        case S::Move:
            return QStringLiteral("move");
        case S::Bills:
            return QStringLiteral("bills");
        case S::Reports:
            return QStringLiteral("reports");
        case S::Invoices:
            return QStringLiteral("invoices");
        case S::Done:
            return QStringLiteral("done");
        case S::Error:
            return QStringLiteral("error");
        case S::Farewell:
            return QStringLiteral("farewell");
        case S::Maintenance:
            return QStringLiteral("maintenance");
    }
    return QStringLiteral("unknown");
}

QString eventName(SessionEvent event) {
    switch (event) {
        case E::Start:
            return QStringLiteral("start");
        case E::IdentityPresented:
            return QStringLiteral("identity_presented");
        case E::IdentifySucceeded:
            return QStringLiteral("identify_succeeded");
        case E::IdentifyFailed:
            return QStringLiteral("identify_failed");
        case E::ChoosePickUp:
            return QStringLiteral("choose_pickup");
        case E::ChooseBook:
            return QStringLiteral("choose_book");
        case E::ChooseRegister:
            return QStringLiteral("choose_register");
        case E::ChooseCancel:
            return QStringLiteral("choose_cancel");
        case E::ChooseMyBookings:
            return QStringLiteral("choose_my_bookings");
        case E::ChooseMove:
            return QStringLiteral("choose_move");
        case E::ChoosePatient:
            return QStringLiteral("choose_patient");
        case E::ChooseBills:
            return QStringLiteral("choose_bills");
        case E::ChooseReports:
            return QStringLiteral("choose_reports");
        case E::ChooseInvoices:
            return QStringLiteral("choose_invoices");
        case E::JourneySucceeded:
            return QStringLiteral("journey_succeeded");
        case E::JourneyFailed:
            return QStringLiteral("journey_failed");
        case E::Back:
            return QStringLiteral("back");
        case E::Finish:
            return QStringLiteral("finish");
        case E::IdleTimeout:
            return QStringLiteral("idle_timeout");
        case E::CardRemoved:
            return QStringLiteral("card_removed");
        case E::Acknowledge:
            return QStringLiteral("acknowledge");
        case E::FarewellElapsed:
            return QStringLiteral("farewell_elapsed");
        case E::OpenMaintenance:
            return QStringLiteral("open_maintenance");
    }
    return QStringLiteral("unknown");
}

bool isPatientPresent(SessionState state) {
    return state != S::Idle && state != S::Farewell && state != S::Maintenance;
}

bool isAttended(SessionState state) {
    return isPatientPresent(state) || state == S::Maintenance;
}

SessionMachine::SessionMachine(QObject* parent) : QObject(parent) {}

bool SessionMachine::handle(SessionEvent event) {
    const auto next = nextState(state_, event);
    if (!next) {
        qCDebug(lcSession) << "ignored" << eventName(event) << "in" << stateName(state_);
        return false;
    }
    const S from = state_;
    state_ = *next;
    qCInfo(lcSession).noquote() << stateName(from) << "--" << eventName(event) << "->"
                                << stateName(state_);
    if (from != state_) emit stateChanged(from, state_);
    if (isPatientPresent(from) && !isPatientPresent(state_)) emit sessionEnded();
    return true;
}

}  // namespace lobby::core
