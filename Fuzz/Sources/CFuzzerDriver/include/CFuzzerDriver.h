// libFuzzer's driver, for a Swift entry point that hands over to it (see fuzz-multipart/main.swift).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
