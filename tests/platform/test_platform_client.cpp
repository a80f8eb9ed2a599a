// The kiosk's platform client against the sandbox over real TLS, and against a hostile server:
// typed values on success, typed errors for every failure, one TLS handshake for many calls.
#include <gtest/gtest.h>
#include <httplib.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "platform/https_platform_client.h"
#include "platform/terminal_key.h"
#include "sim/platform/platform_server.h"
#include "tests/platform/verified_registration.h"

using namespace lobby;
using namespace lobby::platform;
using namespace std::chrono_literals;

namespace {

class ClientRig : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("lobby-client-test-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        tls_ = sim::ensureDevCa(dir_ / "ca").value();
        ASSERT_TRUE(
            sim::issueClientCertificate(dir_ / "ca", "KIOSK-TEST-0001", dir_ / "terminal").ok());
        ASSERT_TRUE(
            sim::issueClientCertificate(dir_ / "ca", "KIOSK-OLD", dir_ / "expired", -1).ok());
        ASSERT_TRUE(
            sim::issueClientCertificate(dir_ / "ca", "ADMIN-1", dir_ / "admin", 365, true).ok());
        store_ = std::move(sim::PlatformStore::open(dir_ / "platform.db").value());
        server_ = std::move(sim::PlatformServer::start(tls_, *store_, 0).value());
    }
    void TearDown() override {
        server_.reset();
        store_.reset();
        std::filesystem::remove_all(dir_);
    }
    ClientConfig config(unsigned short port) const {
        ClientConfig c;
        c.baseUrl = "https://127.0.0.1:" + std::to_string(port);
        c.caBundle = tls_.caCertificate;
        c.clientCertificate = dir_ / "terminal" / "client.pem";
        c.clientKey = dir_ / "terminal" / "client.key";
        c.callTimeout = 3000ms;
        c.firstBackoff = 20ms;
        return c;
    }

    std::filesystem::path dir_;
    sim::DevCaFiles tls_;
    std::unique_ptr<sim::PlatformStore> store_;
    std::unique_ptr<sim::PlatformServer> server_;
};

std::string tomorrowSlice(const std::string& doctor) {
    std::time_t when = std::time(nullptr) + 86400;
    std::tm local{};
    localtime_r(&when, &local);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", &local);
    return doctor + "-" + date + "-m-1";
}

// curl's pin of the public key in a PEM certificate: "sha256//" + base64(SHA-256(SPKI DER)).
std::string publicKeyPin(const std::filesystem::path& certificatePem) {
    std::FILE* file = std::fopen(certificatePem.c_str(), "r");
    if (file == nullptr) return {};
    X509* certificate = PEM_read_X509(file, nullptr, nullptr, nullptr);
    std::fclose(file);
    if (certificate == nullptr) return {};
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(X509_get0_pubkey(certificate), &der);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(der, static_cast<size_t>(length), digest);
    OPENSSL_free(der);
    X509_free(certificate);
    unsigned char encoded[64] = {};
    EVP_EncodeBlock(encoded, digest, SHA256_DIGEST_LENGTH);
    return "sha256//" + std::string(reinterpret_cast<char*>(encoded));
}

}  // namespace

TEST_F(ClientRig, APinnedPublicKeyMustBeThePlatformsOwn) {
    auto pinned = config(server_->port());
    pinned.pinnedPublicKey = publicKeyPin(tls_.serverCertificate);
    ASSERT_EQ(pinned.pinnedPublicKey.size(), 8u + 44u);
    EXPECT_TRUE(HttpsPlatformClient(pinned).departments().ok());
    // A key rollover: the old pin and the new one, either accepted.
    pinned.pinnedPublicKey =
        publicKeyPin(tls_.caCertificate) + ";" + publicKeyPin(tls_.serverCertificate);
    EXPECT_TRUE(HttpsPlatformClient(pinned).departments().ok());

    // The same CA vouches for the server, but the key is not the pinned one.
    auto other = config(server_->port());
    other.pinnedPublicKey = publicKeyPin(tls_.caCertificate);
    other.maxAttempts = 1;
    auto refused = HttpsPlatformClient(other).departments();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "platform.untrusted");
}

TEST_F(ClientRig, WalksRegisterBookPayOverOneConnection) {
    HttpsPlatformClient client(config(server_->port()));
    auto departments = client.departments();
    ASSERT_TRUE(departments.ok()) << departments.error().message;
    EXPECT_EQ(departments->size(), 8u);
    EXPECT_EQ(departments->at(4).categoryZh, "内科");
    EXPECT_EQ(client.identifyByIdCard("11010519491231002X", "张三丰").error().code,
              "patient_unknown");
    auto patient =
        lobby::testing::registerVerified(client, *store_, "11010519491231002X", "张三丰", "reg-1");
    ASSERT_TRUE(patient.ok()) << patient.error().message;
    EXPECT_EQ(patient->maskedName, "张*丰");
    auto booking = client.createBooking(patient->id, tomorrowSlice("D111"), "book-1");
    ASSERT_TRUE(booking.ok()) << booking.error().message;
    EXPECT_EQ(booking->status, BookingStatus::Held);
    auto payment = client.startPayment(booking->id, "alipay", "pay-1");
    ASSERT_TRUE(payment.ok()) << payment.error().message;
    EXPECT_FALSE(payment->qrPayload.empty());
    ASSERT_TRUE(store_->capturePayment(payment->id).ok());
    auto captured = client.payment(payment->id);
    ASSERT_TRUE(captured.ok()) << captured.error().message;
    EXPECT_EQ(captured->status, PaymentStatus::Captured);
    EXPECT_EQ(client.handshakes(), 1) << "keep-alive: one TLS handshake for all the calls";
}

TEST_F(ClientRig, BrowsesDoctorsAndSchedulesThenListsAndCancelsABooking) {
    HttpsPlatformClient client(config(server_->port()));
    auto doctors = client.doctors("NK");
    ASSERT_TRUE(doctors.ok()) << doctors.error().message;
    ASSERT_FALSE(doctors->empty());
    EXPECT_FALSE(doctors->front().title.empty());
    EXPECT_GT(doctors->front().feeFen, 0);
    EXPECT_EQ(client.doctors("NOSUCH").error().code, "not_found");
    ASSERT_EQ(doctors->front().photoPath, "/v1/doctors/" + doctors->front().id + "/photo");
    auto photo = client.photo(doctors->front().photoPath);
    ASSERT_TRUE(photo.ok()) << photo.error().message;
    EXPECT_EQ(photo->rfind("\x89PNG\r\n\x1a\n", 0), 0u);
    EXPECT_EQ(client.photo("https://elsewhere.example/x.png").error().code, "platform.bad_path");

    const std::string slice = tomorrowSlice(doctors->front().id);
    const std::string date = slice.substr(doctors->front().id.size() + 1, 10);
    auto sessions = client.schedule(doctors->front().id, date, date);
    ASSERT_TRUE(sessions.ok()) << sessions.error().message;
    ASSERT_EQ(sessions->size(), 2u) << "a morning and an afternoon";
    EXPECT_EQ(sessions->front().period, "morning");
    EXPECT_EQ(sessions->front().slices.front().id, slice);
    EXPECT_EQ(sessions->front().slices.front().start, "08:00");
    EXPECT_EQ(sessions->front().slices.front().remaining, 3);

    auto patient =
        lobby::testing::registerVerified(client, *store_, "11010519491231002X", "张三丰", "reg-1")
            .value();
    auto booking = client.createBooking(patient.id, slice, "book-1");
    ASSERT_TRUE(booking.ok()) << booking.error().message;
    EXPECT_EQ(booking->visit.date, date);
    auto upcoming = client.bookings(patient.id, PlatformClient::Scope::Upcoming);
    ASSERT_TRUE(upcoming.ok()) << upcoming.error().message;
    ASSERT_EQ(upcoming->size(), 1u);
    EXPECT_EQ(upcoming->front().id, booking->id);
    EXPECT_EQ(upcoming->front().visit.start, "08:00");
    EXPECT_EQ(upcoming->front().visit.doctorName, doctors->front().name);
    EXPECT_FALSE(upcoming->front().visit.departmentZh.empty());
    EXPECT_TRUE(client.bookings(patient.id, PlatformClient::Scope::Today)->empty());

    auto quiet = client.notices();
    ASSERT_TRUE(quiet.ok()) << quiet.error().message;
    EXPECT_TRUE(quiet->empty());
    const std::string session = slice.substr(0, slice.rfind('-'));
    ASSERT_TRUE(store_->stopSession(session).ok());
    auto notices = client.notices();
    ASSERT_TRUE(notices.ok()) << notices.error().message;
    ASSERT_EQ(notices->size(), 1u);
    EXPECT_EQ(notices->front().kind, "stop_service");
    EXPECT_EQ(notices->front().sessionId, session);
    EXPECT_EQ(notices->front().affectedBookingIds, std::vector<std::string>{booking->id});
    EXPECT_NE(notices->front().zh.find("停诊"), std::string::npos);
    EXPECT_TRUE(client.bookings(patient.id, PlatformClient::Scope::Upcoming)->front().stopService);

    auto cancelled = client.cancelBooking(booking->id, "cancel-1");
    ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
    EXPECT_EQ(cancelled->status, BookingStatus::Cancelled);
    EXPECT_EQ(client.cancelBooking(booking->id, "cancel-1")->status, BookingStatus::Cancelled)
        << "the same key repeats the result";
    EXPECT_EQ(sessions->front().slices.front().remaining,
              client.schedule(doctors->front().id, date, date)->front().slices.front().remaining)
        << "the slot is back on sale";
}

TEST_F(ClientRig, ScenesAreUploadedByAdminsAndFetchedWithETags) {
    auto adminConfig = config(server_->port());
    adminConfig.clientCertificate = dir_ / "admin" / "client.pem";
    adminConfig.clientKey = dir_ / "admin" / "client.key";
    HttpsPlatformClient admin(adminConfig);
    HttpsPlatformClient terminal(config(server_->port()));
    EXPECT_EQ(terminal.scene("").error().code, "not_found") << "no scene uploaded yet";

    // Spacing and key order as the admin wrote them: the signature covers these exact bytes.
    const std::string firstScene = "{ \"version\": 1,\n  \"hospital\": \"示例 A\" }";
    ASSERT_TRUE(admin.putScene("default", firstScene, "c2ln").ok());
    auto first = terminal.scene("");
    ASSERT_TRUE(first.ok()) << first.error().message;
    ASSERT_TRUE(first->has_value());
    EXPECT_EQ(first->value().sceneJson, firstScene) << "the bytes arrive unchanged";
    EXPECT_EQ(first->value().signatureBase64, "c2ln");
    EXPECT_FALSE(first->value().etag.empty());
    auto unchanged = terminal.scene(first->value().etag);
    ASSERT_TRUE(unchanged.ok()) << unchanged.error().message;
    EXPECT_FALSE(unchanged->has_value()) << "304 with the current ETag";

    EXPECT_EQ(admin.putScene("default", R"({"version": 1, "hospital": "B"})", "c2ln").error().code,
              "scene_not_newer");
    EXPECT_EQ(terminal.putScene("default", R"({"version": 9})", "c2ln").error().code, "not_admin");
    EXPECT_EQ(admin.putScene("default", "[1]", "c2ln").error().code, "scene.not_json");
    EXPECT_EQ(admin.putScene("../x", R"({"version": 3})", "c2ln").error().code, "platform.bad_id");
    ASSERT_TRUE(admin.putScene("default", R"({"version": 2, "hospital": "B"})", "c2ln").ok());
    auto second = terminal.scene(first->value().etag);
    ASSERT_TRUE(second.ok() && second->has_value());
    EXPECT_NE(second->value().etag, first->value().etag);
    EXPECT_EQ(second->value().sceneJson, R"({"version": 2, "hospital": "B"})");
}

TEST_F(ClientRig, EnrollmentSpendsItsTokenOnce) {
    auto token = store_->issueEnrollmentToken("KIOSK-NEW-0003");
    ASSERT_TRUE(token.ok());
    auto anonymous = config(server_->port());
    anonymous.clientCertificate.clear();
    anonymous.clientKey.clear();
    HttpsPlatformClient client(anonymous);
    EXPECT_EQ(client.departments().error().code, "certificate_required");
    auto key = generateTerminalKey("KIOSK-NEW-0003");
    ASSERT_TRUE(key.ok()) << key.error().message;
    EXPECT_EQ(client.enroll(token.value(), "KIOSK-OTHER", key->csrPem).error().code,
              "enrollment_refused")
        << "a token is for one terminal";
    auto enrolled = client.enroll(token.value(), "KIOSK-NEW-0003", key->csrPem);
    ASSERT_TRUE(enrolled.ok()) << enrolled.error().message;
    EXPECT_NE(enrolled->certificatePem.find("BEGIN CERTIFICATE"), std::string::npos);
    EXPECT_EQ(client.enroll(token.value(), "KIOSK-NEW-0003", key->csrPem).error().code,
              "enrollment_refused")
        << "spent";
    auto other = store_->issueEnrollmentToken("KIOSK-NEW-0004").value();
    EXPECT_EQ(client.enroll(other, "KIOSK-NEW-0004", "-----BEGIN CERTIFICATE REQUEST-----\nxx")
                  .error()
                  .code,
              "csr_invalid");
}

TEST_F(ClientRig, RefusalsArriveAsTypedErrorsWithThePatientsWords) {
    HttpsPlatformClient client(config(server_->port()));
    auto patient =
        lobby::testing::registerVerified(client, *store_, "11010519491231002X", "张三丰", "reg-1")
            .value();
    ASSERT_TRUE(store_->setSliceCapacity(tomorrowSlice("D112"), 0).ok());
    auto full = client.createBooking(patient.id, tomorrowSlice("D112"), "book-1");
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(full.error().code, "no_slots_left");
    ASSERT_TRUE(client.lastRefusal().has_value());
    EXPECT_EQ(client.lastRefusal()->zh, "该时段已约满");
}

TEST_F(ClientRig, TlsProblemsAreTypedErrors) {
    auto wrongCa = config(server_->port());
    wrongCa.caBundle = sim::ensureDevCa(dir_ / "other", "Another CA")->caCertificate;
    auto untrusted = HttpsPlatformClient(wrongCa).departments();
    ASSERT_FALSE(untrusted.ok());
    EXPECT_EQ(untrusted.error().code, "platform.untrusted");

    auto anonymous = config(server_->port());
    anonymous.clientCertificate.clear();
    anonymous.clientKey.clear();
    anonymous.maxAttempts = 1;
    EXPECT_FALSE(HttpsPlatformClient(anonymous).departments().ok());

    auto expired = config(server_->port());
    expired.clientCertificate = dir_ / "expired" / "client.pem";
    expired.clientKey = dir_ / "expired" / "client.key";
    expired.maxAttempts = 1;
    EXPECT_FALSE(HttpsPlatformClient(expired).departments().ok());
}

TEST_F(ClientRig, AServerCertifiedForAnotherNameIsRefused) {
    // Signed by the pinned CA, but for another host: only the name is wrong.
    ASSERT_TRUE(
        sim::issueServerCertificate(dir_ / "ca", "DNS:platform.example.org", dir_ / "elsewhere")
            .ok());
    httplib::SSLServer impostor((dir_ / "elsewhere" / "server.pem").c_str(),
                                (dir_ / "elsewhere" / "server.key").c_str());
    ASSERT_TRUE(impostor.is_valid());
    impostor.Get("/v1/departments", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("[]", "application/json");
    });
    const int port = impostor.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port, 0);
    std::thread serving([&] { impostor.listen_after_bind(); });
    while (!impostor.is_running())
        std::this_thread::sleep_for(1ms);

    auto settings = config(static_cast<unsigned short>(port));
    settings.maxAttempts = 1;
    const auto refused = HttpsPlatformClient(settings).departments();
    impostor.stop();
    serving.join();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "platform.untrusted");
}

TEST_F(ClientRig, HostileAndBrokenServersNeverCrashTheClient) {
    httplib::SSLServer hostile(tls_.serverCertificate.c_str(), tls_.serverKey.c_str());
    std::atomic<int> attempts{0};
    hostile.Get("/v1/departments", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(R"([{"id": 42, "name": "x"}])", "application/json");
    });
    hostile.Post("/v1/patients/identify", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("{\"id\": \"P1\"", "application/json");  // truncated
    });
    hostile.Get(R"(/v1/patients/(\w+)/bookings)", [](const httplib::Request& request,
                                                     httplib::Response& response) {
        // A booking whose visit has a numeric doctor, and a flag of the wrong type.
        response.set_content(
            request.get_param_value("scope") == "today"
                ? R"([{"id":"B1","status":"paid","slice_id":"S","hold_expires_at":"",)"
                  R"("fee_fen":1,"visit":{"date":"d","period":"p","start":"s","end":"e",)"
                  R"("doctor":7,"department":{"zh":"","en":""}}}])"
                : R"({"bookings": []})",
            "application/json");
    });
    hostile.Get(R"(/v1/doctors/(\w+)/photo)",
                [](const httplib::Request& request, httplib::Response& response) {
                    // D1: far too much; D2: not an image.
                    if (request.matches[1] == "D1") {
                        response.set_content(std::string(5 * 1024 * 1024, 'x'), "image/png");
                    } else {
                        response.set_content("<html>", "image/png");
                    }
                });
    hostile.Get(
        R"(/v1/doctors/(\w+)/schedule)", [](const httplib::Request&, httplib::Response& response) {
            response.set_content(R"([{"id":"S","date":"d","period":"p","slices":[{"id":"X"}]}])",
                                 "application/json");
        });
    hostile.Get(R"(/v1/payments/(\w+))", [&](const httplib::Request&, httplib::Response& response) {
        ++attempts;
        response.status = 503;
        response.set_content(
            R"({"code":"unavailable","message":{"zh":"忙","en":"busy"},"retryable":true})",
            "application/json");
    });
    hostile.Post(R"(/v1/bookings/(\w+)/checkin)",
                 [](const httplib::Request&, httplib::Response& response) {
                     std::this_thread::sleep_for(2s);
                     response.set_content("{}", "application/json");
                 });
    const int port = hostile.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { hostile.listen_after_bind(); });

    auto settings = config(static_cast<unsigned short>(port));
    settings.clientCertificate.clear();  // this server does not ask for one
    settings.clientKey.clear();
    HttpsPlatformClient client(settings);
    EXPECT_EQ(client.departments().error().code, "platform.bad_reply");
    EXPECT_EQ(client.identifyByIdCard("11010519491231002X", "x").error().code,
              "platform.bad_reply");
    EXPECT_EQ(client.bookings("P1", PlatformClient::Scope::Today).error().code,
              "platform.bad_reply");
    EXPECT_EQ(client.bookings("P1", PlatformClient::Scope::Upcoming).error().code,
              "platform.bad_reply");
    EXPECT_EQ(client.schedule("D1", "a", "b").error().code, "platform.bad_reply");
    EXPECT_EQ(client.photo("/v1/doctors/D1/photo").error().code, "platform.bad_reply")
        << "a reply past 4 MB is cut off";
    EXPECT_EQ(client.photo("/v1/doctors/D2/photo").error().code, "platform.bad_reply");
    auto busy = client.payment("P1");
    EXPECT_EQ(busy.error().code, "unavailable");
    EXPECT_EQ(attempts.load(), 3) << "idempotent calls are retried, then give up";

    std::thread canceller([&] {
        std::this_thread::sleep_for(200ms);
        client.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    auto cancelled = client.checkIn("B1", "key");
    canceller.join();
    EXPECT_EQ(cancelled.error().kind, ErrorKind::Cancelled);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms);

    hostile.stop();
    serving.join();
    auto unreachable = config(static_cast<unsigned short>(port));
    unreachable.maxAttempts = 2;
    EXPECT_EQ(HttpsPlatformClient(unreachable).departments().error().code, "platform.unreachable");
}

TEST_F(ClientRig, HeartbeatsAreRecordedForTheCertifiedTerminalOnly) {
    HttpsPlatformClient client(config(server_->port()));
    Heartbeat health{"KIOSK-TEST-0001",
                     "0.1.0",
                     3,
                     {{"id_reader", "ready"}, {"printer", "paper_out"}},
                     3600,
                     "",
                     "v4: scene.bad_signature: no trusted admin key verifies it",
                     {{"lobby-kiosk", "0.1.0"}}};
    auto sent = client.heartbeat(health);
    ASSERT_TRUE(sent.ok()) << sent.error().message;
    auto recorded = store_->lastHeartbeat("KIOSK-TEST-0001");
    ASSERT_TRUE(recorded.ok());
    EXPECT_NE(recorded->body.find("\"paper_out\""), std::string::npos);
    EXPECT_NE(recorded->body.find("\"uptime_s\":3600"), std::string::npos);
    EXPECT_NE(recorded->body.find("\"packages\":{\"lobby-kiosk\":\"0.1.0\"}"), std::string::npos);
    EXPECT_NE(recorded->body.find("\"rejected_scene\":\"v4: scene.bad_signature"),
              std::string::npos);

    health.terminalId = "KIOSK-SOMEONE-ELSE";
    auto impersonating = client.heartbeat(health);
    ASSERT_FALSE(impersonating.ok());
    EXPECT_EQ(impersonating.error().code, "terminal_mismatch");
    EXPECT_FALSE(store_->lastHeartbeat("KIOSK-SOMEONE-ELSE").ok());

    health.terminalId = "KIOSK-TEST-0001";
    health.devices = {{"printer", "on fire"}};
    auto malformed = client.heartbeat(health);
    ASSERT_FALSE(malformed.ok());
    EXPECT_EQ(malformed.error().code, "invalid_request");
}

TEST_F(ClientRig, RefusesIdsThatWouldBendTheUrlPathBeforeSendingAnything) {
    HttpsPlatformClient client(config(server_->port()));
    EXPECT_EQ(client.doctors("NK/../admin").error().code, "platform.bad_id");
    EXPECT_EQ(client.schedule("D1?x=1", "2026-11-23", "2026-11-24").error().code,
              "platform.bad_id");
    EXPECT_EQ(client.checkIn("../B1", "k").error().code, "platform.bad_id");
    EXPECT_EQ(client.cancelBooking("", "k").error().code, "platform.bad_id");
    EXPECT_EQ(client.startPayment("B 1", "wechat", "k").error().code, "platform.bad_id");
    EXPECT_EQ(client.payment("Y1/").error().code, "platform.bad_id");
    EXPECT_EQ(client.bookings("P1#", PlatformClient::Scope::Today).error().code, "platform.bad_id");
    EXPECT_EQ(client.booking("..").error().code, "platform.bad_id");
    EXPECT_EQ(client.idempotencyRecord("k/1").error().code, "platform.bad_id");
    EXPECT_EQ(client.handshakes(), 0);       // nothing was sent
    EXPECT_TRUE(client.departments().ok());  // and the client still works
}

// 门诊缴费 through the kiosk's client: two bills paid with insurance, the cash part by payment
// code, saved by the HIS; a lost settlement asked after and reversed; refusals typed.
TEST_F(ClientRig, PaysTwoBillsWithInsuranceAndAPaymentCode) {
    HttpsPlatformClient client(config(server_->port()));
    auto patient =
        lobby::testing::registerVerified(client, *store_, "310115198506150022", "李秀英", "reg-1");
    ASSERT_TRUE(patient.ok()) << patient.error().message;
    ASSERT_TRUE(store_->insure(patient->id, "SSC0001", "SERIAL01", "active", "local", 5'000));
    ASSERT_TRUE(store_->seedBill(patient->id, "drugs", std::chrono::system_clock::now()));
    ASSERT_TRUE(store_->seedBill(patient->id, "blood", std::chrono::system_clock::now()));

    auto bills = client.bills(patient->id);
    ASSERT_TRUE(bills.ok()) << bills.error().message;
    ASSERT_EQ(bills->size(), 2u);
    EXPECT_EQ(bills->at(0).category, BillCategory::Drug);
    EXPECT_EQ(bills->at(1).note, "空腹抽血，请勿进食");
    auto lock = client.lockBills(patient->id, {bills->at(0).id, bills->at(1).id}, "lock-1");
    ASSERT_TRUE(lock.ok()) << lock.error().message;
    EXPECT_EQ(lock->total_fen, bills->at(0).total_fen + bills->at(1).total_fen);

    InsuranceCredential card;
    card.cardNumber = "SSC0001";
    card.cardSerial = "SERIAL01";
    auto price = client.presettle(lock->id, card, "price-1");
    ASSERT_TRUE(price.ok()) << price.error().message;
    EXPECT_EQ(price->split.account_fen, 5'000) << "the account pays what it holds";
    ASSERT_GT(price->split.cash_fen, 0);

    auto settled = client.settle(price->id, "msg-1");
    ASSERT_TRUE(settled.ok()) << settled.error().message;
    EXPECT_EQ(settled->status, SettlementStatus::Settled);
    auto asked = client.settlementByMessage("msg-1");
    ASSERT_TRUE(asked.ok());
    EXPECT_EQ(asked->id, settled->id);

    auto refused = client.payBills(lock->id, BillPayMethod::PaymentCode, price->id, "12", "pay-0");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "payment_code_invalid");
    auto paid = client.payBills(lock->id, BillPayMethod::PaymentCode, price->id,
                                "134567890123456789", "pay-1");
    ASSERT_TRUE(paid.ok()) << paid.error().message;
    EXPECT_EQ(paid->status, BillPaymentStatus::Captured);
    EXPECT_EQ(paid->amount_fen, price->split.cash_fen);

    auto receipt = client.saveBills(lock->id, settled->id, paid->id, "save-1");
    ASSERT_TRUE(receipt.ok()) << receipt.error().message;
    EXPECT_FALSE(receipt->receiptNumber.empty());
    EXPECT_EQ(receipt->bills.size(), 2u);
    EXPECT_EQ(receipt->cash_fen, price->split.cash_fen);
    auto none = client.bills(patient->id);
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty()) << "paid bills are no longer owed";

    auto barred = client.reverseInsurance("msg-never-sent");
    ASSERT_TRUE(barred.ok()) << barred.error().message;
    EXPECT_FALSE(barred->reversed);
    EXPECT_EQ(client.releaseBillLock("../x").error().code, "platform.bad_id");
}
