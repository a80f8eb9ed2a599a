// Slips from the built-in templates, rendered for both paper widths and read back by the
// printer simulator's decoder.
#include <gtest/gtest.h>

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include "config/slip_templates.h"
#include "devices/slip_logo.h"
#include "journeys/slip_fields.h"
#include "printer/slip.h"
#include "printer/text_layout.h"
#include "sim/printer/escpos_decoder.h"
#include "sim/printer/slip_renderer.h"

using namespace lobby;
using namespace lobby::printer;

namespace {

const SlipFields kCheckin = {
    {"hospital", "示例市第一人民医院"},
    {"department", "内科"},
    {"clinic_room", "3诊室"},
    {"doctor", "李医生 主任医师"},
    {"date", "2026-11-23"},
    {"time_window", "09:00-09:30"},
    {"queue_number", "A023"},
    {"patient_name", "张三丰"},  // unmasked on purpose: the renderer must mask it
    {"visit_number", "V20261123-0042"},
    {"queue_url", "https://queue.example/s/A023"},
    {"wayfinding",
     "请到门诊楼二层内科候诊区等候叫号 Go to the Internal Medicine waiting area, 2nd floor"},
    {"footer", "请妥善保管凭条"},
};

}  // namespace

TEST(Slips, EveryBuiltInTemplateLoads) {
    for (const char* kind :
         {"checkin", "booking_voucher", "refund_receipt", "bills_guide", "test_page"}) {
        auto slip = config::loadSlipTemplate(kind);
        ASSERT_TRUE(slip.ok()) << kind << ": " << slip.error().message;
        EXPECT_EQ(slip->kind, kind);
        EXPECT_FALSE(slip->lines.empty());
    }
}

TEST(Slips, CheckinSlipFitsBothPaperWidthsAndMasksThePatient) {
    auto slip = config::loadSlipTemplate("checkin");
    ASSERT_TRUE(slip.ok());
    for (const auto paper : {PaperWidth::Mm80, PaperWidth::Mm58}) {
        auto bytes = renderSlip(slip.value(), kCheckin, paper);
        ASSERT_TRUE(bytes.ok()) << bytes.error().message;
        auto decoded = sim::decodeEscPos(bytes.value());
        ASSERT_TRUE(decoded.ok()) << decoded.error().message;
        const std::string text = decoded->text();
        EXPECT_NE(text.find("张*丰"), std::string::npos);
        EXPECT_EQ(text.find("张三丰"), std::string::npos) << "the full name must never print";
        EXPECT_NE(text.find("A023"), std::string::npos);
        bool sawQr = false, sawBarcode = false;
        for (const auto& element : decoded->elements) {
            if (const auto* line = std::get_if<sim::SlipText>(&element)) {
                EXPECT_LE(columnsOf(line->utf8) * line->width, columnsFor(paper)) << line->utf8;
            } else if (const auto* qr = std::get_if<sim::SlipQr>(&element)) {
                sawQr = qr->data == "https://queue.example/s/A023";
            } else if (const auto* barcode = std::get_if<sim::SlipBarcode>(&element)) {
                sawBarcode = barcode->data == "V20261123-0042";
            }
        }
        EXPECT_TRUE(sawQr);
        EXPECT_TRUE(sawBarcode);
        // For people to look at (the test's working directory).
        const bool wide = paper == PaperWidth::Mm80;
        sim::renderSlip(decoded.value(), wide ? sim::kPaper80mm_dots : sim::kPaper58mm_dots)
            .save(wide ? "slip-checkin-80mm.png" : "slip-checkin-58mm.png");
    }
}

TEST(Slips, TheScenesFooterPrintsAndAnEmptyOneTakesNoPaper) {
    auto slip = config::loadSlipTemplate("checkin");
    ASSERT_TRUE(slip.ok());
    auto withFooter = renderSlip(slip.value(), kCheckin, PaperWidth::Mm80);
    SlipFields noFooter = kCheckin;
    noFooter["footer"] = "";
    auto without = renderSlip(slip.value(), noFooter, PaperWidth::Mm80);
    ASSERT_TRUE(withFooter.ok() && without.ok());
    auto decodedWith = sim::decodeEscPos(withFooter.value());
    auto decodedWithout = sim::decodeEscPos(without.value());
    ASSERT_TRUE(decodedWith.ok() && decodedWithout.ok());
    EXPECT_NE(decodedWith->text().find("请妥善保管凭条"), std::string::npos);
    EXPECT_EQ(decodedWith->elements.size(), decodedWithout->elements.size() + 1)
        << "an empty footer is no line at all, not a blank one";
}

TEST(Slips, AMissingFieldIsAnErrorNotAPlaceholderOnPaper) {
    auto slip = config::loadSlipTemplate("checkin");
    ASSERT_TRUE(slip.ok());
    SlipFields incomplete = kCheckin;
    incomplete.erase("queue_number");
    auto bytes = renderSlip(slip.value(), incomplete, PaperWidth::Mm80);
    ASSERT_FALSE(bytes.ok());
    EXPECT_EQ(bytes.error().message, "checkin: no value for {queue_number}");
}

TEST(Slips, ControlBytesInDataNeverReachThePrinter) {
    auto slip = config::loadSlipTemplate("checkin");
    ASSERT_TRUE(slip.ok());
    const std::string drawerPulse = "\x1b\x70\x00\x19\xfa";
    const std::string cutPaper = "\x1d\x56\x00";
    SlipFields hostile = kCheckin;
    hostile["department"] = "内科" + std::string(drawerPulse.data(), drawerPulse.size()) + "外科";
    hostile["doctor"] = "李医生" + std::string(cutPaper.data(), cutPaper.size()) + "\x7f\n主任";
    hostile["patient_name"] = "张\xc2\x9b三丰";  // a C1 control (CSI) in UTF-8
    hostile["clinic_room"] = std::string("3\x00诊室", 8);
    auto clean = renderSlip(slip.value(), kCheckin, PaperWidth::Mm80);
    auto bytes = renderSlip(slip.value(), hostile, PaperWidth::Mm80);
    ASSERT_TRUE(clean.ok() && bytes.ok());
    const std::string raw(bytes->begin(), bytes->end());
    EXPECT_EQ(raw.find(drawerPulse), std::string::npos) << "the cash drawer would open";
    EXPECT_EQ(raw.find("\x1b\x70"), std::string::npos);
    auto decoded = sim::decodeEscPos(bytes.value());
    auto decodedClean = sim::decodeEscPos(clean.value());
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    ASSERT_TRUE(decodedClean.ok());
    EXPECT_EQ(decoded->elements.size(), decodedClean->elements.size())
        << "no extra cut, feed or element came from the data";
    const std::string text = decoded->text();
    // What is left of a command once its control bytes are gone is harmless text.
    EXPECT_NE(text.find("内科p外科"), std::string::npos) << text;
    EXPECT_NE(text.find("李医生V 主任"), std::string::npos) << text;
    EXPECT_NE(text.find("张*丰"), std::string::npos) << text;
    EXPECT_NE(text.find("3诊室"), std::string::npos) << text;
}

TEST(Slips, AnOverlongCodeIsRefusedNotPrinted) {
    auto slip = config::loadSlipTemplate("checkin");
    ASSERT_TRUE(slip.ok());
    SlipFields fields = kCheckin;
    fields["queue_url"] = "https://queue.example/" + std::string(600, 'a');
    auto qr = renderSlip(slip.value(), fields, PaperWidth::Mm80);
    ASSERT_FALSE(qr.ok());
    EXPECT_EQ(qr.error().code, "printer.bad_field");
    fields = kCheckin;
    fields["visit_number"] = std::string(100, '9');
    EXPECT_EQ(renderSlip(slip.value(), fields, PaperWidth::Mm80).error().code, "printer.bad_field");
}

TEST(Slips, TemplateMistakesNameTheLine) {
    EXPECT_EQ(config::parseSlipTemplate(R"({"kind":"x","lines":[{"text":"a","colour":"red"}]})")
                  .error()
                  .message,
              "x: line 1: unknown key 'colour'");
    EXPECT_EQ(
        config::parseSlipTemplate(R"({"kind":"x","lines":[{"text":"a"},{"size":9,"text":"b"}]})")
            .error()
            .message,
        "x: line 2: size must be 1, 2 or 3");
    EXPECT_EQ(config::parseSlipTemplate(R"({"kind":"x","lines":[{"qr":"a","barcode":"b"}]})")
                  .error()
                  .code,
              "slip.invalid");
    EXPECT_FALSE(config::parseSlipTemplate("[]").ok());
    EXPECT_FALSE(config::loadSlipTemplate("no-such-slip").ok());
}

TEST(Slips, ASceneLogoArrivesAsPngBytes) {
    QImage logo(400, 100, QImage::Format_ARGB32);
    logo.fill(Qt::black);
    QByteArray png;
    QBuffer buffer(&png);
    ASSERT_TRUE(buffer.open(QIODevice::WriteOnly) && logo.save(&buffer, "PNG"));
    auto raster = devices::slipLogoFromPng(png, 576);
    ASSERT_TRUE(raster.ok()) << raster.error().message;
    EXPECT_EQ(raster->widthBytes, 50);
    EXPECT_EQ(raster->height, 100);
    EXPECT_EQ(devices::slipLogoFromPng("GIF89a", 576).error().code, "slip.bad_logo");
}

TEST(Slips, TheHospitalLogoPrintsAsARasterImage) {
    QTemporaryDir dir;
    QImage logo(800, 200, QImage::Format_ARGB32);
    logo.fill(Qt::transparent);
    QPainter painter(&logo);
    painter.fillRect(0, 0, 400, 200, Qt::black);  // left half ink, right half transparent
    painter.end();
    const QString path = dir.filePath("logo.png");
    ASSERT_TRUE(logo.save(path));

    auto raster = devices::loadSlipLogo(path, 576);
    ASSERT_TRUE(raster.ok()) << raster.error().message;
    EXPECT_EQ(raster->widthBytes, 72);  // scaled to 576 dots
    EXPECT_EQ(raster->height, 144);
    EXPECT_EQ(raster->bits.front(), 0xFF);  // ink on the left
    EXPECT_EQ(raster->bits[71], 0x00);      // paper on the right

    auto slip = config::loadSlipTemplate("checkin");
    ASSERT_TRUE(slip.ok());
    auto bytes = renderSlip(slip.value(), kCheckin, PaperWidth::Mm80, &raster.value());
    ASSERT_TRUE(bytes.ok());
    auto decoded = sim::decodeEscPos(bytes.value());
    ASSERT_TRUE(decoded.ok());
    const auto* printed = std::get_if<sim::SlipRaster>(&decoded->elements.front());
    ASSERT_NE(printed, nullptr) << "the logo comes first on the check-in slip";
    EXPECT_EQ(printed->bits, raster->bits);
    EXPECT_EQ(devices::loadSlipLogo(dir.filePath("missing.png"), 576).error().code,
              "slip.bad_logo");
}

namespace {

platform::Bill guideBill(const std::string& title, const std::string& guide,
                         const std::string& note) {
    platform::Bill bill;
    bill.id = "B" + title;
    bill.title = title;
    bill.performedBy = "检验科";
    bill.guide = guide;
    bill.note = note;
    bill.total_fen = 5'690;
    bill.items = {{"阿莫西林胶囊", "0.25g×24粒", 2, 1'850, 3'700, platform::InsuranceClass::A}};
    return bill;
}

// The decoded text of a 缴费凭条 on `paper`, every line checked to fit.
std::string guideSlipText(const platform::BillReceipt& receipt, PaperWidth paper,
                          std::vector<std::string>* qrCodes = nullptr) {
    auto slip = config::loadSlipTemplate("bills_guide");
    EXPECT_TRUE(slip.ok());
    if (!slip) return {};
    SlipFields fields = journeys::billsGuideFields(receipt, "payment_code", "李秀英");
    fields["hospital"] = "示例医院";
    fields["footer"] = "";
    auto bytes = renderSlip(slip.value(), fields, paper);
    EXPECT_TRUE(bytes.ok()) << bytes.error().message;
    if (!bytes) return {};
    auto decoded = sim::decodeEscPos(bytes.value());
    EXPECT_TRUE(decoded.ok());
    if (!decoded) return {};
    for (const auto& element : decoded->elements) {
        if (const auto* line = std::get_if<sim::SlipText>(&element)) {
            EXPECT_LE(columnsOf(line->utf8) * line->width, columnsFor(paper)) << line->utf8;
        }
        if (const auto* qr = std::get_if<sim::SlipQr>(&element); qr && qrCodes)
            qrCodes->push_back(qr->data);
    }
    // Wrapped lines joined again: what is asserted is the words, not where the paper broke them.
    std::string text = decoded->text();
    std::erase(text, '\n');
    return text;
}

}  // namespace

TEST(Slips, TheGuideSlipShowsTheSplitEachBillAndWhereToGo) {
    platform::BillReceipt receipt;
    receipt.receiptNumber = "R0A1B2C3D4E";
    receipt.total_fen = 11'380;
    receipt.fund_fen = 4'000;
    receipt.account_fen = 5'000;
    receipt.cash_fen = 2'380;
    receipt.accountBalanceAfter_fen = 31'500;
    receipt.bills = {guideBill("西药处方", "门诊楼一层 西药房 3号窗口取药", ""),
                     guideBill("检验申请单", "门诊楼二层 检验科抽血处", "空腹抽血")};
    for (const auto paper : {PaperWidth::Mm80, PaperWidth::Mm58}) {
        const std::string text = guideSlipText(receipt, paper);
        EXPECT_NE(text.find("R0A1B2C3D4E"), std::string::npos);
        EXPECT_NE(text.find("¥40.00"), std::string::npos) << "the fund's part";
        EXPECT_NE(text.find("¥50.00"), std::string::npos) << "the account's part";
        EXPECT_NE(text.find("¥23.80"), std::string::npos) << "the cash part";
        EXPECT_NE(text.find("付款码"), std::string::npos);
        EXPECT_NE(text.find("个人账户余额"), std::string::npos);
        EXPECT_NE(text.find("¥315.00"), std::string::npos) << "the account's balance left";
        EXPECT_NE(text.find("西药房 3号窗口取药"), std::string::npos);
        EXPECT_NE(text.find("空腹抽血"), std::string::npos);
        EXPECT_NE(text.find("李*英"), std::string::npos);
        EXPECT_EQ(text.find("李秀英"), std::string::npos) << "the full name must never print";
    }
}

TEST(Slips, TheGuideSlipCarriesTheEInvoiceAndItsQrOnlyWhenTheHospitalIssuedOne) {
    platform::BillReceipt receipt;
    receipt.receiptNumber = "R1";
    receipt.total_fen = receipt.cash_fen = 5'690;
    receipt.bills = {guideBill("西药处方", "西药房 3号窗口", "")};
    std::vector<std::string> codes;
    std::string text = guideSlipText(receipt, PaperWidth::Mm80, &codes);
    EXPECT_TRUE(codes.empty()) << "no invoice yet, no QR pointing nowhere";
    EXPECT_EQ(text.find("电子票据"), std::string::npos);

    receipt.eInvoice = platform::EInvoice{"33010126", "0000000042", "A1B2C3", 5'690,
                                          "https://einvoice.example/verify?n=0000000042"};
    for (const auto paper : {PaperWidth::Mm80, PaperWidth::Mm58}) {
        codes.clear();
        text = guideSlipText(receipt, paper, &codes);
        EXPECT_NE(text.find("33010126-0000000042"), std::string::npos);
        EXPECT_NE(text.find("A1B2C3"), std::string::npos) << "the check code";
        ASSERT_EQ(codes.size(), 1U);
        EXPECT_EQ(codes[0], "https://einvoice.example/verify?n=0000000042");
    }
}

TEST(Slips, AGuideSlipWithMoreBillsThanLinesCountsTheRest) {
    platform::BillReceipt receipt;
    receipt.receiptNumber = "R1";
    for (int i = 0; i < journeys::kGuideSlipBills + 2; ++i)
        receipt.bills.push_back(
            guideBill("单据" + std::to_string(i + 1), "窗口" + std::to_string(i + 1), ""));
    const std::string text = guideSlipText(receipt, PaperWidth::Mm80);
    EXPECT_EQ(text.find("个人账户余额"), std::string::npos) << "no insurance, no balance line";
    EXPECT_NE(text.find("单据5"), std::string::npos);
    EXPECT_EQ(text.find("单据6"), std::string::npos);
    EXPECT_NE(text.find("另有 3 张单据"), std::string::npos);
}
