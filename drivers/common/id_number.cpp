#include "common/id_number.h"

#include <array>

namespace lobby {

bool hasValidCheckDigit(std::string_view id) {
    static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                     3, 7, 9,  10, 5, 8, 4, 2};
    static constexpr std::string_view kCheck = "10X98765432";
    if (id.size() != 18) return false;
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        if (id[i] < '0' || id[i] > '9') return false;
        sum += (id[i] - '0') * kWeights[i];
    }
    const char last = id[17] == 'x' ? 'X' : id[17];
    return kCheck[static_cast<std::size_t>(sum % 11)] == last;
}

}  // namespace lobby
