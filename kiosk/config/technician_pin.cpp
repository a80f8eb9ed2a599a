#include "config/technician_pin.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <QByteArray>
#include <QRegularExpression>
#include <QStringList>
#include <optional>

namespace lobby::config {
namespace {

constexpr int kSalt_bytes = 16;
constexpr int kHash_bytes = 32;

std::optional<QByteArray> derive(const QString& pin, const QByteArray& salt, int iterations) {
    const QByteArray utf8 = pin.toUtf8();
    QByteArray out(kHash_bytes, '\0');
    if (PKCS5_PBKDF2_HMAC(utf8.constData(), static_cast<int>(utf8.size()),
                          reinterpret_cast<const unsigned char*>(salt.constData()),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(), kHash_bytes,
                          reinterpret_cast<unsigned char*>(out.data())) != 1) {
        return std::nullopt;
    }
    return out;
}

}  // namespace

bool isWellFormedPin(const QString& pin) {
    static const QRegularExpression digits(
        QStringLiteral("^[0-9]{%1,%2}$").arg(kPinMinDigits).arg(kPinMaxDigits));
    return digits.match(pin).hasMatch();
}

Result<QString> hashPin(const QString& pin, int iterations) {
    if (!isWellFormedPin(pin)) {
        return makeError(ErrorKind::InvalidArgument, "pin.malformed",
                         "a technician PIN is 6 to 12 digits");
    }
    QByteArray salt(kSalt_bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), kSalt_bytes) != 1)
        return makeError(ErrorKind::Internal, "pin.random", "no random bytes for the salt");
    auto hash = derive(pin, salt, iterations);
    if (!hash) return makeError(ErrorKind::Internal, "pin.kdf", "PBKDF2 failed");
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toHex()), QString::fromLatin1(hash->toHex()));
}

bool pinMatches(const QString& pin, const QString& stored) {
    static const QRegularExpression form(
        QRegularExpression::anchoredPattern(QString::fromLatin1(kPinHashPattern)));
    if (!form.match(stored).hasMatch() || !isWellFormedPin(pin)) return false;
    const QStringList parts = stored.split(QLatin1Char('$'));
    const QByteArray salt = QByteArray::fromHex(parts[2].toLatin1());
    const QByteArray expected = QByteArray::fromHex(parts[3].toLatin1());
    auto actual = derive(pin, salt, parts[1].toInt());
    return actual && actual->size() == expected.size() &&
           CRYPTO_memcmp(actual->constData(), expected.constData(),
                         static_cast<std::size_t>(expected.size())) == 0;
}

}  // namespace lobby::config
