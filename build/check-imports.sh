#!/bin/sh
# check-imports.sh LIB - the add-in runs inside the user's office: it must not open files,
# start processes, load libraries or use the network (README: Reliability). Fails when LIB imports any such
# symbol (nm -D --undefined-only), and when it exports more than the loader's two symbols.
lib=$1
# files (the fortified __open_2 too, temp files, directories), processes, libraries, network
forbidden='^(open|open64|openat|openat64|__open_2|__open64_2|__openat_2|__openat64_2|fopen|fopen64|freopen|freopen64|fdopen|creat|creat64|tmpfile|tmpfile64|mkstemp.*|mkostemp.*|mkdtemp|opendir|fdopendir|socket|socketpair|connect|bind|listen|accept|accept4|sendto|sendmsg|recvfrom|recvmsg|getaddrinfo|gethostbyname.*|fork|vfork|clone|clone3|exec.*|fexecve|posix_spawn|posix_spawnp|system|popen|syscall|dlopen|dlmopen|g_open|g_fopen|g_freopen|g_creat|g_mkstemp.*|g_mkdtemp.*|g_dir_open|g_io_channel_new_file|g_key_file_load_from_.*|g_mapped_file_new.*|g_spawn.*|g_file_.*|g_subprocess.*|g_socket.*|g_resolver_.*|g_network_.*|g_dbus_.*|g_module_open.*|osl_openFile|osl_openDirectory|osl_createDirectory.*|osl_removeFile|osl_copyFile|osl_moveFile|osl_createTempFile|osl_executeProcess.*|osl_createSocket.*|osl_createPipe|osl_loadModule.*)(@.*)?$'
passed=0; failed=0
bad=$(nm -D --undefined-only "$lib" | awk '{print $NF}' | grep -E "$forbidden")
if [ -n "$bad" ]; then
    echo "FAIL $lib imports forbidden symbols:"; echo "$bad"; failed=$((failed + 1))
else
    echo "ok   $lib imports no file, process, library or network function"; passed=$((passed + 1))
fi
exports=$(nm -D --defined-only "$lib" | awk '$2 ~ /[TDBR]/ {print $3}' | sort | tr '\n' ' ')
if [ "$exports" = "component_getFactory component_getImplementationEnvironment " ]; then
    echo "ok   $lib exports only the two component_* symbols"; passed=$((passed + 1))
else
    echo "FAIL $lib exports: $exports"; failed=$((failed + 1))
fi
echo "imports: $passed passed, $failed failed"
echo "imports $passed $failed" >> "${RESULTS:-build/out/results}"
[ "$failed" -eq 0 ]
