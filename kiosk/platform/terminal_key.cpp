#include "platform/terminal_key.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace lobby::platform {
namespace {

Error opensslError(const char* what) {
    char detail[256] = "unknown";
    if (const unsigned long code = ERR_get_error(); code != 0)
        ERR_error_string_n(code, detail, sizeof detail);
    ERR_clear_error();
    return makeError(ErrorKind::Internal, "enroll.key", std::string(what) + ": " + detail);
}

std::string drain(BIO* bio) {
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(length));
}

}  // namespace

Result<TerminalKey> generateTerminalKey(const std::string& terminalId) {
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    if (!key) return opensslError("generating the terminal key");
    std::unique_ptr<X509_REQ, decltype(&X509_REQ_free)> csr(X509_REQ_new(), X509_REQ_free);
    X509_NAME* subject = X509_REQ_get_subject_name(csr.get());
    if (X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(terminalId.c_str()), -1,
                                   -1, 0) != 1 ||
        X509_REQ_set_pubkey(csr.get(), key.get()) != 1 ||
        X509_REQ_sign(csr.get(), key.get(), EVP_sha256()) <= 0) {
        return opensslError("making the certificate request");
    }
    std::unique_ptr<BIO, decltype(&BIO_free)> keyOut(BIO_new(BIO_s_mem()), BIO_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> csrOut(BIO_new(BIO_s_mem()), BIO_free);
    if (PEM_write_bio_PrivateKey(keyOut.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
            1 ||
        PEM_write_bio_X509_REQ(csrOut.get(), csr.get()) != 1) {
        return opensslError("writing the key and request");
    }
    return TerminalKey{drain(keyOut.get()), drain(csrOut.get())};
}

}  // namespace lobby::platform
