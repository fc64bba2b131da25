// The baseline process for end-to-end timings: read a YAML file and run libyaml's parser over every event,
// keeping nothing. `raw-libyaml FILE` prints the event count.
#include <stdio.h>
#include <stdlib.h>

#include "raw_libyaml.h"

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: raw-libyaml FILE\n");
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    if (!file) {
        perror(argv[1]);
        return 2;
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? (size_t)size : 1);
    if (!bytes || fread(bytes, 1, (size_t)size, file) != (size_t)size) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    fclose(file);
    long events = raw_yaml_event_count(bytes, (size_t)size);
    free(bytes);
    if (events < 0) {
        fprintf(stderr, "libyaml could not parse %s\n", argv[1]);
        return 1;
    }
    printf("%ld\n", events);
    return 0;
}
