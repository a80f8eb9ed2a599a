#include "journeys/slip_fields.h"

#include <QDateTime>

#include <algorithm>

#include "journeys/booking_view.h"

namespace lobby::journeys {

std::string slipMethodName(const std::string& method) {
    if (method == "wechat") return "微信支付 WeChat Pay";
    if (method == "alipay") return "支付宝 Alipay";
    if (method == "unionpay") return "银联 UnionPay";
    if (method == "payment_code") return "付款码 Payment code";
    // 改约: the fee paid for the stopped session went with the booking.
    if (method == kMovedBooking) return "已付，改约不另收费 Paid before; moved at no charge";
    return "医保 Medical insurance";
}

printer::SlipFields voucherFields(const platform::Booking& booking, const std::string& method,
                                  const std::string& maskedName) {
    const platform::Visit& visit = booking.visit;
    // The barcode a kiosk's scanner reads back to pick the booking up (scanner rule
    // booking_code=YYD); without a code from the platform, the booking id as before.
    const bool coded = !booking.bookingCode.empty();
    return {
        {"booking_id", booking.id},
        {"booking_code", coded ? booking.bookingCode : booking.id},
        {"voucher_barcode", coded ? "YYD" + booking.bookingCode : booking.id},
        {"date", visit.date},
        {"time_window", visit.start + "-" + visit.end},
        {"department", visit.departmentZh},
        {"doctor", visit.doctorName + " " + visit.doctorTitle},
        {"fee", feeText(booking.feeFen).toStdString()},
        {"patient_name", maskedName},
        {"payment_method", slipMethodName(method)},
    };
}

Wayfinding wayfindingFor(const platform::CheckIn& checkIn) {
    if (!checkIn.wayfindingZh.empty()) return {checkIn.wayfindingZh, checkIn.wayfindingEn};
    return {"请到" + checkIn.clinicRoomZh + "候诊", "Please wait at " + checkIn.clinicRoomEn};
}

printer::SlipFields checkinFields(const platform::Booking& booking,
                                  const platform::CheckIn& checkIn, const std::string& maskedName,
                                  const std::string& queueUrl) {
    const platform::Visit& visit = booking.visit;
    const Wayfinding way = wayfindingFor(checkIn);
    return {
        {"department", visit.departmentZh},
        {"clinic_room", checkIn.clinicRoomZh},
        {"doctor", visit.doctorName + " " + visit.doctorTitle},
        {"date", visit.date},
        {"time_window", checkIn.timeWindow},
        {"queue_number", checkIn.queueNumber},
        {"patient_name", maskedName},
        {"visit_number", booking.id},
        {"queue_url", queueUrl},
        {"wayfinding", way.zh + " " + way.en},
    };
}

printer::SlipFields refundFields(const platform::Booking& booking, const std::string& maskedName) {
    return {
        {"amount", feeText(booking.feeFen).toStdString()},
        {"booking_id", booking.id},
        {"patient_name", maskedName},
        {"payment_method", "原路退回 Back to the way you paid"},
        {"refunded_at",
         QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")).toStdString()},
    };
}

printer::SlipFields billsGuideFields(const platform::BillReceipt& receipt,
                                     const std::string& payMethod, const std::string& maskedName) {
    auto money = [](int fen) { return feeText(fen).toStdString(); };
    printer::SlipFields fields{
        {"receipt_number", receipt.receiptNumber},
        {"patient_name", maskedName},
        {"total", money(receipt.total_fen)},
        {"fund", money(receipt.fund_fen)},
        {"account", money(receipt.account_fen)},
        {"cash", money(receipt.cash_fen)},
        {"payment_method", receipt.cash_fen > 0 ? slipMethodName(payMethod) : std::string()},
        {"account_balance",
         receipt.accountBalanceAfter_fen
             ? "个人账户余额 Account balance left: " + money(*receipt.accountBalanceAfter_fen)
             : std::string()},
        {"paid_at",
         QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")).toStdString()},
    };
    const auto shown = std::min<std::size_t>(receipt.bills.size(), kGuideSlipBills);
    for (std::size_t i = 0; i < static_cast<std::size_t>(kGuideSlipBills); ++i) {
        const std::string n = std::to_string(i + 1);
        std::string bill, guide;
        if (i < shown) {
            const platform::Bill& b = receipt.bills[i];
            bill = b.title + " " + money(b.total_fen) + ":";
            for (const auto& item : b.items)
                bill += " " + item.name + " " + item.spec + "×" + std::to_string(item.count) + ";";
            guide = "→ " + (b.guide.empty() ? b.performedBy : b.guide);
            if (!b.note.empty()) guide += " (" + b.note + ")";
        }
        if (i + 1 == static_cast<std::size_t>(kGuideSlipBills) && receipt.bills.size() > shown) {
            // The last line counts itself and what did not fit.
            const std::string rest = std::to_string(receipt.bills.size() - shown + 1);
            bill = "另有 " + rest + " 张单据，请到收费窗口打印 " + rest +
                   " more bills: ask at the cashier";
            guide.clear();
        }
        fields["bill_" + n] = bill;
        fields["guide_" + n] = guide;
    }
    // The e-invoice, kept by scanning its QR (the finance bureau's check of a genuine copy).
    const auto& invoice = receipt.eInvoice;
    fields["e_invoice"] = invoice ? "电子票据 E-invoice " + invoice->code + "-" + invoice->number +
                                        " 校验码 Check " + invoice->checkCode
                                  : std::string();
    fields["e_invoice_hint"] =
        invoice ? std::string("扫码查验保存电子票据 Scan to check and keep the e-invoice")
                : std::string();
    fields["e_invoice_url"] = invoice ? invoice->verifyUrl : std::string();
    return fields;
}

}  // namespace lobby::journeys
