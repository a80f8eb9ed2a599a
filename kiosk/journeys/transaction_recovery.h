#pragma once
// Settles what the transaction journal still has open, and hands patients the slips they are
// owed. A reconciliation pass runs at start, when a patient leaves, and every interval while
// nobody is at the kiosk (never mid-journey, so the next patient sees nothing of it; a pass
// begun during a farewell runs on if the next patient starts); each open transaction is
// settled on the platform worker by journal::reconcile(). When a patient identifies and a slip
// of theirs failed to print earlier (printer out of paper, kiosk restarted), it is reprinted
// from the platform's data and the menu says so.

#include <QObject>
#include <QTimer>
#include <chrono>

#include "journal/reconcile.h"

namespace lobby::core {
class SessionController;
}
namespace lobby::services {
class PlatformService;
}

namespace lobby::journeys {

class SlipDesk;

class TransactionRecovery : public QObject {
    Q_OBJECT
public:
    TransactionRecovery(core::SessionController& session, services::PlatformService& platform,
                        journal::TransactionJournal& journal, SlipDesk& slips,
                        std::chrono::seconds interval, QObject* parent = nullptr);

    void start();
    // A pass now, if nobody is at the kiosk (attract screen or farewell) and no pass is running.
    void reconcileNow();

signals:
    // A pass ended: how many transactions it closed, parked owing a slip, and left open.
    void passFinished(int closed, int owed, int open);
    void reprinted(qint64 transaction);

private:
    void settleOne(const journal::Transaction& transaction);
    void finishOne(const journal::Transaction& transaction, const journal::Resolution& result);
    void reprintFor(const QString& patientId);
    void reprint(const journal::Transaction& transaction, const QString& patientId);

    core::SessionController& session_;
    services::PlatformService& platform_;
    journal::TransactionJournal& journal_;
    SlipDesk& slips_;
    QTimer timer_;
    int pending_ = 0;  // transactions of the running pass still on the worker
    int closed_ = 0, owed_ = 0, open_ = 0;
};

}  // namespace lobby::journeys
