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

}  // namespace lobby::privacy
