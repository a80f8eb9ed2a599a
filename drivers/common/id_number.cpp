#include "common/id_number.h"

#include <array>

namespace lobby {

std::optional<char> checkDigitFor(std::string_view first17) {
    static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                     3, 7, 9,  10, 5, 8, 4, 2};
    static constexpr std::string_view kCheck = "10X98765432";
    if (first17.size() < 17) return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        if (first17[i] < '0' || first17[i] > '9') return std::nullopt;
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kCheck[static_cast<std::size_t>(sum % 11)];
}

bool hasValidCheckDigit(std::string_view id) {
    if (id.size() != 18) return false;
    const auto expected = checkDigitFor(id.substr(0, 17));
    const char last = id[17] == 'x' ? 'X' : id[17];
    return expected && *expected == last;
}

bool recordsSex(std::string_view id, bool male) {
    if (id.size() != 18 || id[16] < '0' || id[16] > '9') return false;
    return ((id[16] - '0') % 2 == 1) == male;
}

std::optional<Date> birthDateOf(std::string_view id) {
    if (id.size() != 18) return std::nullopt;
    return parseCompactDate(id.substr(6, 8));
}

std::optional<int> ageOn(std::string_view id, int todayYear, int todayMonth, int todayDay) {
    const auto born = birthDateOf(id);
    if (!born) return std::nullopt;
    const int year = born->year, month = born->month, day = born->day;
    int age = todayYear - year;
    if (todayMonth < month || (todayMonth == month && todayDay < day)) --age;
    if (age < 0) return std::nullopt;
    return age;
}

}  // namespace lobby
