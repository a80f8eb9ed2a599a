#pragma once
// 发票打印: the patient's medical e-invoices (电子票据: 票据代码, 票据号码, 校验码, amount, date),
// each printed on the A4 printer in the finance bureau's layout, or its verification address
// shown as a QR for the patient to keep it on their phone. Exposed to QML as `Invoices`. Like
// reports, personal data: held in memory until the patient leaves, the PDF only while it prints.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <vector>

#include "journeys/document_printing.h"
#include "journeys/journey_flow.h"
#include "platform/document_types.h"

class QQmlEngine;
class QJSEngine;

namespace lobby::journeys {

class InvoicesFlow : public JourneyFlow {
    Q_OBJECT
    QML_NAMED_ELEMENT(Invoices)
    QML_SINGLETON
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QVariantList invoices READ invoices NOTIFY changed)
    Q_PROPERTY(bool printing READ printing NOTIFY changed)
    Q_PROPERTY(QVariantMap shown READ shown NOTIFY changed)

public:
    InvoicesFlow(core::SessionController& session, services::PlatformService* platform,
                 SlipDesk& slips, journal::TransactionJournal* journal,
                 devices::A4PrinterService* printer, QObject* parent = nullptr);
    static InvoicesFlow* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "invoices";

    bool loaded() const { return loaded_; }
    // Each: {id, code, number, checkCode, amount ("¥56.90"), issued ("2026-12-03"), verifyUrl}.
    QVariantList invoices() const;
    bool printing() const { return printing_; }
    // The invoice whose QR is on screen (as in invoices()); empty when none.
    QVariantMap shown() const;

    Q_INVOKABLE void print(const QString& invoiceId);
    Q_INVOKABLE void showQr(const QString& invoiceId);
    Q_INVOKABLE void closeQr();

private:
    void load();
    void clear() override;
    const platform::EInvoiceEntry* find(const std::string& id) const;
    QVariantMap view(const platform::EInvoiceEntry& entry) const;

    DocumentPrinting documents_;
    std::vector<platform::EInvoiceEntry> invoices_;
    std::string shown_;
    bool printing_ = false;
    bool loaded_ = false;
};

}  // namespace lobby::journeys
