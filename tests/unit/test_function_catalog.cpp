#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QVariantMap>

#include "core/function_catalog.h"

using lobby::core::FunctionCatalog;
using lobby::core::IdentityMeans;
using lobby::core::PrinterReadiness;
using lobby::core::ServiceHealth;

namespace {
QVariantMap find(const QVariantList& functions, const QString& id) {
    for (const auto& entry : functions) {
        if (entry.toMap().value("id") == id) return entry.toMap();
    }
    return {};
}
}  // namespace

TEST(FunctionCatalog, NothingIsOfferedWithoutThePlatform) {
    FunctionCatalog catalog;
    catalog.setHealth({false, PrinterReadiness::Ready});
    for (const auto& entry : catalog.functions()) {
        EXPECT_FALSE(entry.toMap().value("available").toBool());
        EXPECT_EQ(entry.toMap().value("reason").toString(),
                  "The hospital's booking system cannot be reached");
    }
}

TEST(FunctionCatalog, PrintingFunctionsNeedThePrinterLookupsDoNot) {
    FunctionCatalog catalog;
    catalog.setHealth({true, PrinterReadiness::NotReady});
    const auto functions = catalog.functions();
    EXPECT_FALSE(find(functions, "pickup").value("available").toBool());
    EXPECT_EQ(find(functions, "pickup").value("reason").toString(), "This kiosk cannot print now");
    EXPECT_FALSE(catalog.isAvailable("book"));
    EXPECT_TRUE(catalog.isAvailable("my_bookings"));
    EXPECT_TRUE(find(functions, "my_bookings").value("reason").toString().isEmpty());
}

TEST(FunctionCatalog, AllOfferedWhenHealthy) {
    FunctionCatalog catalog;
    catalog.setHealth({true, PrinterReadiness::Ready});
    EXPECT_EQ(catalog.functions().size(), 6);
    for (const char* id : {"pickup", "register", "book", "cancel", "my_bookings", "bills"}) {
        EXPECT_TRUE(catalog.isAvailable(id)) << id;
    }
    EXPECT_FALSE(catalog.isAvailable("lab_reports"));
}

TEST(FunctionCatalog, TheOutageComesFirstThenThePrinterInThePatientsWords) {
    FunctionCatalog catalog;
    catalog.setPlatformConnected(false);
    catalog.setPrinter(PrinterReadiness::PaperOut);
    for (const auto& entry : catalog.functions()) {
        EXPECT_EQ(entry.toMap().value("reason").toString(),
                  "The hospital's booking system cannot be reached")
            << "an outage is not hidden behind the printer";
    }
    catalog.setPlatformConnected(true);
    EXPECT_EQ(find(catalog.functions(), "pickup").value("reason").toString(),
              "This kiosk cannot print now");
    catalog.setPrinter(PrinterReadiness::CoverOpen);
    EXPECT_EQ(find(catalog.functions(), "book").value("reason").toString(),
              "This kiosk cannot print now")
        << "paper or cover is the staff's business, not the patient's";
    EXPECT_TRUE(catalog.isAvailable("my_bookings"));
}

TEST(FunctionCatalog, TheSceneChoosesWhichFunctionsAppearAndInWhatOrder) {
    FunctionCatalog catalog;
    catalog.setHealth({true, PrinterReadiness::Ready});
    int changes = 0;
    QObject::connect(&catalog, &FunctionCatalog::changed, [&] { ++changes; });
    catalog.setOffered({"my_bookings", "pickup"});
    EXPECT_EQ(changes, 1);
    const auto functions = catalog.functions();
    ASSERT_EQ(functions.size(), 2);
    EXPECT_EQ(functions[0].toMap().value("id"), "my_bookings");
    EXPECT_EQ(functions[1].toMap().value("id"), "pickup");
    EXPECT_FALSE(catalog.isAvailable("book")) << "a function the scene leaves out is not served";
    catalog.setOffered({});
    EXPECT_EQ(catalog.functions().size(), 6);
}

TEST(FunctionCatalog, OutsideOpeningHoursNothingIsAvailableAndTheHoursAreSaid) {
    FunctionCatalog catalog;
    catalog.setHealth({true, PrinterReadiness::Ready});
    QTime now(6, 59);
    catalog.setClock([&] { return now; });
    catalog.setOpeningHours(7 * 60, 17 * 60 + 30);
    EXPECT_FALSE(catalog.isAvailable("my_bookings"));
    EXPECT_EQ(find(catalog.functions(), "pickup").value("reason").toString(),
              "This kiosk serves patients from 07:00 to 17:30");
    now = QTime(7, 0);
    EXPECT_TRUE(catalog.isAvailable("pickup"));
    now = QTime(17, 30);
    EXPECT_FALSE(catalog.isAvailable("pickup"));
}

TEST(FunctionCatalog, OnlyAnsweringReadersAreOfferedForIdentification) {
    FunctionCatalog catalog;
    EXPECT_TRUE(catalog.identityMeans().isEmpty()) << "nothing configured, nothing offered";
    QSignalSpy changed(&catalog, &FunctionCatalog::changed);
    catalog.setIdentityMeans(IdentityMeans::IdCard, true);
    catalog.setIdentityMeans(IdentityMeans::Scanner, true);
    EXPECT_EQ(catalog.identityMeans(), QStringList({"idcard", "qr"}));
    catalog.setIdentityMeans(IdentityMeans::IdCard, false);  // unplugged
    EXPECT_EQ(catalog.identityMeans(), QStringList({"qr"}));
    catalog.setIdentityMeans(IdentityMeans::IdCard, false);  // no change, no signal
    EXPECT_EQ(changed.count(), 3);
}

TEST(FunctionCatalog, ReportsAndInvoicesAreListedOnlyWithAnA4PrinterAndOfferedWhileItPrints) {
    using lobby::core::A4Readiness;
    FunctionCatalog catalog;
    catalog.setHealth({true, PrinterReadiness::Ready});
    EXPECT_TRUE(find(catalog.functions(), "reports").isEmpty());
    EXPECT_TRUE(find(catalog.functions(), "invoices").isEmpty());
    EXPECT_FALSE(catalog.isAvailable("reports"));

    catalog.setA4Printer(A4Readiness::NotReady);  // jammed, out of toner, door open, ...
    for (const char* id : {"reports", "invoices"}) {
        const auto entry = find(catalog.functions(), id);
        EXPECT_FALSE(entry.isEmpty()) << id;
        EXPECT_FALSE(entry.value("available").toBool()) << id;
        EXPECT_EQ(entry.value("reason").toString(), "This kiosk cannot print reports now") << id;
    }
    // The slip printer out of paper takes nothing from the A4 functions, and the other way round.
    catalog.setA4Printer(A4Readiness::Ready);
    catalog.setPrinter(PrinterReadiness::PaperOut);
    EXPECT_TRUE(catalog.isAvailable("reports"));
    EXPECT_TRUE(catalog.isAvailable("invoices"));
    EXPECT_FALSE(catalog.isAvailable("pickup"));
    catalog.setPrinter(PrinterReadiness::Ready);
    catalog.setA4Printer(A4Readiness::NotReady);
    EXPECT_TRUE(catalog.isAvailable("pickup"));
    EXPECT_FALSE(catalog.isAvailable("reports"));
}
