#include "journeys/booking_view.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>
#include <map>

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
        return booking.status == platform::BookingStatus::Paid
                   ? QCoreApplication::translate(
                         "BookingView",
                         "The doctor has stopped this session: the fee will be refunded in full, "
                         "the way you paid")
                   : QCoreApplication::translate("BookingView",
                                                 "The doctor has stopped this session");
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

QString clinicFeesText(const std::vector<platform::BookingRules::ClinicFees>& fees) {
    // Whole yuan where the fee is (¥10, not ¥10.00), and word joiners about the dash: a range
    // never breaks across lines, even in elder mode's large type on a portrait screen.
    const auto fee = [](int fen) {
        return fen % 100 == 0 ? QStringLiteral("¥%1").arg(fen / 100) : feeText(fen);
    };
    QStringList parts;
    for (const auto& clinic : fees) {
        const QString range = clinic.lowest_fen == clinic.highest_fen
                                  ? fee(clinic.lowest_fen)
                                  : fee(clinic.lowest_fen) + QStringLiteral("\u2060–\u2060") +
                                        fee(clinic.highest_fen);
        parts << (clinic.type == platform::ClinicType::General
                      ? QCoreApplication::translate("BookingView", "general clinic %1")
                      : QCoreApplication::translate("BookingView", "named doctors %1"))
                     .arg(range);
    }
    if (parts.isEmpty()) return {};
    return QCoreApplication::translate("BookingView", "Fees: %1")
        .arg(parts.join(QCoreApplication::translate("BookingView", "; ")));
}

QString dayLabel(const std::string& isoDate) {
    const QDate date = QDate::fromString(QString::fromStdString(isoDate), Qt::ISODate);
    if (!date.isValid()) return QString::fromStdString(isoDate);
    const qint64 ahead = QDate::currentDate().daysTo(date);
    if (ahead == 0) return QCoreApplication::translate("BookingView", "Today");
    if (ahead == 1) return QCoreApplication::translate("BookingView", "Tomorrow");
    static const char* const kZh[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    static const char* const kEn[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int weekday = date.dayOfWeek() - 1;
    if (core::showingChinese()) {
        return QStringLiteral("%1 %2月%3日")
            .arg(QString::fromUtf8(kZh[weekday]))
            .arg(date.month())
            .arg(date.day());
    }
    return QStringLiteral("%1 %2 %3")
        .arg(QLatin1String(kEn[weekday]))
        .arg(date.day())
        .arg(QLatin1String(kMonths[date.month() - 1]));
}

QString periodLabel(const std::string& period) {
    return period == "morning" ? QCoreApplication::translate("BookingView", "morning")
                               : QCoreApplication::translate("BookingView", "afternoon");
}

std::pair<core::TranslatableText, core::TranslatableText> voucherRow(bool printed) {
    static const char* const kCtx = "BookingView";
    return {{kCtx, QT_TRANSLATE_NOOP("BookingView", "Voucher")},
            {kCtx, printed ? QT_TRANSLATE_NOOP("BookingView", "Printed: please take it")
                           : QT_TRANSLATE_NOOP("BookingView",
                                               "Not printed: your booking is safe all the same")}};
}

core::TranslatableText onTheDay() {
    return {"BookingView", QT_TRANSLATE_NOOP("BookingView",
                                             "On the day of your visit, check in at a "
                                             "self-service kiosk with your ID card.")};
}

QVariantList dayTabs(const std::vector<platform::Session>& sessions) {
    std::map<std::string, int> free;
    for (const auto& session : sessions) {
        for (const auto& slice : session.slices) {
            if (!slice.bookable) continue;  // today's slices past or after the cut-off
            free[session.date] += slice.remaining > 0 ? 1 : 0;
        }
    }
    QVariantList list;
    for (const auto& [date, count] : free) {
        list << QVariantMap{
            {"date", QString::fromStdString(date)}, {"label", dayLabel(date)}, {"count", count}};
    }
    return list;
}

QVariantList periodsOn(const std::vector<platform::Session>& sessions, const std::string& date,
                       bool freeOnly) {
    QVariantList list;
    for (const auto& session : sessions) {
        if (session.date != date) continue;
        QVariantList slices;
        for (const auto& slice : session.slices) {
            if (!slice.bookable || (freeOnly && slice.remaining <= 0)) continue;
            slices << QVariantMap{{"id", QString::fromStdString(slice.id)},
                                  {"time", QString::fromStdString(slice.start + "–" + slice.end)},
                                  {"remaining", slice.remaining}};
        }
        if (!slices.isEmpty())
            list << QVariantMap{{"label", periodLabel(session.period)}, {"slices", slices}};
    }
    return list;
}

QVariantMap bookingView(const platform::Booking& booking) {
    const platform::Visit& visit = booking.visit;
    return {
        {"id", QString::fromStdString(booking.id)},
        {"department",
         QString::fromStdString(core::showingChinese() ? visit.departmentZh : visit.departmentEn)},
        {"doctor", QString::fromStdString(visit.doctorName + " " + visit.doctorTitle)},
        {"when", QStringLiteral("%1 %2 %3–%4")
                     .arg(dayLabel(visit.date), periodLabel(visit.period),
                          QString::fromStdString(visit.start), QString::fromStdString(visit.end))},
        {"status", statusWord(booking)},
        {"statusText", statusText(booking)},
        {"fee", feeText(booking.feeFen)},
        {"stopService", booking.stopService},
    };
}

}  // namespace lobby::journeys
