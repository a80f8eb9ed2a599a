#pragma once
// 门诊缴费 as the kiosk sees it from the platform: the visit's unpaid bills, the lock that freezes
// the chosen ones, the insurance's price and settlement (医保结算), the cash leg and the HIS's
// receipt. Amounts are in fen; statuses that cross the boundary are enums.

#include <optional>
#include <string>
#include <vector>

namespace lobby::platform {

enum class BillCategory { Drug, Lab, Exam, Treatment };
// The insurance catalogue's class: 甲类, 乙类, 自费.
enum class InsuranceClass { A, B, SelfPaid };

struct BillItem {
    std::string name, spec;
    int count = 0;
    int unitFee_fen = 0, amount_fen = 0;
    InsuranceClass insuranceClass = InsuranceClass::SelfPaid;
};

struct Bill {
    std::string id;
    BillCategory category = BillCategory::Drug;
    std::string title, doctor, department, performedBy, payGroup, guide, note;
    int total_fen = 0;
    std::vector<BillItem> items;
};

enum class BillLockStatus { Held, Released, Superseded };
struct BillLock {
    std::string id;
    std::vector<std::string> billIds;
    int total_fen = 0;
    std::string expiresAt;
    BillLockStatus status = BillLockStatus::Held;
};

struct UncoveredPart {
    std::string name;
    int amount_fen = 0;
    std::string reason;
};

// fund + account + cash = total, checked when decoded.
struct InsuranceSplit {
    int total_fen = 0, fund_fen = 0, account_fen = 0, cash_fen = 0;
    int deductible_fen = 0, accountBalanceAfter_fen = 0;
    std::vector<UncoveredPart> uncovered;
};

struct Presettlement {
    std::string id, lockId, expiresAt;
    InsuranceSplit split;
};

enum class SettlementStatus { Settled, Cancelled, Reversed };
struct Settlement {
    std::string id, messageId, presettlementId, lockId;
    SettlementStatus status = SettlementStatus::Settled;
    InsuranceSplit split;
};

// The insured person's credential: their social-security card, or the e-voucher token.
struct InsuranceCredential {
    enum class Kind { SocialSecurityCard, EVoucher } kind = Kind::SocialSecurityCard;
    std::string cardNumber, cardSerial, token;
};

enum class BillPayMethod { WeChat, Alipay, PaymentCode };
enum class BillPaymentStatus { Pending, UserPaying, Captured, Failed, Reversed, Refunded };
struct BillPayment {
    std::string id, lockId;
    BillPayMethod method = BillPayMethod::WeChat;
    int amount_fen = 0;
    BillPaymentStatus status = BillPaymentStatus::Pending;
    std::string qrPayload;
};

// What a reversal did: the settlement reversed, or the message barred for ever.
struct Reversal {
    std::string messageId, settlementId;
    bool reversed = false;
};

// The medical e-invoice (医疗收费电子票据) the hospital issued for the bills: its finance-bureau
// numbering, and the address where anyone can check a copy is genuine (the slip's QR).
struct EInvoice {
    std::string code, number, checkCode;  // 票据代码, 票据号码, 校验码
    int amount_fen = 0;
    std::string verifyUrl;
};

struct BillReceipt {
    std::string receiptNumber, lockId;
    int total_fen = 0, fund_fen = 0, account_fen = 0, cash_fen = 0;
    std::vector<Bill> bills;
    std::optional<int> accountBalanceAfter_fen;  // none: no insurance settled them
    std::optional<EInvoice> eInvoice;            // none: the hospital issues it later
};

}  // namespace lobby::platform
