#pragma once
// 报告打印: the patient's lab and imaging reports, ready, pending ("expected at 14:00") or
// printed; the ones chosen (or every ready one) fetched, checked and printed on the A4 printer
// one after another. A report is counted printed on the platform only once the printer reports
// its job completed, under a key of its own; a job the printer lost twice leaves it unprinted.
// Exposed to QML as `Reports`. Reports are personal data: only their titles and states are
// held, in memory, until the patient leaves; a document lives only while its job runs.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QVariantList>
#include <vector>

#include "journeys/document_printing.h"
#include "journeys/journey_flow.h"
#include "platform/document_types.h"

class QQmlEngine;
class QJSEngine;

namespace lobby::devices {
class A4PrinterService;
}

namespace lobby::journeys {

class ReportsFlow : public JourneyFlow {
    Q_OBJECT
    QML_NAMED_ELEMENT(Reports)
    QML_SINGLETON
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QVariantList reports READ reports NOTIFY changed)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY changed)
    Q_PROPERTY(int readyCount READ readyCount NOTIFY changed)
    Q_PROPERTY(bool printing READ printing NOTIFY changed)
    Q_PROPERTY(int printingNumber READ printingNumber NOTIFY changed)
    Q_PROPERTY(int printingTotal READ printingTotal NOTIFY changed)

public:
    ReportsFlow(core::SessionController& session, services::PlatformService* platform,
                SlipDesk& slips, journal::TransactionJournal* journal,
                devices::A4PrinterService* printer, QObject* parent = nullptr);
    static ReportsFlow* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "reports";

    bool loaded() const { return loaded_; }
    // Each: {id, title, department, kind ("lab" | "imaging"), status ("ready" | "pending" |
    // "printed"), when (ordered, or expected for a pending one, as a patient reads it),
    // selected}.
    QVariantList reports() const;
    int selectedCount() const { return static_cast<int>(selected_.size()); }
    int readyCount() const;
    bool printing() const { return !queue_.empty() || printingNumber_ > 0; }
    int printingNumber() const { return printingNumber_; }
    int printingTotal() const { return printingTotal_; }

    Q_INVOKABLE void toggle(const QString& reportId);
    Q_INVOKABLE void printSelected();
    Q_INVOKABLE void printAllReady();

private:
    void load();
    void clear() override;
    void startPrinting(std::vector<std::string> ids);
    void printNext();
    void countPrinted(const std::string& id, int pages);
    void finish();
    void stopWith(const core::TranslatableText& message);
    const platform::Report* find(const std::string& id) const;

    DocumentPrinting documents_;
    std::vector<platform::Report> reports_;
    std::vector<std::string> selected_;
    std::vector<std::string> queue_;    // still to print, in order
    std::vector<std::string> printed_;  // titles printed, for the done screen
    int pages_ = 0;
    int printingNumber_ = 0, printingTotal_ = 0;
    bool loaded_ = false;
};

}  // namespace lobby::journeys
