#include "core/screen_registry.h"

#include <array>

namespace lobby::core {
namespace {

const QString kScreensRoot = QStringLiteral("qrc:/qt/qml/Lobby/Screens/");

const std::array<ScreenEntry, 11>& entries() {
    using S = SessionState;
    static const std::array<ScreenEntry, 11> table = {{
        {S::Idle, "attract", kScreensRoot + "attract/AttractScreen.qml"},
        {S::Identifying, "identify", kScreensRoot + "identify/IdentifyScreen.qml"},
        {S::Menu, "menu", kScreensRoot + "menu/MenuScreen.qml"},
        {S::PickUp, "pickup", kScreensRoot + "pickup/PickUpScreen.qml"},
        {S::Book, "book", kScreensRoot + "book/BookScreen.qml"},
        {S::Cancel, "cancel", kScreensRoot + "bookings/BookingListScreen.qml"},
        {S::MyBookings, "my_bookings", kScreensRoot + "bookings/BookingListScreen.qml"},
        {S::Done, "done", kScreensRoot + "common/DoneScreen.qml"},
        {S::Error, "error", kScreensRoot + "common/ErrorScreen.qml"},
        {S::Farewell, "farewell", kScreensRoot + "common/FarewellScreen.qml"},
        {S::Maintenance, "maintenance", kScreensRoot + "maintenance/MaintenanceScreen.qml"},
    }};
    return table;
}

}  // namespace

const ScreenEntry& ScreenRegistry::forState(SessionState state) {
    for (const auto& entry : entries()) {
        if (entry.state == state) return entry;
    }
    return entries().front();
}

QStringList ScreenRegistry::allUrls() {
    QStringList urls;
    for (const auto& entry : entries()) {
        if (!urls.contains(entry.url)) urls << entry.url;
    }
    return urls;
}

}  // namespace lobby::core
