# Warnings and sanitizers for every target of ours, through one interface library.
add_library(lobby_compile_options INTERFACE)
target_compile_options(lobby_compile_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                                                       -Wnon-virtual-dtor -Wconversion -Wno-sign-conversion)
if(LOBBY_WERROR)
    target_compile_options(lobby_compile_options INTERFACE -Werror)
endif()
if(LOBBY_SANITIZE)
    target_compile_options(lobby_compile_options INTERFACE -fsanitize=address,undefined
                                                           -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(lobby_compile_options INTERFACE -fsanitize=address,undefined)
endif()
