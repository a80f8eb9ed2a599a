import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// The chosen doctor's days as tabs (今天 / 明天 / 周三 12月3日), then that day's morning and
// afternoon as grids of times with the places left.
ColumnLayout {
    spacing: Theme.spacing

    DayTabs {
        Layout.fillWidth: true
        days: Booking.days
        current: Booking.day
        busy: Booking.busy
        onChosen: (date) => Booking.chooseDay(date)
    }
    SliceGrid {
        Layout.fillWidth: true
        periods: Booking.periods
        busy: Booking.busy
        onChosen: (id) => Booking.chooseSlice(id)
    }
    Item { Layout.fillHeight: true }
}
