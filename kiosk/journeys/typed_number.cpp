#include "journeys/typed_number.h"

#include <algorithm>
#include <initializer_list>

#include "common/privacy.h"

namespace lobby::journeys {
namespace {

// `text` in groups of `sizes` separated by a space; what is beyond the last group is appended
// to it (the keypad never types more).
QString grouped(const QString& text, std::initializer_list<int> sizes) {
    QString out;
    qsizetype at = 0;
    for (const int size : sizes) {
        if (at >= text.size()) break;
        if (at > 0) out += QLatin1Char(' ');
        out += text.mid(at, size);
        at += size;
    }
    if (at < text.size()) out += text.mid(at);
    return out;
}

}  // namespace

QString shownIdNumber(const QString& typed, bool masked) {
    const QString text =
        masked ? QString::fromStdString(privacy::maskIdNumber(typed.toStdString())) : typed;
    return grouped(text, {6, 8, 4});
}

bool isMobileNumber(const QString& phone) {
    if (phone.size() != 11 || phone.front() != QLatin1Char('1')) return false;
    return std::all_of(phone.begin(), phone.end(), [](QChar c) { return c.isDigit(); });
}

QString shownPhone(const QString& typed, bool masked) {
    const QString text =
        masked ? QString::fromStdString(privacy::maskPhone(typed.toStdString())) : typed;
    return grouped(text, {3, 4, 4});
}

}  // namespace lobby::journeys
