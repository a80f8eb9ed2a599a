#pragma once
// The reports' and e-invoices' replies decoded as strictly as the rest (replies.h).

#include <string>
#include <vector>

#include "common/error.h"
#include "platform/document_types.h"

namespace lobby::platform::replies {

Result<std::vector<Report>> reports(const std::string& body);
Result<Report> report(const std::string& body);
Result<std::vector<EInvoiceEntry>> eInvoices(const std::string& body);

}  // namespace lobby::platform::replies
