#include "core/function_catalog.h"

#include "core/time_of_day.h"

#include <QCoreApplication>
#include <QVariantMap>
#include <array>

namespace lobby::core {
namespace {

enum class Printing { None, Slip, A4 };

struct FunctionNeeds {
    const char* id;
    Printing prints;
    const char* title;  // the glossary's name for it (i18n/glossary.md), on every screen
};

constexpr int kOpeningHoursCheck_ms = 20'000;

constexpr std::array kFunctions = {
    FunctionNeeds{"pickup", Printing::Slip,
                  QT_TRANSLATE_NOOP("FunctionCatalog", "Pick up appointment")},
    FunctionNeeds{"register", Printing::Slip,
                  QT_TRANSLATE_NOOP("FunctionCatalog", "Register for today")},
    FunctionNeeds{"book", Printing::Slip,
                  QT_TRANSLATE_NOOP("FunctionCatalog", "Book an appointment")},
    FunctionNeeds{"cancel", Printing::Slip,
                  QT_TRANSLATE_NOOP("FunctionCatalog", "Cancel and refund")},
    FunctionNeeds{"my_bookings", Printing::None,
                  QT_TRANSLATE_NOOP("FunctionCatalog", "My bookings")},
    FunctionNeeds{"bills", Printing::Slip, QT_TRANSLATE_NOOP("FunctionCatalog", "Pay bills")},
    FunctionNeeds{"reports", Printing::A4, QT_TRANSLATE_NOOP("FunctionCatalog", "Print reports")},
    FunctionNeeds{"invoices", Printing::A4,
                  QT_TRANSLATE_NOOP("FunctionCatalog", "Print e-invoices")},
};

}  // namespace

FunctionCatalog::FunctionCatalog(QObject* parent) : QObject(parent) {
    hoursTimer_.setInterval(kOpeningHoursCheck_ms);
    connect(&hoursTimer_, &QTimer::timeout, this, [this] {
        if (isOpenNow() == wasOpen_) return;
        wasOpen_ = !wasOpen_;
        emit changed();
    });
}

bool FunctionCatalog::isOpenNow() const {
    const QTime now = clock_();
    const int minute = now.hour() * 60 + now.minute();
    return minute >= opensAt_min_ && minute < closesAt_min_;
}

void FunctionCatalog::setHealth(const ServiceHealth& health) {
    health_ = health;
    emit changed();
}

void FunctionCatalog::setPlatformConnected(bool connected) {
    if (health_.platformConnected == connected) return;
    health_.platformConnected = connected;
    emit changed();
}

void FunctionCatalog::setPrinter(PrinterReadiness readiness) {
    if (health_.printer == readiness) return;
    health_.printer = readiness;
    emit changed();
}

void FunctionCatalog::setA4Printer(A4Readiness readiness) {
    if (health_.a4 == readiness) return;
    health_.a4 = readiness;
    emit changed();
}

void FunctionCatalog::setOffered(const QStringList& ids) {
    if (ids == offered_) return;
    offered_ = ids;
    emit changed();
}

void FunctionCatalog::setOpeningHours(int opensAt_min, int closesAt_min) {
    opensAt_min_ = opensAt_min;
    closesAt_min_ = closesAt_min;
    wasOpen_ = isOpenNow();
    if (opensAt_min_ > 0 || closesAt_min_ < 24 * 60)
        hoursTimer_.start();
    else
        hoursTimer_.stop();
    emit changed();
}

QStringList FunctionCatalog::menuOrder() const {
    QStringList all;
    if (!offered_.isEmpty()) {
        all = offered_;
    } else {
        for (const auto& function : kFunctions)
            all << QString::fromLatin1(function.id);
    }
    // What needs an A4 printer is not listed on a kiosk that has none.
    if (health_.a4 == A4Readiness::Absent) {
        for (const auto& function : kFunctions) {
            if (function.prints == Printing::A4) all.removeAll(QString::fromLatin1(function.id));
        }
    }
    return all;
}

QString FunctionCatalog::unavailableReason(const QString& id) const {
    if (!menuOrder().contains(id))
        return QCoreApplication::translate("FunctionCatalog", "Not offered on this kiosk");
    if (updating_) {
        return QCoreApplication::translate("FunctionCatalog",
                                           "Paused while this kiosk is updated; back shortly");
    }
    if (!isOpenNow()) {
        return QCoreApplication::translate("FunctionCatalog",
                                           "This kiosk serves patients from %1 to %2")
            .arg(timeOfDayText(opensAt_min_), timeOfDayText(closesAt_min_));
    }
    for (const auto& function : kFunctions) {
        if (id != QLatin1String(function.id)) continue;
        // In the patient's words, the outage first: a kiosk that cannot reach the hospital
        // serves nobody, whatever its printer. What to fix (paper, cover) is for the staff, on
        // the maintenance screen and in the heartbeat.
        if (!health_.platformConnected) {
            return QCoreApplication::translate("FunctionCatalog",
                                               "The hospital's booking system cannot be reached");
        }
        if (function.prints == Printing::Slip && health_.printer != PrinterReadiness::Ready)
            return QCoreApplication::translate("FunctionCatalog", "This kiosk cannot print now");
        if (function.prints == Printing::A4 && health_.a4 != A4Readiness::Ready) {
            return QCoreApplication::translate("FunctionCatalog",
                                               "This kiosk cannot print reports now");
        }
        return {};
    }
    return QCoreApplication::translate("FunctionCatalog", "Not offered on this kiosk");
}

QVariantList FunctionCatalog::functions() const {
    QVariantList list;
    for (const QString& id : menuOrder()) {
        const QString reason = unavailableReason(id);
        QString title = id;
        for (const auto& function : kFunctions) {
            if (id == QLatin1String(function.id))
                title = QCoreApplication::translate("FunctionCatalog", function.title);
        }
        list << QVariantMap{
            {"id", id}, {"title", title}, {"available", reason.isEmpty()}, {"reason", reason}};
    }
    return list;
}

bool FunctionCatalog::isAvailable(const QString& id) const {
    return unavailableReason(id).isEmpty();
}

void FunctionCatalog::setIdentityMeans(IdentityMeans means, bool available) {
    bool& slot = means == IdentityMeans::IdCard               ? idCard_
                 : means == IdentityMeans::SocialSecurityCard ? socialSecurityCard_
                                                              : scanner_;
    if (slot == available) return;
    slot = available;
    emit changed();
}

void FunctionCatalog::setUpdating(bool updating) {
    if (updating_ == updating) return;
    updating_ = updating;
    emit changed();
}

QStringList FunctionCatalog::identityMeans() const {
    QStringList means;
    if (updating_) return means;
    if (idCard_) means << QStringLiteral("idcard");
    if (socialSecurityCard_) means << QStringLiteral("ssc");
    if (scanner_) means << QStringLiteral("qr");
    return means;
}

}  // namespace lobby::core
