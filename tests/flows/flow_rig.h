#pragma once
// A patient's session with the real flows, the real PlatformService (its worker thread and
// session fencing) over a ScriptedPlatform, a real journal (SQLite in a scratch folder) and no
// printer: what the kiosk runs, minus the network and the screen.

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QThread>
#include <filesystem>
#include <functional>

#include "core/function_catalog.h"
#include "core/session_controller.h"
#include "journal/transaction_journal.h"
#include "journeys/booking_flow.h"
#include "journeys/slip_desk.h"
#include "scripted_platform.h"
#include "services/platform_service.h"

namespace lobby::testing {

// Runs the event loop until `done` or `timeout_ms`.
inline bool waitFor(const std::function<bool()>& done, int timeout_ms = 3000) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeout_ms) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
    return true;
}

// Lets the worker and the event loop finish what they have (e.g. a call that should not come).
inline void settleFor(int ms) {
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
}

class FlowRig {
public:
    FlowRig() {
        dir_ = std::filesystem::temp_directory_path() /
               ("lobby-flow-test-" + std::to_string(::getpid()) + "-" + std::to_string(++count_));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        // Everything a journey needs is up (the slips themselves fail: there is no printer).
        catalog.setHealth({true, core::PrinterReadiness::Ready});
        catalog.setClock([] { return QTime(12, 0); });
        auto opened = journal::TransactionJournal::open((dir_ / "journal.db").string());
        if (opened) journal = std::move(opened.value());
        auto client = std::make_unique<ScriptedPlatform>();
        script = client.get();
        platform = std::make_unique<services::PlatformService>(std::move(client),
                                                               std::chrono::seconds(3600));
        QObject::connect(&session, &core::SessionController::patientLeft, platform.get(),
                         &services::PlatformService::endSession);
    }
    ~FlowRig() {
        platform.reset();
        journal.reset();
        std::filesystem::remove_all(dir_);
    }

    // An identified patient on the menu.
    void identify(const QString& patientId = QStringLiteral("P1")) {
        session.identityPresented();
        session.identified(QStringLiteral("张*丰"), patientId);
    }
    std::size_t unsettled() const {
        auto open = journal->unfinished();
        return open ? open->size() : 999;
    }

    core::FunctionCatalog catalog;
    core::SessionController session{core::SessionTiming{60'000, 10'000, 300}, &catalog};
    std::unique_ptr<journal::TransactionJournal> journal;
    ScriptedPlatform* script = nullptr;  // owned by the platform service
    std::unique_ptr<services::PlatformService> platform;
    journeys::SlipDesk slips{nullptr, QStringLiteral("测试医院"), QString()};

    // Identifies the patient, scripts one department, one doctor and one free slice tomorrow, and
    // walks `flow` to its confirm step, ready to pay (gtest: check HasFatalFailure after).
    // `function` "register" (当日挂号) offers today's slices instead.
    void walkToConfirm(journeys::BookingFlow& flow, const QString& function = "book") {
        const bool today = function == QLatin1String("register");
        platform::BookingRules rules;
        rules.sameDay = true;
        rules.sameDayMorningCloses_min = 11 * 60;
        rules.sameDayAfternoonCloses_min = 16 * 60 + 30;
        script->answer<platform::BookingRules>("bookingRules", rules);
        script->answer<std::vector<platform::Department>>(
            "departments", std::vector<platform::Department>{
                               {"DEP1", "内科", "Medicine", "NK", "内科", "Medicine"}});
        script->answer<std::vector<platform::Doctor>>(
            "doctors", std::vector<platform::Doctor>{{"D1", "王医生", "主任医师", "", 5000, ""}});
        const std::string day =
            QDate::currentDate().addDays(today ? 0 : 1).toString(Qt::ISODate).toStdString();
        // Today's first slice is over (the platform says so): it is never offered.
        script->answer<std::vector<platform::Session>>(
            "schedule", std::vector<platform::Session>{{"S1",
                                                        day,
                                                        "morning",
                                                        {{"SL0", "07:30", "08:00", 3, !today},
                                                         {"SL1", "08:00", "08:30", 3, true}}}});
        identify();
        session.chooseFunction(function);
        ASSERT_TRUE(waitFor([&] { return !flow.busy(); }));
        flow.chooseDepartment(QStringLiteral("DEP1"));
        ASSERT_TRUE(waitFor([&] { return flow.step() == QLatin1String("doctors"); }));
        flow.chooseDoctor(QStringLiteral("D1"));
        flow.chooseSlice(QStringLiteral("SL1"));
        ASSERT_EQ(flow.step(), QStringLiteral("confirm"));
    }

private:
    std::filesystem::path dir_;
    static inline int count_ = 0;
};

}  // namespace lobby::testing
