#ifndef RAW_LIBYAML_H
#define RAW_LIBYAML_H

#include <stddef.h>

/// Baseline (a): parses `bytes` with libyaml and counts the events, doing nothing else with them.
/// Returns the number of events (stream start through stream end), or -1 when libyaml reports an error.
long raw_yaml_event_count(const unsigned char *bytes, size_t length);

#endif
