#include "journeys/invoices_flow.h"

#include "core/qml_exposure.h"
#include "journeys/booking_view.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::EInvoiceEntry;
using services::CallFailure;

namespace {
const char* const kCtx = "InvoicesFlow";
const char* const kTitle = QT_TRANSLATE_NOOP("InvoicesFlow", "E-invoice printed");
const char* const kNumber = QT_TRANSLATE_NOOP("InvoicesFlow", "Invoice number");
const char* const kCode = QT_TRANSLATE_NOOP("InvoicesFlow", "Invoice code");
const char* const kCheckCode = QT_TRANSLATE_NOOP("InvoicesFlow", "Check code");
const char* const kAmount = QT_TRANSLATE_NOOP("InvoicesFlow", "Amount");
const char* const kPages = QT_TRANSLATE_NOOP("InvoicesFlow", "Pages");
const char* const kTakeIt =
    QT_TRANSLATE_NOOP("InvoicesFlow", "Please take your e-invoice from the A4 printer's tray");
const char* const kDamaged = QT_TRANSLATE_NOOP(
    "InvoicesFlow",
    "The e-invoice's file from the hospital cannot be printed. Scan its QR code to keep it on "
    "your phone, or ask at the service desk.");
const char* const kNotPrinted = QT_TRANSLATE_NOOP(
    "InvoicesFlow",
    "The printer could not print your e-invoice. Scan its QR code to keep it on your phone, or "
    "ask at the service desk.");
}  // namespace

InvoicesFlow::InvoicesFlow(core::SessionController& session, services::PlatformService* platform,
                           SlipDesk& slips, journal::TransactionJournal* journal,
                           devices::A4PrinterService* printer, QObject* parent)
    : JourneyFlow(session, platform, slips, journal, parent), documents_(platform, printer) {
    connect(&session_, &core::SessionController::stateChanged, this, [this] {
        if (session_.currentState() == core::SessionState::Invoices) load();
    });
    connect(&session_, &core::SessionController::patientLeft, this, &InvoicesFlow::clear);
    connect(&session_, &core::SessionController::languageChanged, this, &InvoicesFlow::changed);
}

InvoicesFlow* InvoicesFlow::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<InvoicesFlow>(qmlEngine, kQmlName);
}

void InvoicesFlow::clear() {
    documents_.forget();
    invoices_.clear();
    shown_.clear();
    printing_ = false;
    loaded_ = false;
    busy_ = false;
    emit changed();
}

const EInvoiceEntry* InvoicesFlow::find(const std::string& id) const {
    for (const auto& entry : invoices_) {
        if (entry.id == id) return &entry;
    }
    return nullptr;
}

QVariantMap InvoicesFlow::view(const EInvoiceEntry& entry) const {
    return {
        {"id", QString::fromStdString(entry.id)},
        {"code", QString::fromStdString(entry.invoice.code)},
        {"number", QString::fromStdString(entry.invoice.number)},
        {"checkCode", QString::fromStdString(entry.invoice.checkCode)},
        {"amount", feeText(entry.invoice.amount_fen)},
        {"issued", QString::fromStdString(entry.issuedAt.substr(0, 10))},
        {"verifyUrl", QString::fromStdString(entry.invoice.verifyUrl)},
    };
}

QVariantList InvoicesFlow::invoices() const {
    QVariantList list;
    for (const auto& entry : invoices_)
        list << view(entry);
    return list;
}

QVariantMap InvoicesFlow::shown() const {
    const EInvoiceEntry* entry = find(shown_);
    return entry != nullptr ? view(*entry) : QVariantMap{};
}

void InvoicesFlow::load() {
    if (platform_ == nullptr) return;
    clear();
    session_.setScreenStep({});
    setBusy(true);
    const std::string patientId = session_.patientId().toStdString();
    platform_->call<std::vector<EInvoiceEntry>>(
        [patientId](platform::PlatformClient& client) { return client.eInvoices(patientId); },
        [this](Result<std::vector<EInvoiceEntry>> invoices, std::optional<CallFailure> failure) {
            setBusy(false);
            if (!invoices) return session_.journeyFailed(failure->message);
            invoices_ = std::move(invoices.value());
            loaded_ = true;
            qCInfo(lcJourney) << "e-invoices:" << invoices_.size() << "listed";
            emit changed();
        });
}

void InvoicesFlow::showQr(const QString& invoiceId) {
    if (busy_ || printing_ || find(invoiceId.toStdString()) == nullptr) return;
    shown_ = invoiceId.toStdString();
    session_.setScreenStep(QStringLiteral("qr"));
    emit changed();
}

void InvoicesFlow::closeQr() {
    if (shown_.empty()) return;
    shown_.clear();
    session_.setScreenStep({});
    emit changed();
}

void InvoicesFlow::print(const QString& invoiceId) {
    const std::string id = invoiceId.toStdString();
    if (busy_ || printing_ || find(id) == nullptr || !documents_.available()) return;
    printing_ = true;
    shown_.clear();
    session_.setScreenStep(QStringLiteral("printing"));
    setBusy(true);
    documents_.print(
        "e-invoice-" + id,
        [id](platform::PlatformClient& client) { return client.eInvoiceDocument(id); },
        [this, id](DocumentPrinted printed) {
            setBusy(false);
            printing_ = false;
            const EInvoiceEntry* entry = find(id);
            if (printed.failure != DocumentPrinted::Failure::None || entry == nullptr) {
                return session_.journeyFailed(
                    printed.failure == DocumentPrinted::Failure::Platform
                        ? printed.platformWords
                        : core::TranslatableText(
                              kCtx, printed.failure == DocumentPrinted::Failure::Unprintable
                                        ? kDamaged
                                        : kNotPrinted));
            }
            qCInfo(lcJourney) << "e-invoice printed," << printed.pages << "pages";
            core::JourneyOutcome outcome;
            outcome.title = core::TranslatableText(kCtx, kTitle);
            outcome.headlineLabel = core::TranslatableText(kCtx, kNumber);
            outcome.headline = QString::fromStdString(entry->invoice.number);
            const auto verbatim = [](const std::string& text) {
                return core::TranslatableText::verbatim(QString::fromStdString(text));
            };
            outcome.rows = {
                {core::TranslatableText(kCtx, kCode), verbatim(entry->invoice.code)},
                {core::TranslatableText(kCtx, kCheckCode), verbatim(entry->invoice.checkCode)},
                {core::TranslatableText(kCtx, kAmount),
                 core::TranslatableText::verbatim(feeText(entry->invoice.amount_fen))},
                {core::TranslatableText(kCtx, kPages),
                 core::TranslatableText::verbatim(QString::number(printed.pages))},
            };
            outcome.next = core::TranslatableText(kCtx, kTakeIt);
            session_.journeySucceeded(outcome);
        });
}

}  // namespace lobby::journeys
