#pragma once
// A time of day as the hospital's notices write it: minutes after midnight as "HH:MM" (the
// kiosk's opening hours, today's registration cut-offs).

#include <QString>

namespace lobby::core {

inline QString timeOfDayText(int minutes) {
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace lobby::core
