#pragma once
// Masking of personal data. Anything that may reach a log, a heartbeat or a screen that does not
// need the full value goes through one of these. Inputs and outputs are UTF-8.

#include <string>
#include <string_view>

namespace lobby::privacy {

// "11010519491231002X" -> "1101**********002X"; too short to keep anything -> all '*'.
std::string maskIdNumber(std::string_view idNumber);

// "张三丰" -> "张*丰", "张三" -> "张*", "欧阳娜娜" -> "欧**娜"; counts code points, not bytes.
std::string maskName(std::string_view name);

// "13812345678" -> "138****5678".
std::string maskPhone(std::string_view phone);

// Defence in depth for free text leaving the kiosk (a diagnostic bundle's logs): every number
// that looks like personal data is masked wherever it stands, glued to letters or '_' included.
// Full-width digits are read as digits first. Masked: 18-character resident ID numbers (and
// foreign permanent-residence numbers of the 2023 form, which share it), 15-digit ones of the
// first generation, foreign permanent-residence numbers of the 2004 form (three letters and
// twelve digits), and mainland mobile numbers, with +86 / 0086 or without, written whole or
// as 3-4-4 with spaces or hyphens.
std::string scrubPersonalData(std::string_view text);

}  // namespace lobby::privacy
