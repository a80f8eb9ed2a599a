// The sandbox platform over real TLS on loopback, driven with libcurl: mutual TLS works with a
// terminal certificate from its dev CA and is refused without one, with an expired one, against
// the wrong CA or the wrong host name; the catalogue answers in the contract's shape.
#include <curl/curl.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sim/platform/platform_server.h"

using namespace lobby;
using namespace lobby::sim;

namespace {

struct Reply {
    CURLcode code = CURLE_OK;
    long status = 0;
    std::string body;
    std::string error;
};

struct Client {
    std::filesystem::path ca;
    std::filesystem::path cert;  // empty: no client certificate
    std::filesystem::path key;
    std::string host = "127.0.0.1";
};

Reply get(unsigned short port, const std::string& path, const Client& client) {
    Reply reply;
    CURL* curl = curl_easy_init();
    const std::string url = "https://" + client.host + ":" + std::to_string(port) + path;
    curl_slist* resolve = nullptr;
    if (client.host != "127.0.0.1") {
        resolve = curl_slist_append(
            nullptr, (client.host + ":" + std::to_string(port) + ":127.0.0.1").c_str());
        curl_easy_setopt(curl, CURLOPT_RESOLVE, resolve);
    }
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CAINFO, client.ca.c_str());
    if (!client.cert.empty()) {
        curl_easy_setopt(curl, CURLOPT_SSLCERT, client.cert.c_str());
        curl_easy_setopt(curl, CURLOPT_SSLKEY, client.key.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 5000L);
    curl_easy_setopt(
        curl, CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
            static_cast<std::string*>(out)->append(data, size * count);
            return size * count;
        });
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    reply.code = curl_easy_perform(curl);
    reply.error = error;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    curl_easy_cleanup(curl);
    curl_slist_free_all(resolve);
    return reply;
}

class Platform : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("lobby-platform-test-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        auto tls = ensureDevCa(dir_ / "ca");
        ASSERT_TRUE(tls.ok()) << tls.error().message;
        ASSERT_TRUE(issueClientCertificate(dir_ / "ca", "KIOSK-TEST-0001", dir_ / "terminal").ok());
        ASSERT_TRUE(
            issueClientCertificate(dir_ / "ca", "KIOSK-OLD-0002", dir_ / "expired", -1).ok());
        auto store = PlatformStore::open(dir_ / "platform.db");
        ASSERT_TRUE(store.ok()) << store.error().message;
        store_ = std::move(store.value());
        auto server = PlatformServer::start(tls.value(), *store_, 0);
        ASSERT_TRUE(server.ok()) << server.error().message;
        server_ = std::move(server.value());
        terminal_ = {dir_ / "ca" / "ca.pem", dir_ / "terminal" / "client.pem",
                     dir_ / "terminal" / "client.key"};
    }
    void TearDown() override {
        server_.reset();
        store_.reset();
        std::filesystem::remove_all(dir_);
    }

    std::filesystem::path dir_;
    std::unique_ptr<PlatformStore> store_;
    std::unique_ptr<PlatformServer> server_;
    Client terminal_;
};

}  // namespace

TEST_F(Platform, ServesTheCatalogueToAnEnrolledTerminal) {
    const Reply departments = get(server_->port(), "/v1/departments", terminal_);
    ASSERT_EQ(departments.code, CURLE_OK) << curl_easy_strerror(departments.code);
    EXPECT_EQ(departments.status, 200);
    const auto list = nlohmann::json::parse(departments.body);
    ASSERT_EQ(list.size(), 8u);
    EXPECT_EQ(list[4]["id"], "NK");
    EXPECT_EQ(list[4]["name"]["zh"], "内科");
    EXPECT_EQ(list[4]["pinyin_initials"], "NK");
    EXPECT_EQ(list[4]["category"]["zh"], "内科");
    EXPECT_EQ(list[6]["id"], "XXGNK");
    EXPECT_EQ(list[6]["category"]["zh"], "内科") << "grouped with 内科, not under X";

    const Reply doctors = get(server_->port(), "/v1/departments/NK/doctors", terminal_);
    ASSERT_EQ(doctors.status, 200);
    const auto doctorList = nlohmann::json::parse(doctors.body);
    ASSERT_EQ(doctorList.size(), 5u) << "four named doctors and the department's 普通号";
    EXPECT_EQ(doctorList[0]["title"], "主任医师");
    EXPECT_EQ(doctorList[0]["fee_fen"], 5000);
    EXPECT_EQ(doctorList[0]["clinic_type"], "expert");
    EXPECT_EQ(doctorList[4]["id"], "GNK");
    EXPECT_EQ(doctorList[4]["clinic_type"], "general");
    EXPECT_FALSE(doctorList[4].contains("photo_url")) << "no named doctor, no portrait";

    const Reply unknown = get(server_->port(), "/v1/departments/XYZ/doctors", terminal_);
    EXPECT_EQ(unknown.status, 404);
    const auto error = nlohmann::json::parse(unknown.body);
    EXPECT_EQ(error["code"], "not_found");
    EXPECT_EQ(error["message"]["en"], "No such department");
    EXPECT_EQ(error["retryable"], false);
}

TEST_F(Platform, RefusesWithoutAValidClientCertificate) {
    Client anonymous = terminal_;
    anonymous.cert.clear();
    EXPECT_NE(get(server_->port(), "/v1/departments", anonymous).status, 200);

    Client expired{terminal_.ca, dir_ / "expired" / "client.pem", dir_ / "expired" / "client.key"};
    EXPECT_NE(get(server_->port(), "/v1/departments", expired).status, 200);
}

TEST_F(Platform, TheClientRefusesTheWrongCaAndTheWrongHostName) {
    auto other = ensureDevCa(dir_ / "other-ca", "Some other CA");
    ASSERT_TRUE(other.ok());
    Client wrongCa = terminal_;
    wrongCa.ca = other->caCertificate;
    const Reply untrusted = get(server_->port(), "/v1/departments", wrongCa);
    EXPECT_EQ(untrusted.code, CURLE_PEER_FAILED_VERIFICATION) << untrusted.error;

    Client wrongHost = terminal_;
    wrongHost.host = "platform.invalid";
    const Reply mismatch = get(server_->port(), "/v1/departments", wrongHost);
    EXPECT_EQ(mismatch.code, CURLE_PEER_FAILED_VERIFICATION) << mismatch.error;
}
