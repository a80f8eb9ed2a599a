#include "app/screen_files.h"

#include <array>
#include <utility>

#include "core/screen_registry.h"

namespace lobby::app {
namespace {

const QString kScreensRoot = QStringLiteral("qrc:/qt/qml/Lobby/Screens/");

const std::array<std::pair<const char*, const char*>, 16>& files() {
    static const std::array<std::pair<const char*, const char*>, 16> table = {{
        {"attract", "attract/AttractScreen.qml"},
        {"identify", "identify/IdentifyScreen.qml"},
        {"menu", "menu/MenuScreen.qml"},
        {"pickup", "pickup/PickUpScreen.qml"},
        {"book", "book/BookScreen.qml"},
        {"register", "book/BookScreen.qml"},
        {"cancel", "bookings/BookingListScreen.qml"},
        {"my_bookings", "bookings/BookingListScreen.qml"},
        {"move", "bookings/MoveScreen.qml"},
        {"bills", "bills/BillsScreen.qml"},
        {"reports", "reports/ReportsScreen.qml"},
        {"invoices", "invoices/InvoicesScreen.qml"},
        {"done", "common/DoneScreen.qml"},
        {"error", "common/ErrorScreen.qml"},
        {"farewell", "common/FarewellScreen.qml"},
        {"maintenance", "maintenance/MaintenanceScreen.qml"},
    }};
    return table;
}

}  // namespace

QUrl ScreenFiles::forScreen(const QString& screen) {
    for (const auto& [name, file] : files()) {
        if (screen == QLatin1String(name)) return QUrl(kScreensRoot + QLatin1String(file));
    }
    return {};
}

QStringList ScreenFiles::allUrls() {
    QStringList urls;
    for (const QString& screen : core::ScreenRegistry::allNames()) {
        const QString url = forScreen(screen).toString();
        if (!url.isEmpty() && !urls.contains(url)) urls << url;
    }
    return urls;
}

}  // namespace lobby::app
