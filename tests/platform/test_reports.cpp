// 报告打印 and 发票打印 on the sandbox over real TLS: a patient's reports (ready, pending with
// when, printed), each a real PDF (pages counted and text read back with poppler), marked
// printed once per print and never beyond the prints the hospital allows; their e-invoices,
// issued as their bills were saved, each a PDF of what the bills came to. Only the patient's own.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "bills_rig.h"

using namespace lobby::sim;
using namespace lobby::sim::testing;
using nlohmann::json;

namespace {

struct ReportRig : BillsRig {
    std::string report(const std::string& kind, int pendingMinutes = 0, int prints = 1) {
        auto made = store().seedReport(li, kind, Clock::now(), pendingMinutes, prints);
        EXPECT_TRUE(made) << made.error().message;
        return made ? made->id : std::string();
    }
    Reply get(const std::string& path, const std::string& who = {}) {
        return send("GET", path, nullptr, "", "terminal", sessionOf(who.empty() ? li : who));
    }
    Reply printed(const std::string& reportId, const std::string& key) {
        return post("/v1/reports/" + reportId + "/printed", json::object(), key);
    }
};

// What poppler reads of a PDF: `tool` (pdfinfo, pdftotext) run on the bytes.
std::string poppler(const std::string& tool, const std::string& pdf) {
    const std::string path = ::testing::TempDir() + "lobby-report.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    const std::string command =
        tool == "pdfinfo" ? "pdfinfo " + path + " 2>&1" : "pdftotext -layout " + path + " - 2>&1";
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t got;
        while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
            out.append(buffer, got);
        ::pclose(pipe);
    }
    // LOBBY_KEEP_PDFS=DIR keeps each document looked at, to see what a patient would get.
    if (const char* keep = std::getenv("LOBBY_KEEP_PDFS")) {
        static int kept = 0;
        std::rename(path.c_str(),
                    (std::string(keep) + "/document-" + std::to_string(++kept) + ".pdf").c_str());
    }
    std::remove(path.c_str());
    return out;
}

int pagesOf(const std::string& pdf) {
    const std::string info = poppler("pdfinfo", pdf);
    const auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

}  // namespace

TEST(Reports, APatientsReportsAreListedReadyPendingWithItsTimeAndPrinted) {
    ReportRig rig;
    const std::string blood = rig.report("blood");
    const std::string ct = rig.report("ct", 120);
    const Reply listed = rig.get("/v1/patients/" + rig.li + "/reports");
    ASSERT_EQ(listed.status, 200) << listed.raw;
    ASSERT_EQ(listed.body.size(), 2u);
    EXPECT_EQ(listed.body[0]["id"], blood);
    EXPECT_EQ(listed.body[0]["status"], "ready");
    EXPECT_EQ(listed.body[0]["kind"], "lab");
    EXPECT_EQ(listed.body[0]["prints_left"], 1);
    EXPECT_TRUE(listed.body[0].contains("reported_at"));
    EXPECT_EQ(listed.body[1]["id"], ct);
    EXPECT_EQ(listed.body[1]["status"], "pending");
    EXPECT_EQ(listed.body[1]["kind"], "imaging");
    EXPECT_TRUE(listed.body[1].contains("expected_at")) << "when to come back";

    ASSERT_EQ(rig.printed(blood, "print-1").status, 200);
    EXPECT_EQ(rig.get("/v1/patients/" + rig.li + "/reports").body[0]["status"], "printed");
}

TEST(Reports, EachReportIsARealPdfWithItsResultsAndPages) {
    ReportRig rig;
    const Reply blood = rig.get("/v1/reports/" + rig.report("blood") + "/document");
    ASSERT_EQ(blood.status, 200) << blood.raw.substr(0, 200);
    EXPECT_EQ(blood.contentType, "application/pdf");
    EXPECT_EQ(blood.raw.rfind("%PDF-", 0), 0u);
    EXPECT_EQ(pagesOf(blood.raw), 1);
    const std::string text = poppler("pdftotext", blood.raw);
    EXPECT_NE(text.find("白细胞计数"), std::string::npos) << text;
    EXPECT_NE(text.find("3.5-9.5"), std::string::npos) << "the reference range";
    EXPECT_NE(text.find("11.2 ↑"), std::string::npos) << "a high value is flagged";
    EXPECT_NE(text.find("李秀英"), std::string::npos) << "the patient's own report names them";

    const Reply biochem = rig.get("/v1/reports/" + rig.report("biochem") + "/document");
    ASSERT_EQ(biochem.status, 200);
    EXPECT_EQ(pagesOf(biochem.raw), 2) << "32 results continue on a second page";
    EXPECT_NE(poppler("pdftotext", biochem.raw).find("第 2/2 页"), std::string::npos);

    const Reply ct = rig.get("/v1/reports/" + rig.report("ct") + "/document");
    ASSERT_EQ(ct.status, 200);
    EXPECT_NE(poppler("pdftotext", ct.raw).find("诊断意见"), std::string::npos);
}

TEST(Reports, AReportIsMarkedPrintedOncePerPrintAndNeverBeyondWhatTheHospitalAllows) {
    ReportRig rig;
    const std::string once = rig.report("blood");
    const Reply first = rig.printed(once, "print-1");
    ASSERT_EQ(first.status, 200) << first.raw;
    EXPECT_EQ(first.body["prints_left"], 0);
    EXPECT_EQ(first.body["status"], "printed");
    const Reply retold = rig.printed(once, "print-1");
    EXPECT_EQ(retold.status, 200) << "the same print told twice (a lost reply) counts once";
    EXPECT_EQ(retold.body["prints_left"], 0);
    EXPECT_EQ(rig.printed(once, "print-2").body["code"], "no_prints_left");
    EXPECT_EQ(rig.get("/v1/reports/" + once + "/document").body["code"], "no_prints_left")
        << "nothing to print any more";

    const std::string twice = rig.report("blood", 0, 2);
    EXPECT_EQ(rig.printed(twice, "print-3").body["prints_left"], 1);
    EXPECT_EQ(rig.get("/v1/patients/" + rig.li + "/reports").body[1]["status"], "ready")
        << "a reprint allowed leaves it printable";
    EXPECT_EQ(rig.printed(twice, "print-4").body["prints_left"], 0);
    EXPECT_EQ(rig.printed(twice, "print-1").body["code"], "idempotency_conflict");

    const std::string later = rig.report("ct", 60);
    EXPECT_EQ(rig.printed(later, "print-5").body["code"], "report_not_ready");
    EXPECT_EQ(rig.get("/v1/reports/" + later + "/document").status, 409);
}

TEST(Reports, NobodyElseReachesAPatientsReportsOrInvoices) {
    ReportRig rig;
    const std::string blood = rig.report("blood");
    const std::string other = rig.patient("11010519491231002X", "张三丰");
    EXPECT_EQ(rig.get("/v1/patients/" + rig.li + "/reports", other).status, 404);
    EXPECT_EQ(rig.get("/v1/reports/" + blood + "/document", other).status, 404);
    EXPECT_EQ(rig.send("POST", "/v1/reports/" + blood + "/printed", json::object(), "print-x",
                       "terminal", rig.sessionOf(other))
                  .status,
              404);
    EXPECT_EQ(rig.get("/v1/patients/" + rig.li + "/e-invoices", other).status, 404);
    EXPECT_EQ(rig.get("/v1/reports/RPdoesnotexist/document").status, 404);
}

TEST(EInvoices, TheInvoiceIssuedAtTheSaveIsListedAndItsPdfSaysWhatTheBillsCameTo) {
    ReportRig rig;
    EXPECT_TRUE(rig.get("/v1/patients/" + rig.li + "/e-invoices").body.empty());
    const std::string lock = rig.lockOf({"drugs", "blood"}, "lock-1");
    const Reply paying =
        rig.post("/v1/bill-locks/" + lock + "/payments", {{"method", "wechat"}}, "pay-1");
    ASSERT_EQ(paying.status, 201) << paying.raw;
    ASSERT_TRUE(rig.store().captureBillPayment(paying.body["id"]));
    const Reply saved =
        rig.post("/v1/bill-locks/" + lock + "/save", {{"payment_id", paying.body["id"]}}, "save-1");
    ASSERT_EQ(saved.status, 201) << saved.raw;

    const Reply listed = rig.get("/v1/patients/" + rig.li + "/e-invoices");
    ASSERT_EQ(listed.status, 200);
    ASSERT_EQ(listed.body.size(), 1u);
    EXPECT_EQ(listed.body[0]["number"], saved.body["e_invoice"]["number"]);
    EXPECT_EQ(listed.body[0]["amount_fen"], saved.body["total_fen"]);
    EXPECT_TRUE(listed.body[0].contains("issued_at"));

    const std::string id = listed.body[0]["id"];
    const Reply pdf = rig.get("/v1/e-invoices/" + id + "/document");
    ASSERT_EQ(pdf.status, 200) << pdf.raw.substr(0, 200);
    EXPECT_EQ(pdf.contentType, "application/pdf");
    EXPECT_EQ(pagesOf(pdf.raw), 1);
    const std::string text = poppler("pdftotext", pdf.raw);
    EXPECT_NE(text.find(listed.body[0]["number"].get<std::string>()), std::string::npos);
    EXPECT_NE(text.find("160.40"), std::string::npos) << "the bills' total: " << text;
    EXPECT_NE(text.find("西药处方"), std::string::npos);
    const std::string other = rig.patient("11010519491231002X", "张三丰");
    EXPECT_EQ(rig.get("/v1/e-invoices/" + id + "/document", other).status, 404);
}
