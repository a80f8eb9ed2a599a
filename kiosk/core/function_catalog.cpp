#include "core/function_catalog.h"

#include <QCoreApplication>
#include <QVariantMap>
#include <array>

namespace lobby::core {
namespace {

struct FunctionNeeds {
    const char* id;
    bool needsPrinter;
};

constexpr std::array kFunctions = {
    FunctionNeeds{"pickup", true},
    FunctionNeeds{"book", true},
    FunctionNeeds{"cancel", true},
    FunctionNeeds{"my_bookings", false},
};

}  // namespace

FunctionCatalog::FunctionCatalog(QObject* parent) : QObject(parent) {}

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

QString FunctionCatalog::unavailableReason(const QString& id) const {
    for (const auto& function : kFunctions) {
        if (id != QLatin1String(function.id)) continue;
        // The printer first: "out of paper" tells staff what to fix at this very kiosk.
        if (function.needsPrinter && health_.printer != PrinterReadiness::Ready) {
            switch (health_.printer) {
                case PrinterReadiness::PaperOut:
                    return QCoreApplication::translate("FunctionCatalog",
                                                       "The slip printer is out of paper");
                case PrinterReadiness::CoverOpen:
                    return QCoreApplication::translate("FunctionCatalog",
                                                       "The slip printer's cover is open");
                default:
                    return QCoreApplication::translate("FunctionCatalog",
                                                       "The slip printer is not ready");
            }
        }
        if (!health_.platformConnected) {
            return QCoreApplication::translate("FunctionCatalog",
                                               "The appointment service is not connected");
        }
        return {};
    }
    return QCoreApplication::translate("FunctionCatalog", "Not offered on this kiosk");
}

QVariantList FunctionCatalog::functions() const {
    QVariantList list;
    for (const auto& function : kFunctions) {
        const QString id = QString::fromLatin1(function.id);
        const QString reason = unavailableReason(id);
        list << QVariantMap{{"id", id}, {"available", reason.isEmpty()}, {"reason", reason}};
    }
    return list;
}

bool FunctionCatalog::isAvailable(const QString& id) const {
    return unavailableReason(id).isEmpty();
}

}  // namespace lobby::core
