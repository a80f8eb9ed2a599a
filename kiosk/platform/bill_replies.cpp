#include "platform/bill_replies.h"

#include "platform/reply_decoding.h"

namespace lobby::platform::replies {
namespace {

using namespace decoding;

// No outpatient bill of a kiosk's is over ¥1,000,000, nor a line over 10,000 units.
constexpr std::int64_t kMaxAmount_fen = 100'000'000;
constexpr std::int64_t kMaxCount = 10'000;
constexpr std::size_t kMaxItems = 200;
constexpr std::size_t kMaxBills = 100;

constexpr std::pair<BillCategory, std::string_view> kCategories[] = {
    {BillCategory::Drug, "drug"},
    {BillCategory::Lab, "lab"},
    {BillCategory::Exam, "exam"},
    {BillCategory::Treatment, "treatment"},
};
constexpr std::pair<InsuranceClass, std::string_view> kClasses[] = {
    {InsuranceClass::A, "a"},
    {InsuranceClass::B, "b"},
    {InsuranceClass::SelfPaid, "c"},
};
constexpr std::pair<BillLockStatus, std::string_view> kLockStatuses[] = {
    {BillLockStatus::Held, "held"},
    {BillLockStatus::Released, "released"},
    {BillLockStatus::Superseded, "superseded"},
};
constexpr std::pair<SettlementStatus, std::string_view> kSettlementStatuses[] = {
    {SettlementStatus::Settled, "settled"},
    {SettlementStatus::Cancelled, "cancelled"},
    {SettlementStatus::Reversed, "reversed"},
};
constexpr std::pair<BillPayMethod, std::string_view> kPayMethods[] = {
    {BillPayMethod::WeChat, "wechat"},
    {BillPayMethod::Alipay, "alipay"},
    {BillPayMethod::PaymentCode, "payment_code"},
};
constexpr std::pair<BillPaymentStatus, std::string_view> kPaymentStatuses[] = {
    {BillPaymentStatus::Pending, "pending"},   {BillPaymentStatus::UserPaying, "user_paying"},
    {BillPaymentStatus::Captured, "captured"}, {BillPaymentStatus::Failed, "failed"},
    {BillPaymentStatus::Reversed, "reversed"}, {BillPaymentStatus::Refunded, "refunded"},
};

int amount(Decoder& d, const char* name) {
    return d.integer(name, 0, kMaxAmount_fen);
}

// A member of an object, or null when the object lacks it (const operator[] would be undefined).
const json& member(const json& object, const char* name) {
    static const json kAbsent;
    if (!object.is_object()) return kAbsent;
    const auto found = object.find(name);
    return found != object.end() ? *found : kAbsent;
}

Result<BillItem> decodeItem(const json& object) {
    auto item = decode<BillItem>(object, [](Decoder& d) {
        return BillItem{d.text("name"),
                        d.text("spec"),
                        d.integer("count", 1, kMaxCount),
                        amount(d, "unit_fee_fen"),
                        amount(d, "amount_fen"),
                        d.status("insurance_class", kClasses)};
    });
    if (item && static_cast<std::int64_t>(item->count) * item->unitFee_fen != item->amount_fen)
        return badReply("has a bill line whose amount is not count times price");
    return item;
}

Result<Bill> decodeBill(const json& object) {
    auto bill = decode<Bill>(object, [](Decoder& d) {
        return Bill{d.text("id"),
                    d.status("category", kCategories),
                    d.text("title"),
                    d.text("doctor"),
                    d.text("department"),
                    d.text("performed_by"),
                    d.text("pay_group"),
                    d.text("guide"),
                    d.text("note"),
                    amount(d, "total_fen"),
                    {}};
    });
    if (!bill) return bill;
    const json& items = member(object, "items");
    if (!items.is_array() || items.empty() || items.size() > kMaxItems)
        return badReply("has a bill without its lines");
    auto lines = decodeList<BillItem>(items, "bill lines", decodeItem);
    if (!lines) return lines.error();
    std::int64_t sum = 0;
    for (const auto& line : lines.value())
        sum += line.amount_fen;
    if (sum != bill->total_fen) return badReply("has a bill whose total is not its lines'");
    bill->items = std::move(lines.value());
    return bill;
}

// The split as the insurance gave it; parts that do not add up are no split at all.
InsuranceSplit decodeSplit(Decoder& d) {
    InsuranceSplit split{amount(d, "total_fen"),
                         amount(d, "fund_fen"),
                         amount(d, "account_fen"),
                         amount(d, "cash_fen"),
                         amount(d, "deductible_fen"),
                         amount(d, "account_balance_after_fen"),
                         {}};
    if (d.error) return split;
    if (static_cast<std::int64_t>(split.fund_fen) + split.account_fen + split.cash_fen !=
        split.total_fen) {
        d.error = badReply("has an insurance split whose parts do not add up to its total");
        return split;
    }
    const json& uncovered = member(d.object, "uncovered");
    if (!uncovered.is_array() || uncovered.size() > 2 * kMaxItems) {
        d.error = badReply("lacks the parts not covered");
        return split;
    }
    auto parts = decodeList<UncoveredPart>(uncovered, "parts not covered", [](const json& part) {
        return decode<UncoveredPart>(part, [](Decoder& p) {
            return UncoveredPart{p.text("name"), amount(p, "amount_fen"), p.text("reason")};
        });
    });
    if (!parts) {
        d.error = parts.error();
        return split;
    }
    split.uncovered = std::move(parts.value());
    return split;
}

std::vector<std::string> idList(Decoder& d, const char* name) {
    std::vector<std::string> ids;
    if (d.error) return ids;
    const json& list = member(d.object, name);
    if (!list.is_array() || list.size() > kMaxBills) {
        d.error = badReply(std::string("lacks ") + name);
        return ids;
    }
    for (const auto& id : list) {
        if (!id.is_string() || id.get_ref<const std::string&>().empty() ||
            id.get_ref<const std::string&>().size() > 128) {
            d.error = badReply(std::string("has a bad entry in ") + name);
            return {};
        }
        ids.push_back(id.get<std::string>());
    }
    return ids;
}
}  // namespace

Result<std::vector<Bill>> bills(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    if (parsed->is_array() && parsed->size() > kMaxBills) return badReply("lists too many bills");
    return decodeList<Bill>(parsed.value(), "bills", decodeBill);
}

Result<BillLock> billLock(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<BillLock>(parsed.value(), [](Decoder& d) {
        return BillLock{d.text("id"), idList(d, "bill_ids"),
                        d.integer("total_fen", 0, 2'000'000'000), d.text("expires_at"),
                        d.status("status", kLockStatuses)};
    });
}

Result<Presettlement> presettlement(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<Presettlement>(parsed.value(), [](Decoder& d) {
        Presettlement price{d.text("id"), d.text("lock_id"), d.text("expires_at"), {}};
        price.split = decodeSplit(d);
        return price;
    });
}

Result<Settlement> settlement(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<Settlement>(parsed.value(), [](Decoder& d) {
        Settlement settled{d.text("id"),
                           d.text("message_id"),
                           d.text("presettlement_id"),
                           d.text("lock_id"),
                           d.status("status", kSettlementStatuses),
                           {}};
        settled.split = decodeSplit(d);
        return settled;
    });
}

Result<Reversal> reversal(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<Reversal>(parsed.value(), [](Decoder& d) {
        Reversal done{d.text("message_id"), "", false};
        const std::string outcome = d.text("outcome");
        if (d.error) return done;
        if (outcome != "reversed" && outcome != "barred") {
            d.error = badReply("has an unknown reversal outcome");
            return done;
        }
        done.reversed = outcome == "reversed";
        if (done.reversed) done.settlementId = d.text("settlement_id");
        return done;
    });
}

Result<BillPayment> billPayment(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<BillPayment>(parsed.value(), [](Decoder& d) {
        BillPayment payment{d.text("id"),
                            d.text("lock_id"),
                            d.status("method", kPayMethods),
                            amount(d, "amount_fen"),
                            d.status("status", kPaymentStatuses),
                            ""};
        if (!d.error && payment.method != BillPayMethod::PaymentCode)
            payment.qrPayload = d.text("qr_payload");
        return payment;
    });
}

namespace {

bool allOf(const std::string& text, std::size_t least, std::size_t most, bool (*allowed)(char)) {
    if (text.size() < least || text.size() > most) return false;
    for (const char c : text)
        if (!allowed(c)) return false;
    return true;
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isCheckCharacter(char c) {
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
// What a QR on paper may carry: an https address of printable ASCII, without spaces or quotes.
bool isUrlCharacter(char c) {
    return c > ' ' && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\';
}

}  // namespace

Result<EInvoice> eInvoice(const nlohmann::json& object) {
    auto invoice = decode<EInvoice>(object, [](Decoder& d) {
        return EInvoice{d.text("code"), d.text("number"), d.text("check_code"),
                        amount(d, "amount_fen"), d.text("verify_url")};
    });
    if (!invoice) return invoice;
    if (!allOf(invoice->code, 8, 12, isDigit) || !allOf(invoice->number, 8, 12, isDigit) ||
        !allOf(invoice->checkCode, 4, 12, isCheckCharacter))
        return badReply("has an e-invoice whose numbers are not the finance bureau's");
    if (invoice->verifyUrl.rfind("https://", 0) != 0 ||
        !allOf(invoice->verifyUrl, 12, 256, isUrlCharacter))
        return badReply("has an e-invoice whose address is not a plain https address");
    return invoice;
}

Result<BillReceipt> billReceipt(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    auto receipt = decode<BillReceipt>(parsed.value(), [](Decoder& d) {
        return BillReceipt{d.text("receipt_number"),
                           d.text("lock_id"),
                           amount(d, "total_fen"),
                           amount(d, "fund_fen"),
                           amount(d, "account_fen"),
                           amount(d, "cash_fen"),
                           {},
                           std::nullopt,
                           std::nullopt};
    });
    if (!receipt) return receipt;
    if (!member(parsed.value(), "account_balance_after_fen").is_null()) {
        Decoder balance{parsed.value(), std::nullopt};
        receipt->accountBalanceAfter_fen = amount(balance, "account_balance_after_fen");
        if (balance.error) return *balance.error;
    }
    if (static_cast<std::int64_t>(receipt->fund_fen) + receipt->account_fen + receipt->cash_fen !=
        receipt->total_fen)
        return badReply("has a receipt whose parts do not add up to its total");
    if (const json& invoice = member(parsed.value(), "e_invoice"); !invoice.is_null()) {
        auto decoded = eInvoice(invoice);
        if (!decoded) return decoded.error();
        if (decoded->amount_fen != receipt->total_fen)
            return badReply("has an e-invoice for another amount than the bills'");
        receipt->eInvoice = std::move(decoded.value());
    }
    const json& bills = member(parsed.value(), "bills");
    if (!bills.is_array() || bills.empty() || bills.size() > kMaxBills)
        return badReply("has a receipt without its bills");
    auto decoded = decodeList<Bill>(bills, "bills", decodeBill);
    if (!decoded) return decoded.error();
    receipt->bills = std::move(decoded.value());
    return receipt;
}

std::string_view toString(BillPayMethod method) {
    for (const auto& [value, name] : kPayMethods)
        if (value == method) return name;
    return "wechat";
}

}  // namespace lobby::platform::replies
