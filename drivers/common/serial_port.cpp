#include "common/serial_port.h"

namespace lobby {

speed_t baudConstant(int baud) {
    switch (baud) {
        case 9600:
            return B9600;
        case 19200:
            return B19200;
        case 38400:
            return B38400;
        case 57600:
            return B57600;
        case 115200:
            return B115200;
        default:
            return 0;
    }
}

bool configureRawSerial(int fd, int baud) {
    termios tty{};
    if (::tcgetattr(fd, &tty) != 0) return false;
    ::cfmakeraw(&tty);
    tty.c_cflag |= CLOCAL | CREAD;
    tty.c_cflag &= ~static_cast<tcflag_t>(CSTOPB | PARENB | CRTSCTS);
    tty.c_cc[VMIN] = 0;
    tty.c_cc[VTIME] = 0;
    ::cfsetispeed(&tty, baudConstant(baud));
    ::cfsetospeed(&tty, baudConstant(baud));
    return ::tcsetattr(fd, TCSANOW, &tty) == 0;
}

}  // namespace lobby
