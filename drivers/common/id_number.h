#pragma once
// The resident identity number (公民身份号码, GB 11643), shared by every card that carries one.

#include <optional>
#include <string_view>

#include "common/date.h"

namespace lobby {

// 17 digits weighted 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 indexes "10X98765432".
bool hasValidCheckDigit(std::string_view idNumber18);
// The check digit the first 17 digits call for; nothing when they are not 17 digits.
std::optional<char> checkDigitFor(std::string_view first17);

// Whether the number records this sex in its 17th digit (odd: male, even: female); false for a
// number without such a digit.
bool recordsSex(std::string_view idNumber18, bool male);

// The holder's birth date, digits 7-14 (YYYYMMDD); nothing when the number is not 18
// characters or the date is impossible.
std::optional<Date> birthDateOf(std::string_view idNumber18);
// The holder's age on `today` from their birth date; nothing when there is none or it is in
// the future.
std::optional<int> ageOn(std::string_view idNumber18, int todayYear, int todayMonth, int todayDay);

}  // namespace lobby
