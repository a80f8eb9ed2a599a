#include "journeys/document_printing.h"

#include "devices/a4_printer_service.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using services::CallFailure;

void DocumentPrinting::print(std::string reference, Fetch fetch,
                             std::function<void(DocumentPrinted)> done) {
    if (!available()) return done({DocumentPrinted::Failure::Printer, 0, {}});
    platform_->call<printer::PdfDocument>(
        [fetch =
             std::move(fetch)](platform::PlatformClient& client) -> Result<printer::PdfDocument> {
            auto bytes = fetch(client);
            if (!bytes) return bytes.error();
            return printer::checkPdf({bytes->begin(), bytes->end()});
        },
        [this, reference, done](Result<printer::PdfDocument> document,
                                std::optional<CallFailure> failure) {
            if (!document) {
                qCWarning(lcJourney).noquote()
                    << reference.c_str() << "not fetched:" << document.error().code.c_str();
                if (document.error().code.rfind("pdf.", 0) == 0)
                    return done({DocumentPrinted::Failure::Unprintable, 0, {}});
                return done({DocumentPrinted::Failure::Platform, 0, failure->message});
            }
            const std::uint64_t visit = visit_;
            printer_->print(reference, std::move(document.value()),
                            [this, visit, done](Result<printer::A4Printed> printed) {
                                if (visit != visit_) return;  // that patient has gone
                                if (!printed)
                                    return done({DocumentPrinted::Failure::Printer, 0, {}});
                                done({DocumentPrinted::Failure::None, printed->pages, {}});
                            });
        });
}

}  // namespace lobby::journeys
