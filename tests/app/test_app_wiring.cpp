// What the app layer adds to the session and the settings: a QML file for every screen the session
// can show, and the printer's endpoint as both the kiosk and kioskctl read it.

#include <gtest/gtest.h>

#include <QFile>
#include <QSet>

#include "app/screen_files.h"
#include "config/settings.h"
#include "core/screen_registry.h"
#include "setup/from_settings.h"

namespace lobby {
namespace {

TEST(ScreenFiles, EveryScreenTheSessionNamesHasAFileThatIsBuiltIn) {
    const QStringList names = core::ScreenRegistry::allNames();
    ASSERT_FALSE(names.isEmpty());
    for (const QString& name : names) {
        const QUrl url = app::ScreenFiles::forScreen(name);
        ASSERT_FALSE(url.isEmpty()) << "no QML file for the screen " << name.toStdString();
        // qrc:/qt/qml/... is :/qt/qml/... to QFile: the file is in the executable's resources.
        const QString resource = QLatin1Char(':') + url.path();
        EXPECT_TRUE(QFile::exists(resource)) << resource.toStdString();
    }
    EXPECT_TRUE(app::ScreenFiles::forScreen(QStringLiteral("no_such_screen")).isEmpty());
}

TEST(ScreenFiles, TheSelfTestCreatesEachFileOnce) {
    const QStringList urls = app::ScreenFiles::allUrls();
    EXPECT_EQ(QSet<QString>(urls.begin(), urls.end()).size(), urls.size());
    // "cancel" and "my_bookings" share the booking list: fewer files than screens.
    EXPECT_LT(urls.size(), core::ScreenRegistry::allNames().size());
    for (const QString& name : core::ScreenRegistry::allNames())
        EXPECT_TRUE(urls.contains(app::ScreenFiles::forScreen(name).toString()));
}

TEST(PrinterEndpoint, TheDefaultIsTheCupsQueueOn80mmPaper) {
    const auto endpoint = setup::printerEndpoint(config::Settings::defaults());
    ASSERT_TRUE(endpoint.ok()) << endpoint.error().message;
    EXPECT_FALSE(endpoint->tcp.has_value());
    EXPECT_FALSE(endpoint->usb.has_value());
    EXPECT_EQ(endpoint->paper, printer::PaperWidth::Mm80);
    EXPECT_FALSE(endpoint->queue.name.empty());
}

TEST(PrinterEndpoint, ADirectAddressAndPaperWidthAreReadOnceForKioskAndKioskctl) {
    auto tcp = config::Settings::fromJson(
        R"({"schema_version": 1, "devices": {"printer": {"direct": "127.0.0.1:9101",
            "paper_mm": "58"}}})");
    ASSERT_TRUE(tcp.ok()) << tcp.error().message;
    const auto overTcp = setup::printerEndpoint(tcp.value());
    ASSERT_TRUE(overTcp.ok()) << overTcp.error().message;
    ASSERT_TRUE(overTcp->tcp.has_value());
    EXPECT_EQ(overTcp->tcp->host, "127.0.0.1");
    EXPECT_EQ(overTcp->tcp->port, 9101);
    EXPECT_EQ(overTcp->paper, printer::PaperWidth::Mm58);

    auto usb = config::Settings::fromJson(
        R"({"schema_version": 1, "devices": {"printer": {"direct": "usb:0483:5743"}}})");
    ASSERT_TRUE(usb.ok()) << usb.error().message;
    const auto overUsb = setup::printerEndpoint(usb.value());
    ASSERT_TRUE(overUsb.ok()) << overUsb.error().message;
    ASSERT_TRUE(overUsb->usb.has_value());
    EXPECT_EQ(overUsb->usb->vendor, 0x0483);
    EXPECT_EQ(overUsb->usb->product, 0x5743);
}

}  // namespace
}  // namespace lobby
