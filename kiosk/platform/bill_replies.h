#pragma once
// 门诊缴费's replies decoded, as strictly as the others (replies.h): amounts range-checked, the
// insurance split adding up, every status a known word. Fuzzed with them.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "common/error.h"
#include "platform/bill_types.h"

namespace lobby::platform::replies {

Result<std::vector<Bill>> bills(const std::string& body);
Result<BillLock> billLock(const std::string& body);
Result<Presettlement> presettlement(const std::string& body);
Result<Settlement> settlement(const std::string& body);
Result<Reversal> reversal(const std::string& body);
Result<BillPayment> billPayment(const std::string& body);
Result<BillReceipt> billReceipt(const std::string& body);
// One e-invoice object (in a receipt, or listed): the finance bureau's numbers and a plain
// https address, checked.
Result<EInvoice> eInvoice(const nlohmann::json& object);
std::string_view toString(BillPayMethod method);

}  // namespace lobby::platform::replies
