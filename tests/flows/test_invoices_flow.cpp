// 发票打印 against a scripted platform: the e-invoices listed with their finance-bureau numbers,
// the QR of one shown and closed, and a document that is not a printable PDF refused before the
// printer with the QR offered instead.
#include <gtest/gtest.h>

#include "devices/a4_printer_service.h"
#include "flow_rig.h"
#include "journeys/invoices_flow.h"

using namespace lobby;
using namespace lobby::testing;
using platform::EInvoiceEntry;

namespace {

struct InvoicesRig : FlowRig {
    InvoicesRig() {
        printer = std::make_unique<devices::A4PrinterService>(
            devices::A4PrinterSetup{{"127.0.0.1:1", "a4"}, std::chrono::seconds(3600)});
        flow = std::make_unique<journeys::InvoicesFlow>(session, platform.get(), slips,
                                                        journal.get(), printer.get());
        catalog.setA4Printer(core::A4Readiness::Ready);
    }
    ~InvoicesRig() {
        flow.reset();
        printer.reset();
    }
    void openList() {
        script->answer<std::vector<EInvoiceEntry>>(
            "eInvoices",
            std::vector<EInvoiceEntry>{{"EI1",
                                        {"33010126", "0000000042", "A1B2C3", 28'000,
                                         "https://einvoice.example/verify?n=0000000042"},
                                        "2026-12-03T09:20:00+08:00"}});
        identify();
        session.chooseFunction(QStringLiteral("invoices"));
        ASSERT_EQ(session.stateName(), QStringLiteral("invoices"));
        ASSERT_TRUE(waitFor([&] { return flow->loaded() && !flow->busy(); }));
    }

    std::unique_ptr<devices::A4PrinterService> printer;
    std::unique_ptr<journeys::InvoicesFlow> flow;
};

}  // namespace

TEST(InvoicesFlow, ListsEachInvoiceWithItsNumbersAndShowsItsQrUntilClosed) {
    InvoicesRig rig;
    rig.openList();
    ASSERT_FALSE(HasFatalFailure());
    const auto invoice = rig.flow->invoices().value(0).toMap();
    EXPECT_EQ(invoice.value("number"), QStringLiteral("0000000042"));
    EXPECT_EQ(invoice.value("amount"), QStringLiteral("¥280.00"));
    EXPECT_EQ(invoice.value("issued"), QStringLiteral("2026-12-03"));
    EXPECT_TRUE(rig.flow->shown().isEmpty());

    rig.flow->showQr(QStringLiteral("EI1"));
    EXPECT_EQ(rig.session.screenName(), QStringLiteral("invoices-qr"));
    EXPECT_EQ(rig.flow->shown().value("verifyUrl"),
              QStringLiteral("https://einvoice.example/verify?n=0000000042"));
    rig.flow->showQr(QStringLiteral("nobody's"));  // not in the list: nothing changes
    EXPECT_EQ(rig.flow->shown().value("id"), QStringLiteral("EI1"));
    rig.flow->closeQr();
    EXPECT_TRUE(rig.flow->shown().isEmpty());
    EXPECT_EQ(rig.session.screenName(), QStringLiteral("invoices"));
    EXPECT_EQ(rig.script->count("eInvoiceDocument"), 0);
}

TEST(InvoicesFlow, ADocumentThatIsNotAPdfIsRefusedAndTheQrOffered) {
    InvoicesRig rig;
    rig.openList();
    ASSERT_FALSE(HasFatalFailure());
    rig.script->answer<std::string>("eInvoiceDocument", std::string("{\"error\": \"oops\"}"));
    rig.flow->print(QStringLiteral("EI1"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }));
    EXPECT_TRUE(rig.session.errorMessage().contains(QStringLiteral("QR")))
        << rig.session.errorMessage().toStdString();
    EXPECT_TRUE(rig.script->unscripted().empty());
}
