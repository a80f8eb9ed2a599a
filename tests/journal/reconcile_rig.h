#pragma once
// Reconciliation against the sandbox over real TLS: a sandbox platform, a client with its
// terminal's certificate, and 张三丰 registered and identified.
#include <gtest/gtest.h>

#include "journal/reconcile.h"
#include "platform/https_platform_client.h"
#include "sim/platform/platform_server.h"
#include "tests/platform/verified_registration.h"

namespace lobby::journal::testing {

using namespace std::chrono_literals;

class ReconcileRig : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("lobby-reconcile-test-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        tls_ = sim::ensureDevCa(dir_ / "ca").value();
        ASSERT_TRUE(
            sim::issueClientCertificate(dir_ / "ca", "KIOSK-TEST-0001", dir_ / "terminal").ok());
        store_ = std::move(sim::PlatformStore::open(dir_ / "platform.db").value());
        server_ = std::move(sim::PlatformServer::start(tls_, *store_, 0).value());
        client_ = std::make_unique<platform::HttpsPlatformClient>(config(server_->port()));
        auto patient = lobby::testing::registerVerified(*client_, *store_, "11010519491231002X",
                                                        "张三丰", "reg-1");
        ASSERT_TRUE(patient.ok()) << patient.error().message;
        patientId_ = patient->id;
    }
    void TearDown() override {
        client_.reset();
        server_.reset();
        store_.reset();
        std::filesystem::remove_all(dir_);
    }
    platform::ClientConfig config(unsigned short port) const {
        platform::ClientConfig c;
        c.baseUrl = "https://127.0.0.1:" + std::to_string(port);
        c.caBundle = tls_.caCertificate;
        c.clientCertificate = dir_ / "terminal" / "client.pem";
        c.clientKey = dir_ / "terminal" / "client.key";
        c.callTimeout = 2000ms;
        c.connectTimeout = 500ms;
        c.maxAttempts = 1;
        return c;
    }
    std::string slice(int index = 1) const {
        std::time_t when = std::time(nullptr) + 2 * 86400;
        std::tm local{};
        localtime_r(&when, &local);
        char date[16];
        std::strftime(date, sizeof date, "%Y-%m-%d", &local);
        return std::string("D111-") + date + "-m-" + std::to_string(index);
    }
    // A transaction as the kiosk left it: its last step, that step's key, and what it knew.
    static Transaction openTx(Kind kind, Step step, Phase phase, std::string key,
                              std::string bookingId = {}, std::string paymentId = {},
                              std::string detail = {}) {
        Transaction tx;
        tx.kind = kind;
        tx.step = step;
        tx.phase = phase;
        tx.key = std::move(key);
        tx.bookingId = std::move(bookingId);
        tx.paymentId = std::move(paymentId);
        tx.detail = std::move(detail);
        return tx;
    }
    static Transaction bookingTx(Step step, Phase phase, std::string key,
                                 std::string bookingId = {}, std::string paymentId = {}) {
        return openTx(Kind::Booking, step, phase, std::move(key), std::move(bookingId),
                      std::move(paymentId));
    }
    std::string bookingStatus(const std::string& id) { return store_->booking(id)->status; }
    void expectCleanLedger() {
        auto audit = store_->audit(sim::Clock::now());
        ASSERT_TRUE(audit.ok());
        EXPECT_TRUE(audit->violations.empty()) << audit->violations.front();
    }

    std::filesystem::path dir_;
    sim::DevCaFiles tls_;
    std::unique_ptr<sim::PlatformStore> store_;
    std::unique_ptr<sim::PlatformServer> server_;
    std::unique_ptr<platform::HttpsPlatformClient> client_;
    std::string patientId_;
};

}  // namespace lobby::journal::testing
