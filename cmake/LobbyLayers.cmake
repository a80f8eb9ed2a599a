include_guard(GLOBAL)
# A layer's headers are reachable only through its target. Each target gets an include root of
# its own in the build tree holding one link, named as the layer's folder, to that folder: a file
# that includes "core/session_machine.h" compiles only if its target links the target that owns
# kiosk/core. Nothing exports a parent folder (kiosk/, drivers/) as an include root, so an
# include against the arrows of docs/architecture.md fails with "No such file or directory".
function(lobby_layer_headers target)
    get_filename_component(folder ${CMAKE_CURRENT_SOURCE_DIR} NAME)
    set(root ${CMAKE_BINARY_DIR}/layers/${target})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${root}/${folder} SYMBOLIC)
    target_include_directories(${target} PUBLIC ${root})
endfunction()
