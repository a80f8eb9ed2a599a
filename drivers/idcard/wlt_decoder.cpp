#include "idcard/wlt_decoder.h"

#include <dlfcn.h>

namespace lobby::idcard {

Result<std::unique_ptr<WltDecoder>> WltDecoder::load(const std::string& libraryPath) {
    void* handle = ::dlopen(libraryPath.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = ::dlerror();
        return makeError(ErrorKind::NotFound, "idcard.wlt_plugin_missing",
                         "cannot load the photo decoder " + libraryPath + ": " +
                             (why != nullptr ? why : "unknown error"));
    }
    auto* symbol = ::dlsym(handle, kWltDecodeSymbol);
    if (symbol == nullptr) {
        ::dlclose(handle);
        return makeError(ErrorKind::InvalidConfig, "idcard.wlt_plugin_invalid",
                         libraryPath + " has no " + kWltDecodeSymbol + " function");
    }
    return std::unique_ptr<WltDecoder>(
        new WltDecoder(handle, reinterpret_cast<DecodeFunction>(symbol)));
}

WltDecoder::~WltDecoder() {
    ::dlclose(handle_);
}

Result<Bytes> WltDecoder::decode(std::span<const std::uint8_t> wlt) const {
    Bytes bmp(kMaxPhotoBmp_bytes);
    std::size_t length = 0;
    const int status = decode_(wlt.data(), wlt.size(), bmp.data(), bmp.size(), &length);
    if (status != 0 || length == 0 || length > bmp.size()) {
        return makeError(ErrorKind::Device, "idcard.wlt_decode_failed",
                         "the photo decoder failed with status " + std::to_string(status));
    }
    bmp.resize(length);
    return bmp;
}

}  // namespace lobby::idcard
