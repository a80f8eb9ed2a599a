#pragma once
// A document the platform serves, printed on the A4 printer: fetched on the platform's worker,
// checked there (printer::checkPdf), then printed on the printer's own thread. One answer per
// document, on the Qt loop, unless the patient has gone in between (forget()). Shared by
// 报告打印 and 发票打印, which word the outcome each their own way.

#include <functional>
#include <optional>
#include <string>

#include "core/translatable_text.h"
#include "platform/platform_client.h"
#include "printer/a4_printer.h"

namespace lobby::services {
class PlatformService;
}
namespace lobby::devices {
class A4PrinterService;
}

namespace lobby::journeys {

struct DocumentPrinted {
    enum class Failure { None, Unprintable, Platform, Printer };
    Failure failure = Failure::None;
    int pages = 0;
    core::TranslatableText platformWords;  // Failure::Platform: the platform's own words
};

class DocumentPrinting {
public:
    DocumentPrinting(services::PlatformService* platform, devices::A4PrinterService* printer)
        : platform_(platform), printer_(printer) {}

    bool available() const { return platform_ != nullptr && printer_ != nullptr; }
    using Fetch = std::function<Result<std::string>(platform::PlatformClient&)>;
    // `reference` names the job without personal data (e.g. "report-<id>").
    void print(std::string reference, Fetch fetch, std::function<void(DocumentPrinted)> done);
    // The patient has gone: an answer still to come is dropped.
    void forget() { ++visit_; }

private:
    services::PlatformService* platform_;
    devices::A4PrinterService* printer_;
    std::uint64_t visit_ = 0;
};

}  // namespace lobby::journeys
