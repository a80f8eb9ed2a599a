#include <gtest/gtest.h>

#include <QSignalSpy>

#include "core/session_machine.h"

using namespace lobby::core;
using S = SessionState;
using E = SessionEvent;

namespace {
void drive(SessionMachine& machine, std::initializer_list<E> events) {
    for (E event : events)
        EXPECT_TRUE(machine.handle(event)) << eventName(event).toStdString();
}
}  // namespace

TEST(SessionMachine, StartsIdle) {
    EXPECT_EQ(SessionMachine().state(), S::Idle);
}

TEST(SessionMachine, WalksTheHappyPath) {
    SessionMachine machine;
    EXPECT_TRUE(machine.handle(E::IdentityPresented));
    EXPECT_EQ(machine.state(), S::Identifying);
    EXPECT_TRUE(machine.handle(E::IdentifySucceeded));
    EXPECT_EQ(machine.state(), S::Menu);
    EXPECT_TRUE(machine.handle(E::ChoosePickUp));
    EXPECT_EQ(machine.state(), S::PickUp);
    EXPECT_TRUE(machine.handle(E::JourneySucceeded));
    EXPECT_EQ(machine.state(), S::Done);
    EXPECT_TRUE(machine.handle(E::Acknowledge));
    EXPECT_EQ(machine.state(), S::Farewell);
    EXPECT_TRUE(machine.handle(E::FarewellElapsed));
    EXPECT_EQ(machine.state(), S::Idle);
}

TEST(SessionMachine, RefusesEventsWithoutARowAndStaysPut) {
    SessionMachine machine;
    EXPECT_FALSE(machine.handle(E::IdentifySucceeded));  // nobody is identifying
    EXPECT_FALSE(machine.handle(E::ChooseBook));
    EXPECT_FALSE(machine.handle(E::IdleTimeout));  // nothing to time out on the attract screen
    EXPECT_EQ(machine.state(), S::Idle);

    SessionMachine menu;
    drive(menu, {E::Start, E::IdentifySucceeded});
    EXPECT_FALSE(menu.handle(E::JourneySucceeded));
    EXPECT_EQ(menu.state(), S::Menu);
}

TEST(SessionMachine, EveryPatientStateEndsOnTimeoutCardRemovalOrFinish) {
    const std::vector<std::vector<E>> paths = {
        {E::Start},
        {E::Start, E::IdentifySucceeded},
        {E::Start, E::IdentifySucceeded, E::ChoosePickUp},
        {E::Start, E::IdentifySucceeded, E::ChooseBook},
        {E::Start, E::IdentifySucceeded, E::ChooseCancel},
        {E::Start, E::IdentifySucceeded, E::ChooseMyBookings},
        {E::Start, E::IdentifySucceeded, E::ChooseBook, E::JourneySucceeded},
        {E::Start, E::IdentifyFailed},
    };
    for (const E ending : {E::IdleTimeout, E::CardRemoved, E::Finish}) {
        for (const auto& path : paths) {
            SessionMachine machine;
            for (E event : path)
                ASSERT_TRUE(machine.handle(event));
            ASSERT_TRUE(isPatientPresent(machine.state()));
            QSignalSpy ended(&machine, &SessionMachine::sessionEnded);
            EXPECT_TRUE(machine.handle(ending)) << stateName(machine.state()).toStdString();
            EXPECT_EQ(machine.state(), S::Farewell);
            EXPECT_EQ(ended.count(), 1);
        }
    }
}

TEST(SessionMachine, BackFromAJourneyReturnsToTheMenu) {
    SessionMachine machine;
    drive(machine, {E::Start, E::IdentifySucceeded, E::ChooseCancel});
    EXPECT_TRUE(machine.handle(E::Back));
    EXPECT_EQ(machine.state(), S::Menu);
}

TEST(SessionMachine, BackFromIdentifyingEndsTheSession) {
    SessionMachine machine;
    drive(machine, {E::Start});
    QSignalSpy ended(&machine, &SessionMachine::sessionEnded);
    EXPECT_TRUE(machine.handle(E::Back));
    EXPECT_EQ(machine.state(), S::Idle);
    EXPECT_EQ(ended.count(), 1);
}

TEST(SessionMachine, ReportsEachMoveOnce) {
    SessionMachine machine;
    QSignalSpy moved(&machine, &SessionMachine::stateChanged);
    machine.handle(E::Start);
    machine.handle(E::IdentityPresented);  // a card placed while identifying: no new state
    EXPECT_EQ(moved.count(), 1);
}

TEST(SessionMachine, StopServiceAtPickUpLeadsToRebookingMovingOrRefund) {
    for (const auto& [event, to] : {std::pair{SessionEvent::ChooseBook, SessionState::Book},
                                    std::pair{SessionEvent::ChooseCancel, SessionState::Cancel},
                                    std::pair{SessionEvent::ChooseMove, SessionState::Move}}) {
        SessionMachine machine;
        machine.handle(SessionEvent::Start);
        machine.handle(SessionEvent::IdentifySucceeded);
        machine.handle(SessionEvent::ChoosePickUp);
        ASSERT_EQ(machine.state(), SessionState::PickUp);
        EXPECT_TRUE(machine.handle(event));
        EXPECT_EQ(machine.state(), to);
    }
    SessionMachine machine;  // my bookings shows stopped bookings too: moved or refunded...
    machine.handle(SessionEvent::Start);
    machine.handle(SessionEvent::IdentifySucceeded);
    machine.handle(SessionEvent::ChooseMyBookings);
    EXPECT_FALSE(machine.handle(SessionEvent::ChooseBook));
    EXPECT_TRUE(machine.handle(SessionEvent::ChooseMove));
    EXPECT_EQ(machine.state(), SessionState::Move);
    EXPECT_FALSE(machine.handle(SessionEvent::ChooseCancel)) << "...but not from the move itself";
    EXPECT_TRUE(machine.handle(SessionEvent::Back));
    EXPECT_EQ(machine.state(), SessionState::Menu);
    EXPECT_TRUE(machine.handle(SessionEvent::ChooseMove))
        << "from the menu too: a stop-service notice is shown there at identification";
    EXPECT_EQ(machine.state(), SessionState::Move);
}

TEST(SessionMachine, ACardDuringTheFarewellStartsTheNextSession) {
    SessionMachine machine;
    drive(machine, {E::Start, E::IdentifySucceeded, E::Finish});
    ASSERT_EQ(machine.state(), S::Farewell);
    QSignalSpy ended(&machine, &SessionMachine::sessionEnded);
    EXPECT_TRUE(machine.handle(E::IdentityPresented));
    EXPECT_EQ(machine.state(), S::Identifying);
    EXPECT_EQ(ended.count(), 0);  // the previous session ended once, when the farewell began
    // A card pulled during the farewell (the leaving patient's) changes nothing.
    SessionMachine leaving;
    drive(leaving, {E::Start, E::IdentifySucceeded, E::Finish});
    EXPECT_FALSE(leaving.handle(E::CardRemoved));
    EXPECT_EQ(leaving.state(), S::Farewell);
}
