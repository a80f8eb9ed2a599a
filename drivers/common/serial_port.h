#pragma once
// termios set-up shared by every device on a serial port (ID card readers, scanners).

#include <termios.h>

namespace lobby {

// B9600 ... B115200 for a supported rate, 0 for anything else.
speed_t baudConstant(int baud);
// Raw 8N1 at `baud`, no flow control, reads that never block in the kernel. Returns false and
// leaves errno set when the port cannot be configured.
bool configureRawSerial(int fd, int baud);

}  // namespace lobby
