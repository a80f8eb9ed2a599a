#include "journeys/reports_flow.h"

#include <QDateTime>
#include <algorithm>

#include "core/qml_exposure.h"
#include "journeys/booking_view.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Report;
using platform::ReportStatus;
using services::CallFailure;

namespace {
const char* const kCtx = "ReportsFlow";
const char* const kTitle = QT_TRANSLATE_NOOP("ReportsFlow", "Reports printed");
const char* const kPages = QT_TRANSLATE_NOOP("ReportsFlow", "Pages");
const char* const kPrinted = QT_TRANSLATE_NOOP("ReportsFlow", "Printed");
const char* const kTakeThem =
    QT_TRANSLATE_NOOP("ReportsFlow", "Please take your reports from the A4 printer's tray");
const char* const kDamaged = QT_TRANSLATE_NOOP(
    "ReportsFlow",
    "Your report's file from the hospital cannot be printed. It has not been counted as printed: "
    "please ask at the service desk.");
const char* const kNotPrinted = QT_TRANSLATE_NOOP(
    "ReportsFlow",
    "The printer could not print your report. It has not been counted as printed: you can print "
    "it later, or ask at the service desk.");
const char* const kPartly = QT_TRANSLATE_NOOP(
    "ReportsFlow",
    "Some of your reports were printed; please take them. The printer could not print the rest, "
    "which have not been counted as printed: ask at the service desk.");

QString statusWord(ReportStatus status) {
    switch (status) {
        case ReportStatus::Ready:
            return QStringLiteral("ready");
        case ReportStatus::Pending:
            return QStringLiteral("pending");
        case ReportStatus::Printed:
            return QStringLiteral("printed");
    }
    return QStringLiteral("pending");
}

// "今天 14:00" / "周四 12月4日 14:00": the day as the booking screens write it, then the time,
// on the hospital's clock as the platform wrote it (its offset kept, not the kiosk's zone).
QString whenText(const std::string& isoDateTime) {
    const QDateTime when = QDateTime::fromString(QString::fromStdString(isoDateTime), Qt::ISODate);
    if (!when.isValid()) return {};
    return dayLabel(when.date().toString(Qt::ISODate).toStdString()) + QLatin1Char(' ') +
           when.time().toString(QStringLiteral("HH:mm"));
}
}  // namespace

ReportsFlow::ReportsFlow(core::SessionController& session, services::PlatformService* platform,
                         SlipDesk& slips, journal::TransactionJournal* journal,
                         devices::A4PrinterService* printer, QObject* parent)
    : JourneyFlow(session, platform, slips, journal, parent), documents_(platform, printer) {
    connect(&session_, &core::SessionController::stateChanged, this, [this] {
        if (session_.currentState() == core::SessionState::Reports) load();
    });
    connect(&session_, &core::SessionController::patientLeft, this, &ReportsFlow::clear);
    connect(&session_, &core::SessionController::languageChanged, this, &ReportsFlow::changed);
}

ReportsFlow* ReportsFlow::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<ReportsFlow>(qmlEngine, kQmlName);
}

void ReportsFlow::clear() {
    documents_.forget();
    reports_.clear();
    selected_.clear();
    queue_.clear();
    printed_.clear();
    pages_ = 0;
    printingNumber_ = printingTotal_ = 0;
    loaded_ = false;
    busy_ = false;
    emit changed();
}

const Report* ReportsFlow::find(const std::string& id) const {
    for (const auto& report : reports_) {
        if (report.id == id) return &report;
    }
    return nullptr;
}

QVariantList ReportsFlow::reports() const {
    QVariantList list;
    for (const auto& report : reports_) {
        const bool pending = report.status == ReportStatus::Pending;
        list << QVariantMap{
            {"id", QString::fromStdString(report.id)},
            {"title", QString::fromStdString(report.title)},
            {"department", QString::fromStdString(report.department)},
            {"kind", report.kind == platform::ReportKind::Lab ? QStringLiteral("lab")
                                                              : QStringLiteral("imaging")},
            {"status", statusWord(report.status)},
            {"when", whenText(pending ? report.expectedAt : report.orderedAt)},
            {"selected",
             std::find(selected_.begin(), selected_.end(), report.id) != selected_.end()},
        };
    }
    return list;
}

int ReportsFlow::readyCount() const {
    return static_cast<int>(std::count_if(reports_.begin(), reports_.end(), [](const Report& r) {
        return r.status == ReportStatus::Ready;
    }));
}

void ReportsFlow::load() {
    if (platform_ == nullptr) return;
    clear();
    session_.setScreenStep({});
    setBusy(true);
    const std::string patientId = session_.patientId().toStdString();
    platform_->call<std::vector<Report>>(
        [patientId](platform::PlatformClient& client) { return client.reports(patientId); },
        [this](Result<std::vector<Report>> reports, std::optional<CallFailure> failure) {
            setBusy(false);
            if (!reports) return session_.journeyFailed(failure->message);
            reports_ = std::move(reports.value());
            // The ready ones are chosen to begin with: most patients print them all.
            for (const auto& report : reports_) {
                if (report.status == ReportStatus::Ready) selected_.push_back(report.id);
            }
            loaded_ = true;
            qCInfo(lcJourney) << "reports:" << reports_.size() << "listed," << readyCount()
                              << "ready";
            emit changed();
        });
}

void ReportsFlow::toggle(const QString& reportId) {
    if (busy_ || printing()) return;
    const std::string id = reportId.toStdString();
    const Report* report = find(id);
    if (report == nullptr || report->status != ReportStatus::Ready) return;
    const auto at = std::find(selected_.begin(), selected_.end(), id);
    if (at == selected_.end())
        selected_.push_back(id);
    else
        selected_.erase(at);
    emit changed();
}

void ReportsFlow::printSelected() {
    // In the list's order, whatever order they were tapped in.
    std::vector<std::string> ids;
    for (const auto& report : reports_) {
        if (std::find(selected_.begin(), selected_.end(), report.id) != selected_.end())
            ids.push_back(report.id);
    }
    startPrinting(std::move(ids));
}

void ReportsFlow::printAllReady() {
    std::vector<std::string> ids;
    for (const auto& report : reports_) {
        if (report.status == ReportStatus::Ready) ids.push_back(report.id);
    }
    startPrinting(std::move(ids));
}

void ReportsFlow::startPrinting(std::vector<std::string> ids) {
    if (busy_ || printing() || ids.empty() || !documents_.available()) return;
    queue_ = std::move(ids);
    printingTotal_ = static_cast<int>(queue_.size());
    printingNumber_ = 0;
    session_.setScreenStep(QStringLiteral("printing"));
    printNext();
}

void ReportsFlow::printNext() {
    if (queue_.empty()) return finish();
    const std::string id = queue_.front();
    ++printingNumber_;
    setBusy(true);
    documents_.print(
        "report-" + id,
        [id](platform::PlatformClient& client) { return client.reportDocument(id); },
        [this, id](DocumentPrinted printed) {
            switch (printed.failure) {
                case DocumentPrinted::Failure::None:
                    return countPrinted(id, printed.pages);
                case DocumentPrinted::Failure::Unprintable:
                    return stopWith(core::TranslatableText(kCtx, kDamaged));
                case DocumentPrinted::Failure::Platform:
                    return stopWith(printed.platformWords);
                case DocumentPrinted::Failure::Printer:
                    return stopWith(core::TranslatableText(kCtx, kNotPrinted));
            }
        });
}

// Counted only now that the printer says the job completed. Its own key: a lost reply asked
// again is not a second print.
void ReportsFlow::countPrinted(const std::string& id, int pages) {
    pages_ += pages;
    if (const Report* report = find(id)) printed_.push_back(report->title);
    const std::string key = "report-" + id + "-" + newKey();
    platform_->call<Report>(
        [id, key](platform::PlatformClient& client) { return client.markReportPrinted(id, key); },
        [this, id](Result<Report> counted, std::optional<CallFailure>) {
            // The paper is in the patient's hand either way; a platform that had it counted
            // already (no_prints_left) agrees it was printed.
            if (!counted && counted.error().code != "no_prints_left") {
                qCWarning(lcJourney).noquote()
                    << "report" << id.c_str()
                    << "printed but not counted:" << counted.error().code.c_str();
            }
            queue_.erase(queue_.begin());
            printNext();
        });
}

void ReportsFlow::finish() {
    setBusy(false);
    core::JourneyOutcome outcome;
    outcome.title = core::TranslatableText(kCtx, kTitle);
    outcome.headlineLabel = core::TranslatableText(kCtx, kPages);
    outcome.headline = QString::number(pages_);
    for (const auto& title : printed_) {
        outcome.rows.append({core::TranslatableText::verbatim(QString::fromStdString(title)),
                             core::TranslatableText(kCtx, kPrinted)});
    }
    outcome.next = core::TranslatableText(kCtx, kTakeThem);
    qCInfo(lcJourney) << "reports:" << printed_.size() << "printed," << pages_ << "pages";
    session_.journeySucceeded(outcome);
}

void ReportsFlow::stopWith(const core::TranslatableText& message) {
    setBusy(false);
    queue_.clear();
    session_.journeyFailed(printed_.empty() ? message : core::TranslatableText(kCtx, kPartly));
}

}  // namespace lobby::journeys
