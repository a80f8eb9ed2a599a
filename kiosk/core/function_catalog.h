#pragma once
// Which patient functions this kiosk can serve right now, and if not, why. Computed from the
// health of what each function needs, so a patient sees "unavailable: out of paper" on the menu
// before starting rather than halfway through.

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTime>
#include <QTimer>
#include <QVariantList>
#include <functional>

namespace lobby::core {

// What the slip printer can do, as far as a patient is concerned.
enum class PrinterReadiness { Ready, PaperOut, CoverOpen, NotReady };
// The A4 printer (reports, e-invoices): a kiosk without one does not list what it would print.
enum class A4Readiness { Absent, Ready, NotReady };
// The means a patient can identify with at this kiosk: each needs its reader configured and
// answering (a reader unplugged, pcscd stopped: withdrawn before anyone tries it).
enum class IdentityMeans { IdCard, SocialSecurityCard, Scanner };

struct ServiceHealth {
    bool platformConnected = false;  // the appointment platform client is configured and answering
    PrinterReadiness printer = PrinterReadiness::NotReady;
    A4Readiness a4 = A4Readiness::Absent;
};

class FunctionCatalog : public QObject {
    Q_OBJECT
public:
    explicit FunctionCatalog(QObject* parent = nullptr);

    void setHealth(const ServiceHealth& health);
    void setPlatformConnected(bool connected);
    void setPrinter(PrinterReadiness readiness);
    void setA4Printer(A4Readiness readiness);
    // The scene's choice: which functions the menu shows, in its order (empty: all of them).
    void setOffered(const QStringList& ids);
    // The scene's opening hours, in minutes after midnight; outside them nothing is available.
    void setOpeningHours(int opensAt_min, int closesAt_min);
    void setClock(std::function<QTime()> clock) { clock_ = std::move(clock); }
    // [{id, title, available, reason}], in the current UI language; reason empty when available.
    QVariantList functions() const;
    void setIdentityMeans(IdentityMeans means, bool available);
    // Out of service for an update: every function unavailable, with that reason, and no means
    // of identification offered.
    void setUpdating(bool updating);
    // "idcard", "ssc", "qr": what the attract screen invites a patient to use.
    QStringList identityMeans() const;
    bool isAvailable(const QString& id) const;

signals:
    void changed();

private:
    QString unavailableReason(const QString& id) const;
    QStringList menuOrder() const;
    bool isOpenNow() const;
    ServiceHealth health_;
    QStringList offered_;
    int opensAt_min_ = 0, closesAt_min_ = 24 * 60;
    std::function<QTime()> clock_ = [] { return QTime::currentTime(); };
    QTimer hoursTimer_;  // notices opening and closing time while the menu is on screen
    bool wasOpen_ = true;
    bool idCard_ = false, socialSecurityCard_ = false, scanner_ = false;
    bool updating_ = false;
};

}  // namespace lobby::core
