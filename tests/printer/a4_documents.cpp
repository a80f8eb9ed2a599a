#include "a4_documents.h"

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include "sim/platform/report_pdfs.h"

namespace lobby::test {
namespace {

std::vector<std::uint8_t> bytesOf(const std::string& text) {
    return {text.begin(), text.end()};
}

std::vector<std::uint8_t> written(QPDFWriter& writer) {
    writer.setOutputMemory();
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    const auto* data = buffer->getBuffer();
    return {data, data + buffer->getSize()};
}

}  // namespace

std::vector<std::uint8_t> labReportPdf(int resultRows) {
    sim::ReportRow report;
    report.id = "R1";
    report.kind = "lab";
    report.title = "生化全项";
    report.department = "检验科";
    report.doctor = "李医生";
    report.orderedAt = 1'796'000'000;
    report.readyAt = 1'796'003'600;
    for (int i = 0; i < resultRows; ++i) {
        report.results.push_back({"项目" + std::to_string(i + 1), std::to_string(4 + i % 7),
                                  "mmol/L", "3.9-6.1", i % 5 == 0 ? "H" : ""});
    }
    auto pdf = sim::reportPdf(report, "张三丰", "示例市第一人民医院");
    return pdf.ok() ? bytesOf(pdf.value()) : std::vector<std::uint8_t>{};
}

std::vector<std::uint8_t> encryptedPdf() {
    const auto plain = labReportPdf(3);
    QPDF pdf;
    pdf.processMemoryFile("plain", reinterpret_cast<const char*>(plain.data()), plain.size());
    QPDFWriter writer(pdf);
    // An empty user password: any viewer opens it, but it is encrypted all the same.
    writer.setR6EncryptionParameters("", "owner", true, true, true, true, true, true, qpdf_r3p_full,
                                     true);
    return written(writer);
}

std::vector<std::uint8_t> pagelessPdf() {
    QPDF pdf;
    pdf.emptyPDF();
    QPDFWriter writer(pdf);
    return written(writer);
}

}  // namespace lobby::test
