#include "platform/document_replies.h"

#include "platform/bill_replies.h"
#include "platform/reply_decoding.h"

namespace lobby::platform::replies {

using namespace decoding;

namespace {

constexpr std::size_t kMaxListed = 200;

constexpr std::pair<ReportKind, std::string_view> kKinds[] = {
    {ReportKind::Lab, "lab"},
    {ReportKind::Imaging, "imaging"},
};
constexpr std::pair<ReportStatus, std::string_view> kStatuses[] = {
    {ReportStatus::Ready, "ready"},
    {ReportStatus::Pending, "pending"},
    {ReportStatus::Printed, "printed"},
};

// "2026-12-03T14:00:00+08:00": a date and a time, the rest (seconds, zone) as the platform
// writes it. Only the shape is checked; a patient is shown the date and the time of day.
bool isDateTime(const std::string& text) {
    auto digits = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i)
            if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
        return true;
    };
    return text.size() >= 16 && text.size() <= 35 && digits(0, 4) && text[4] == '-' &&
           digits(5, 2) && text[7] == '-' && digits(8, 2) && text[10] == 'T' && digits(11, 2) &&
           text[13] == ':' && digits(14, 2);
}

std::string optionalText(const json& object, const char* name, std::optional<Error>& error) {
    if (error || !object.contains(name)) return {};
    auto value = field<std::string>(object, name);
    if (!value) {
        error = value.error();
        return {};
    }
    return value.value();
}

Result<Report> decodeReport(const json& object) {
    auto report = decode<Report>(object, [](Decoder& d) {
        Report r{d.text("id"),
                 d.status("kind", kKinds),
                 d.text("title"),
                 d.text("department"),
                 d.text("ordered_at"),
                 d.status("status", kStatuses),
                 d.integer("prints_left", 0, 9),
                 {}};
        r.expectedAt = optionalText(d.object, "expected_at", d.error);
        return r;
    });
    if (!report) return report;
    if (report->id.empty() || report->id.size() > 128 || report->title.empty())
        return badReply("has a report without its id or title");
    if (!isDateTime(report->orderedAt) ||
        (!report->expectedAt.empty() && !isDateTime(report->expectedAt)))
        return badReply("has a report whose times are not dates and times");
    if (report->status == ReportStatus::Ready && report->printsLeft == 0)
        return badReply("has a ready report with no print left");
    return report;
}

}  // namespace

Result<std::vector<Report>> reports(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    if (parsed->is_array() && parsed->size() > kMaxListed)
        return badReply("lists too many reports");
    return decodeList<Report>(parsed.value(), "reports", decodeReport);
}

Result<Report> report(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decodeReport(parsed.value());
}

Result<std::vector<EInvoiceEntry>> eInvoices(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    if (parsed->is_array() && parsed->size() > kMaxListed)
        return badReply("lists too many e-invoices");
    return decodeList<EInvoiceEntry>(
        parsed.value(), "e-invoices", [](const json& object) -> Result<EInvoiceEntry> {
            auto invoice = eInvoice(object);
            if (!invoice) return invoice.error();
            std::optional<Error> error;
            EInvoiceEntry entry{optionalText(object, "id", error), std::move(invoice.value()),
                                optionalText(object, "issued_at", error)};
            if (error) return *error;
            if (entry.id.empty() || entry.id.size() > 128)
                return badReply("has an e-invoice without its id");
            if (!entry.issuedAt.empty() && !isDateTime(entry.issuedAt))
                return badReply("has an e-invoice whose date is not a date and time");
            return entry;
        });
}

}  // namespace lobby::platform::replies
