#!/bin/sh
# check-imports.sh LIB - the add-in runs inside the user's office: it must not open files,
# start processes, load libraries or use the network. Fails when LIB imports any such
# symbol (nm -D --undefined-only), and when it exports more than the loader's two symbols.
lib=$1
forbidden='^(open|open64|openat|openat64|fopen|fopen64|freopen|creat|creat64|socket|connect|bind|listen|accept|accept4|sendto|recvfrom|getaddrinfo|gethostbyname|fork|vfork|clone|execl|execle|execlp|execv|execve|execvp|execvpe|fexecve|posix_spawn|posix_spawnp|system|popen|dlopen|dlmopen|g_spawn_.*|g_file_.*|g_subprocess_.*|g_socket_.*|g_module_open.*|osl_openFile|osl_executeProcess.*|osl_createSocket.*|osl_loadModule.*)(@.*)?$'
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
