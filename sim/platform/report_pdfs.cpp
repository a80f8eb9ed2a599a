#include "sim/platform/report_pdfs.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <vector>

namespace lobby::sim {

namespace {

constexpr double kWidth_pt = 595.28, kHeight_pt = 841.89;  // A4
constexpr double kMargin_pt = 50;
constexpr double kRow_pt = 22;
// WenQuanYi (TrueType) subsets to tens of KB; Noto Sans CJK's CFF made a report ~1 MB.
constexpr const char* kFont = "WenQuanYi Micro Hei";

cairo_status_t appendTo(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string dateOf(std::int64_t epochSeconds) {
    const std::time_t when = static_cast<std::time_t>(epochSeconds);
    std::tm local{};
    localtime_r(&when, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

std::string yuan(int fen) {
    char text[32];
    std::snprintf(text, sizeof text, "%d.%02d", fen / 100, fen % 100);
    return text;
}

// One PDF document being drawn: pages, text at a place, lines.
class Pages {
public:
    explicit Pages(const std::string& title) {
        surface_ = cairo_pdf_surface_create_for_stream(appendTo, &bytes_, kWidth_pt, kHeight_pt);
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
        cr_ = cairo_create(surface_);
    }
    ~Pages() {
        cairo_destroy(cr_);
        cairo_surface_destroy(surface_);
    }
    Pages(const Pages&) = delete;
    Pages& operator=(const Pages&) = delete;

    void text(double x, double y, const std::string& utf8, double size, bool bold = false,
              bool centred = false) {
        cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, size);
        if (centred) {
            cairo_text_extents_t extents;
            cairo_text_extents(cr_, utf8.c_str(), &extents);
            x = (kWidth_pt - extents.x_advance) / 2;
        }
        cairo_move_to(cr_, x, y);
        cairo_show_text(cr_, utf8.c_str());
    }
    void rule(double y, double width = 0.8) {
        cairo_set_line_width(cr_, width);
        cairo_move_to(cr_, kMargin_pt, y);
        cairo_line_to(cr_, kWidth_pt - kMargin_pt, y);
        cairo_stroke(cr_);
    }
    // Wraps `utf8` to lines of at most `perLine` characters (CJK text has no spaces to break at).
    double paragraph(double x, double y, const std::string& utf8, double size,
                     std::size_t perLine) {
        std::size_t start = 0, count = 0;
        for (std::size_t i = 0; i <= utf8.size(); ++count) {
            if (i == utf8.size() || count == perLine) {
                text(x, y, utf8.substr(start, i - start), size);
                y += size * 1.6;
                start = i;
                count = 0;
                if (i == utf8.size()) break;
            }
            const unsigned char lead = static_cast<unsigned char>(utf8[i]);
            i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        }
        return y;
    }
    void nextPage() { cairo_show_page(cr_); }
    Result<std::string> finish() {
        cairo_show_page(cr_);
        cairo_surface_finish(surface_);
        if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
            return makeError(ErrorKind::Internal, "platform.pdf",
                             std::string("cannot draw the PDF: ") +
                                 cairo_status_to_string(cairo_surface_status(surface_)));
        return bytes_;
    }

private:
    std::string bytes_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
};

void reportHeading(Pages& pages, const ReportRow& report, const std::string& patientName,
                   const std::string& hospital, int page, int pageCount) {
    pages.text(0, 70, hospital, 20, true, true);
    pages.text(0, 98,
               (report.kind == "lab" ? std::string("检验报告单 Laboratory report")
                                     : std::string("影像检查报告 Imaging report")) +
                   "：" + report.title,
               14, true, true);
    pages.text(kMargin_pt, 130, "姓名 Name: " + patientName, 11);
    pages.text(300, 130, "科室 Dept: " + report.department, 11);
    pages.text(kMargin_pt, 148, "报告号 Report: " + report.id, 11);
    pages.text(300, 148, "报告时间 Reported: " + dateOf(report.readyAt), 11);
    pages.rule(160, 1.2);
    char footer[64];
    std::snprintf(footer, sizeof footer, "第 %d/%d 页 Page %d of %d", page, pageCount, page,
                  pageCount);
    pages.rule(kHeight_pt - 62);
    pages.text(kMargin_pt, kHeight_pt - 44, "审核医师 Checked by: " + report.doctor, 10);
    pages.text(420, kHeight_pt - 44, footer, 10);
}

}  // namespace

Result<std::string> reportPdf(const ReportRow& report, const std::string& patientName,
                              const std::string& hospital) {
    Pages pages(report.title);
    if (report.kind != "lab") {
        reportHeading(pages, report, patientName, hospital, 1, 1);
        pages.text(kMargin_pt, 195, "检查所见 Findings", 13, true);
        double y = pages.paragraph(kMargin_pt, 220, report.findings, 12, 38);
        pages.text(kMargin_pt, y + 20, "诊断意见 Impression", 13, true);
        pages.paragraph(kMargin_pt, y + 45, report.impression, 12, 38);
        return pages.finish();
    }
    const double top = 200, bottom = kHeight_pt - 80;
    const auto perPage = static_cast<std::size_t>((bottom - top) / kRow_pt);
    const auto lines = report.results.size();
    const int pageCount = static_cast<int>(lines == 0 ? 1 : (lines + perPage - 1) / perPage);
    for (int page = 0; page < pageCount; ++page) {
        if (page > 0) pages.nextPage();
        reportHeading(pages, report, patientName, hospital, page + 1, pageCount);
        pages.text(kMargin_pt, 185, "项目 Test", 11, true);
        pages.text(290, 185, "结果 Result", 11, true);
        pages.text(365, 185, "单位 Unit", 11, true);
        pages.text(445, 185, "参考范围 Range", 11, true);
        double y = top + 12;
        for (std::size_t i = page * perPage; i < std::min(lines, (page + 1) * perPage); ++i) {
            const auto& line = report.results[i];
            const std::string arrow = line.flag == "H" ? " ↑" : line.flag == "L" ? " ↓" : "";
            pages.text(kMargin_pt, y, line.item, 11);
            pages.text(290, y, line.value + arrow, 11, !arrow.empty());
            pages.text(365, y, line.unit, 11);
            pages.text(445, y, line.range, 11);
            y += kRow_pt;
        }
    }
    return pages.finish();
}

Result<std::string> invoicePdf(const InvoiceDocumentRow& document, const std::string& patientName,
                               const std::string& hospital) {
    const EInvoiceRow& invoice = document.invoice;
    Pages pages("医疗收费电子票据 " + invoice.number);
    pages.text(0, 70, "医疗门诊收费票据（电子）", 20, true, true);
    pages.text(0, 92, "Medical outpatient e-invoice", 11, false, true);
    pages.text(kMargin_pt, 130, "票据代码 Code: " + invoice.code, 11);
    pages.text(320, 130, "票据号码 Number: " + invoice.number, 11);
    pages.text(kMargin_pt, 148, "校验码 Check: " + invoice.checkCode, 11);
    pages.text(320, 148, "开票日期 Issued: " + dateOf(invoice.issuedAt), 11);
    pages.text(kMargin_pt, 166, "交款人 Payer: " + patientName, 11);
    pages.text(320, 166, "收款单位 Payee: " + hospital, 11);
    pages.rule(178, 1.2);
    pages.text(kMargin_pt, 198, "项目名称 Item", 11, true);
    pages.text(430, 198, "金额 Amount (元)", 11, true);
    double y = 222;
    int sum = 0;
    for (const auto& bill : document.bills) {
        pages.text(kMargin_pt, y, bill.title + "（" + bill.performedBy + "）", 11);
        pages.text(430, y, yuan(bill.totalFen()), 11);
        sum += bill.totalFen();
        y += kRow_pt;
    }
    pages.rule(y - 8);
    pages.text(kMargin_pt, y + 12, "合计 Total (元)", 12, true);
    pages.text(430, y + 12, yuan(invoice.amountFen), 12, true);
    if (sum != invoice.amountFen)
        return makeError(ErrorKind::Internal, "platform.pdf",
                         "the invoice's amount is not its bills' total");
    pages.text(kMargin_pt, y + 50, "查验地址 Verify at: " + invoice.verifyUrl(), 9);
    return pages.finish();
}

}  // namespace lobby::sim
