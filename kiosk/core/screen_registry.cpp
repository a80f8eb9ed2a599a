#include "core/screen_registry.h"

#include <array>
#include <utility>

namespace lobby::core {
namespace {

const std::array<std::pair<SessionState, const char*>, 16>& entries() {
    using S = SessionState;
    static const std::array<std::pair<SessionState, const char*>, 16> table = {{
        {S::Idle, "attract"},
        {S::Identifying, "identify"},
        {S::Menu, "menu"},
        {S::PickUp, "pickup"},
        {S::Book, "book"},
        {S::Register, "register"},
        {S::Cancel, "cancel"},
        {S::MyBookings, "my_bookings"},
        {S::Move, "move"},
        {S::Bills, "bills"},
        {S::Reports, "reports"},
        {S::Invoices, "invoices"},
        {S::Done, "done"},
        {S::Error, "error"},
        {S::Farewell, "farewell"},
        {S::Maintenance, "maintenance"},
    }};
    return table;
}

}  // namespace

QString ScreenRegistry::nameFor(SessionState state) {
    for (const auto& [entryState, name] : entries()) {
        if (entryState == state) return QString::fromLatin1(name);
    }
    return QString::fromLatin1(entries().front().second);
}

QStringList ScreenRegistry::allNames() {
    QStringList names;
    for (const auto& entry : entries())
        names << QString::fromLatin1(entry.second);
    return names;
}

}  // namespace lobby::core
