// 报告打印 against a scripted platform: the list as the patient sees it (the ready ones chosen,
// a pending one with its time, a printed one not choosable), and a document that is not a
// printable PDF refused before any printer is asked, with nothing counted printed.
#include <gtest/gtest.h>

#include "../printer/a4_documents.h"
#include "devices/a4_printer_service.h"
#include "flow_rig.h"
#include "journeys/reports_flow.h"

using namespace lobby;
using namespace lobby::testing;
using platform::Report;
using platform::ReportStatus;

namespace {

struct ReportsRig : FlowRig {
    ReportsRig() {
        // Never started: a document that reaches it would never print, and the test would see
        // the flow wait rather than fail.
        printer = std::make_unique<devices::A4PrinterService>(
            devices::A4PrinterSetup{{"127.0.0.1:1", "a4"}, std::chrono::seconds(3600)});
        flow = std::make_unique<journeys::ReportsFlow>(session, platform.get(), slips,
                                                       journal.get(), printer.get());
        catalog.setA4Printer(core::A4Readiness::Ready);
    }
    ~ReportsRig() {
        flow.reset();
        printer.reset();
    }
    static std::vector<Report> three() {
        return {
            {"R1", platform::ReportKind::Lab, "血常规", "检验科", "2026-12-03T08:10:00+08:00",
             ReportStatus::Ready, 1, ""},
            {"R2", platform::ReportKind::Imaging, "胸部CT", "放射科", "2026-12-03T08:20:00+08:00",
             ReportStatus::Pending, 1, "2026-12-03T14:00:00+08:00"},
            {"R3", platform::ReportKind::Lab, "尿常规", "检验科", "2026-12-01T09:00:00+08:00",
             ReportStatus::Printed, 0, ""},
        };
    }
    void openList() {
        script->answer<std::vector<Report>>("reports", three());
        identify();
        session.chooseFunction(QStringLiteral("reports"));
        ASSERT_EQ(session.stateName(), QStringLiteral("reports"));
        ASSERT_TRUE(waitFor([&] { return flow->loaded() && !flow->busy(); }));
    }

    std::unique_ptr<devices::A4PrinterService> printer;
    std::unique_ptr<journeys::ReportsFlow> flow;
};

}  // namespace

TEST(ReportsFlow, TheReadyOnesAreChosenAPendingOneSaysWhenAndAPrintedOneCannotBeChosen) {
    ReportsRig rig;
    rig.openList();
    ASSERT_FALSE(HasFatalFailure());
    const auto reports = rig.flow->reports();
    ASSERT_EQ(reports.size(), 3);
    EXPECT_EQ(reports[0].toMap().value("status"), QStringLiteral("ready"));
    EXPECT_TRUE(reports[0].toMap().value("selected").toBool());
    EXPECT_EQ(reports[1].toMap().value("status"), QStringLiteral("pending"));
    EXPECT_TRUE(reports[1].toMap().value("when").toString().endsWith(QStringLiteral("14:00")))
        << reports[1].toMap().value("when").toString().toStdString();
    EXPECT_EQ(reports[2].toMap().value("status"), QStringLiteral("printed"));
    EXPECT_EQ(rig.flow->readyCount(), 1);
    EXPECT_EQ(rig.flow->selectedCount(), 1);

    rig.flow->toggle(QStringLiteral("R2"));  // pending
    rig.flow->toggle(QStringLiteral("R3"));  // printed
    EXPECT_EQ(rig.flow->selectedCount(), 1);
    rig.flow->toggle(QStringLiteral("R1"));
    EXPECT_EQ(rig.flow->selectedCount(), 0);
    rig.flow->printSelected();  // nothing chosen: nothing happens
    EXPECT_FALSE(rig.flow->printing());
    EXPECT_EQ(rig.script->count("reportDocument"), 0);
}

TEST(ReportsFlow, ADocumentThatIsNotAPrintablePdfIsRefusedBeforeThePrinterAndNotCounted) {
    const std::string html = "<html><body>502 Bad Gateway</body></html>";
    auto truncated = test::labReportPdf(40);
    truncated.resize(truncated.size() / 2);
    const std::vector<std::pair<std::string, std::vector<std::uint8_t>>> documents{
        {"not a PDF", {html.begin(), html.end()}},
        {"encrypted", test::encryptedPdf()},
        {"no pages", test::pagelessPdf()},
        {"damaged", truncated},
    };
    for (const auto& [what, bytes] : documents) {
        ReportsRig rig;
        rig.openList();
        ASSERT_FALSE(HasFatalFailure());
        rig.script->answer<std::string>("reportDocument", std::string(bytes.begin(), bytes.end()));
        rig.flow->printAllReady();
        ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }))
            << what;
        EXPECT_TRUE(rig.session.errorMessage().contains(QStringLiteral("cannot be printed")))
            << what << ": " << rig.session.errorMessage().toStdString();
        EXPECT_EQ(rig.script->count("markReportPrinted"), 0) << what;
        EXPECT_TRUE(rig.script->unscripted().empty()) << what;
    }
}

TEST(ReportsFlow, WhenThePatientLeavesNothingOfTheirReportsIsKept) {
    ReportsRig rig;
    rig.openList();
    ASSERT_FALSE(HasFatalFailure());
    rig.session.finish();
    ASSERT_TRUE(waitFor([&] { return !rig.flow->loaded(); }));
    EXPECT_TRUE(rig.flow->reports().isEmpty());
    EXPECT_EQ(rig.flow->selectedCount(), 0);
}

// The same flow on a real A4 printer (ctest reports_flow_printing runs these under
// tests/printer/with_cupsd.sh --a4; elsewhere they are skipped): what the platform answers
// after the paper is out never changes what the patient is told.
namespace {

struct PrintingRig : ReportsRig {
    PrintingRig() {
        printer.reset();  // the rig's unstarted one is replaced by one on the real queue
        flow.reset();
        printer = std::make_unique<devices::A4PrinterService>(devices::A4PrinterSetup{
            {std::getenv("CUPS_SERVER"), std::getenv("LOBBY_A4_QUEUE")}, std::chrono::seconds(1)});
        printer->start();
        flow = std::make_unique<journeys::ReportsFlow>(session, platform.get(), slips,
                                                       journal.get(), printer.get());
    }
    // One ready report, printed; the platform then answers the count with `answerCount`.
    void printOne(const std::function<void(ScriptedPlatform&)>& answerCount) {
        script->answer<std::vector<Report>>(
            "reports",
            std::vector<Report>{{"R1", platform::ReportKind::Lab, "血常规", "检验科",
                                 "2026-12-03T08:10:00+08:00", ReportStatus::Ready, 1, ""}});
        identify();
        session.chooseFunction(QStringLiteral("reports"));
        ASSERT_TRUE(waitFor([&] { return flow->loaded() && !flow->busy(); }));
        const auto pdf = test::labReportPdf(5);
        script->answer<std::string>("reportDocument", std::string(pdf.begin(), pdf.end()));
        answerCount(*script);
        flow->printSelected();
        ASSERT_TRUE(
            waitFor([&] { return session.stateName() != QLatin1String("reports"); }, 60'000));
    }
};

bool onRealPrinter() {
    return std::getenv("LOBBY_A4_QUEUE") != nullptr;
}

}  // namespace

TEST(ReportsFlowPrinting,
     APlatformThatHadItCountedAlreadyIsAgreedWithAndThePatientTakesTheirPaper) {
    if (!onRealPrinter()) GTEST_SKIP() << "run by ctest reports_flow_printing";
    PrintingRig rig;
    rig.printOne([](ScriptedPlatform& script) {
        script.refuse("markReportPrinted", "no_prints_left", "该报告已打印", "Already printed");
    });
    ASSERT_FALSE(HasFatalFailure());
    EXPECT_EQ(rig.session.stateName(), QStringLiteral("done"));
    EXPECT_EQ(rig.script->count("markReportPrinted"), 1);
}

TEST(ReportsFlowPrinting, ACountWhoseReplyIsLostStillEndsWithThePaperInThePatientsHand) {
    if (!onRealPrinter()) GTEST_SKIP() << "run by ctest reports_flow_printing";
    PrintingRig rig;
    rig.printOne([](ScriptedPlatform& script) { script.loseReply("markReportPrinted"); });
    ASSERT_FALSE(HasFatalFailure());
    // The paper is out: the patient is done whatever became of the count (the HTTPS client
    // asks again under the same key; a scripted platform does not).
    EXPECT_EQ(rig.session.stateName(), QStringLiteral("done"));
    EXPECT_EQ(rig.script->count("markReportPrinted"), 1);
}
