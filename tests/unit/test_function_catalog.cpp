#include <gtest/gtest.h>

#include <QVariantMap>

#include "core/function_catalog.h"

using lobby::core::FunctionCatalog;
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
                  "The appointment service is not connected");
    }
}

TEST(FunctionCatalog, PrintingFunctionsNeedThePrinterLookupsDoNot) {
    FunctionCatalog catalog;
    catalog.setHealth({true, PrinterReadiness::NotReady});
    const auto functions = catalog.functions();
    EXPECT_FALSE(find(functions, "pickup").value("available").toBool());
    EXPECT_EQ(find(functions, "pickup").value("reason").toString(),
              "The slip printer is not ready");
    EXPECT_FALSE(catalog.isAvailable("book"));
    EXPECT_TRUE(catalog.isAvailable("my_bookings"));
    EXPECT_TRUE(find(functions, "my_bookings").value("reason").toString().isEmpty());
}

TEST(FunctionCatalog, AllOfferedWhenHealthy) {
    FunctionCatalog catalog;
    catalog.setHealth({true, PrinterReadiness::Ready});
    EXPECT_EQ(catalog.functions().size(), 4);
    for (const char* id : {"pickup", "book", "cancel", "my_bookings"}) {
        EXPECT_TRUE(catalog.isAvailable(id)) << id;
    }
    EXPECT_FALSE(catalog.isAvailable("lab_reports"));
}

TEST(FunctionCatalog, ThePrinterReasonComesFirstForPrintingFunctions) {
    FunctionCatalog catalog;
    catalog.setPlatformConnected(false);
    catalog.setPrinter(PrinterReadiness::PaperOut);
    const auto functions = catalog.functions();
    EXPECT_EQ(find(functions, "pickup").value("reason").toString(),
              "The slip printer is out of paper");
    EXPECT_EQ(find(functions, "my_bookings").value("reason").toString(),
              "The appointment service is not connected");
    catalog.setPrinter(PrinterReadiness::CoverOpen);
    EXPECT_EQ(find(catalog.functions(), "book").value("reason").toString(),
              "The slip printer's cover is open");
}
