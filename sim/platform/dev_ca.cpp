#include "sim/platform/dev_ca.h"

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <memory>

namespace lobby::sim {
namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

Error sslError(const std::string& what) {
    return makeError(ErrorKind::Internal, "platform.ca", what + " failed");
}

Key newKey() {
    return Key(EVP_EC_gen("P-256"), EVP_PKEY_free);
}

bool writeKey(const std::filesystem::path& path, EVP_PKEY* key) {
    FILE* file = std::fopen(path.c_str(), "w");
    if (file == nullptr) return false;
    const bool ok = PEM_write_PrivateKey(file, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    std::fclose(file);
    ::chmod(path.c_str(), 0600);
    return ok;
}

bool writeCert(const std::filesystem::path& path, X509* cert) {
    FILE* file = std::fopen(path.c_str(), "w");
    if (file == nullptr) return false;
    const bool ok = PEM_write_X509(file, cert) == 1;
    std::fclose(file);
    return ok;
}

Key readKey(const std::filesystem::path& path) {
    FILE* file = std::fopen(path.c_str(), "r");
    if (file == nullptr) return Key(nullptr, EVP_PKEY_free);
    Key key(PEM_read_PrivateKey(file, nullptr, nullptr, nullptr), EVP_PKEY_free);
    std::fclose(file);
    return key;
}

Cert readCert(const std::filesystem::path& path) {
    FILE* file = std::fopen(path.c_str(), "r");
    if (file == nullptr) return Cert(nullptr, X509_free);
    Cert cert(PEM_read_X509(file, nullptr, nullptr, nullptr), X509_free);
    std::fclose(file);
    return cert;
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (extension != nullptr) {
        X509_add_ext(cert, extension, -1);
        X509_EXTENSION_free(extension);
    }
}

// A certificate for `key` with CN `name`, signed by issuerKey (self-signed when issuer is null).
Cert makeCert(EVP_PKEY* key, const std::string& name, X509* issuer, EVP_PKEY* issuerKey,
              long serial, int validDays) {
    Cert cert(X509_new(), X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    if (validDays >= 0) {
        X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
        X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * validDays);
    } else {  // already expired
        X509_gmtime_adj(X509_getm_notBefore(cert.get()), 60L * 60 * 24 * (validDays - 1));
        X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * validDays);
    }
    X509_set_pubkey(cert.get(), key);
    X509_NAME* subject = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("Lobby Kiosk sandbox"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(name.c_str()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), issuer != nullptr ? X509_get_subject_name(issuer) : subject);
    X509* issuerCert = issuer != nullptr ? issuer : cert.get();
    if (issuer == nullptr) {
        addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), issuerCert, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:FALSE");
    }
    X509_sign(cert.get(), issuerKey != nullptr ? issuerKey : key, EVP_sha256());
    return cert;
}

// Serials only need to differ between the certificates one CA issues; time-based so that they
// also differ across runs against the same CA directory.
long nextSerial() {
    static std::atomic<long> serial{static_cast<long>(std::time(nullptr)) * 1000};
    return ++serial;
}

}  // namespace

Result<DevCaFiles> ensureDevCa(const std::filesystem::path& directory, const std::string& caName) {
    std::filesystem::create_directories(directory);
    const DevCaFiles files{directory / "ca.pem", directory / "server.pem",
                           directory / "server.key"};
    if (std::filesystem::exists(files.caCertificate) && std::filesystem::exists(files.serverKey)) {
        return files;
    }
    Key caKey = newKey();
    if (!caKey) return sslError("creating the CA key");
    Cert ca = makeCert(caKey.get(), caName, nullptr, nullptr, 1, 3650);
    if (!writeKey(directory / "ca.key", caKey.get()) || !writeCert(files.caCertificate, ca.get())) {
        return sslError("writing the dev CA");
    }
    if (auto server = issueServerCertificate(directory, "IP:127.0.0.1,DNS:localhost", directory);
        !server) {
        return server.error();
    }
    return files;
}

Status issueServerCertificate(const std::filesystem::path& caDirectory,
                              const std::string& subjectAltNames,
                              const std::filesystem::path& outDirectory) {
    Key caKey = readKey(caDirectory / "ca.key");
    Cert ca = readCert(caDirectory / "ca.pem");
    if (!caKey || !ca) return sslError("reading the dev CA");
    std::filesystem::create_directories(outDirectory);
    Key key = newKey();
    Cert server =
        makeCert(key.get(), "lobby sandbox platform", ca.get(), caKey.get(), nextSerial(), 825);
    addExtension(server.get(), ca.get(), NID_subject_alt_name, subjectAltNames.c_str());
    addExtension(server.get(), ca.get(), NID_ext_key_usage, "serverAuth");
    X509_sign(server.get(), caKey.get(), EVP_sha256());  // again, with the extensions
    if (!writeKey(outDirectory / "server.key", key.get()) ||
        !writeCert(outDirectory / "server.pem", server.get())) {
        return sslError("writing the server certificate");
    }
    return {};
}

Status issueClientCertificate(const std::filesystem::path& caDirectory,
                              const std::string& terminalId,
                              const std::filesystem::path& outDirectory, int validDays,
                              bool admin) {
    Key caKey = readKey(caDirectory / "ca.key");
    Cert ca = readCert(caDirectory / "ca.pem");
    if (!caKey || !ca) return sslError("reading the dev CA");
    std::filesystem::create_directories(outDirectory);
    Key key = newKey();
    Cert cert = makeCert(key.get(), terminalId, ca.get(), caKey.get(), nextSerial(), validDays);
    const std::string usage = admin ? std::string("clientAuth,") + kAdminKeyUsageOid : "clientAuth";
    addExtension(cert.get(), ca.get(), NID_ext_key_usage, usage.c_str());
    X509_sign(cert.get(), caKey.get(), EVP_sha256());
    if (!writeKey(outDirectory / "client.key", key.get()) ||
        !writeCert(outDirectory / "client.pem", cert.get())) {
        return sslError("writing the client certificate");
    }
    return {};
}

namespace {
std::string pemOf(X509* cert) {
    std::unique_ptr<BIO, decltype(&BIO_free)> out(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_X509(out.get(), cert);
    char* data = nullptr;
    const long length = BIO_get_mem_data(out.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
}
}  // namespace

Result<std::string> signTerminalCsr(const std::filesystem::path& caDirectory,
                                    const std::string& csrPem, const std::string& terminalId,
                                    int validDays) {
    Key caKey = readKey(caDirectory / "ca.key");
    Cert ca = readCert(caDirectory / "ca.pem");
    if (!caKey || !ca) return sslError("reading the dev CA");
    std::unique_ptr<BIO, decltype(&BIO_free)> in(
        BIO_new_mem_buf(csrPem.data(), static_cast<int>(csrPem.size())), BIO_free);
    std::unique_ptr<X509_REQ, decltype(&X509_REQ_free)> csr(
        PEM_read_bio_X509_REQ(in.get(), nullptr, nullptr, nullptr), X509_REQ_free);
    const auto refused = [](const std::string& why) {
        return makeError(ErrorKind::InvalidArgument, "csr_invalid", why);
    };
    if (!csr) return refused("not a PEM certificate request");
    EVP_PKEY* publicKey = X509_REQ_get0_pubkey(csr.get());
    if (publicKey == nullptr || X509_REQ_verify(csr.get(), publicKey) != 1)
        return refused("the request's signature does not verify");
    char group[64] = {};
    size_t groupLength = 0;
    if (!EVP_PKEY_is_a(publicKey, "EC") ||
        EVP_PKEY_get_utf8_string_param(publicKey, "group", group, sizeof group, &groupLength) !=
            1 ||
        std::string(group) != "prime256v1") {
        return refused("the key is not EC P-256");
    }
    Cert cert = makeCert(publicKey, terminalId, ca.get(), caKey.get(), nextSerial(), validDays);
    addExtension(cert.get(), ca.get(), NID_ext_key_usage, "clientAuth");
    X509_sign(cert.get(), caKey.get(), EVP_sha256());
    return pemOf(cert.get());
}

Result<std::string> caCertificatePem(const std::filesystem::path& caDirectory) {
    Cert ca = readCert(caDirectory / "ca.pem");
    if (!ca) return sslError("reading the dev CA");
    return pemOf(ca.get());
}

}  // namespace lobby::sim
