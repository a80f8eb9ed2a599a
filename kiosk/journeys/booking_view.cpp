#include "journeys/booking_view.h"

#include <QCoreApplication>

#include "core/translatable_text.h"

namespace lobby::journeys {
namespace {

// The contract's word for the status ("held", "no_show"), as the screens key on it.
QString statusWord(const platform::Booking& booking) {
    const std::string_view word = platform::toString(booking.status);
    return QString::fromLatin1(word.data(), static_cast<qsizetype>(word.size()));
}

QString statusText(const platform::Booking& booking) {
    if (booking.stopService) {
        return QCoreApplication::translate("BookingView", "The doctor has stopped this session");
    }
    if (booking.status == platform::BookingStatus::Held)
        return QCoreApplication::translate("BookingView", "Not paid yet");
    if (booking.status == platform::BookingStatus::Paid)
        return QCoreApplication::translate("BookingView", "Paid");
    if (booking.status == platform::BookingStatus::CheckedIn)
        return QCoreApplication::translate("BookingView", "Picked up");
    if (booking.status == platform::BookingStatus::Cancelled)
        return QCoreApplication::translate("BookingView", "Cancelled");
    if (booking.status == platform::BookingStatus::Refunded)
        return QCoreApplication::translate("BookingView", "Cancelled and refunded");
    if (booking.status == platform::BookingStatus::Expired)
        return QCoreApplication::translate("BookingView", "Expired unpaid");
    return statusWord(booking);
}

}  // namespace

QString feeText(int fee_fen) {
    return QStringLiteral("¥%1.%2").arg(fee_fen / 100).arg(fee_fen % 100, 2, 10, QLatin1Char('0'));
}

QVariantMap bookingView(const platform::Booking& booking) {
    const platform::Visit& visit = booking.visit;
    const QString period = visit.period == "morning"
                               ? QCoreApplication::translate("BookingView", "morning")
                               : QCoreApplication::translate("BookingView", "afternoon");
    return {
        {"id", QString::fromStdString(booking.id)},
        {"department",
         QString::fromStdString(core::showingChinese() ? visit.departmentZh : visit.departmentEn)},
        {"doctor", QString::fromStdString(visit.doctorName + " " + visit.doctorTitle)},
        {"when", QStringLiteral("%1 %2 %3–%4")
                     .arg(QString::fromStdString(visit.date), period,
                          QString::fromStdString(visit.start), QString::fromStdString(visit.end))},
        {"status", statusWord(booking)},
        {"statusText", statusText(booking)},
        {"fee", feeText(booking.feeFen)},
        {"stopService", booking.stopService},
    };
}

}  // namespace lobby::journeys
