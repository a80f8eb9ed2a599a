#pragma once
// The resident identity number (公民身份号码, GB 11643), shared by every card that carries one.

#include <string_view>

namespace lobby {

// 17 digits weighted 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 indexes "10X98765432".
bool hasValidCheckDigit(std::string_view idNumber18);

}  // namespace lobby
