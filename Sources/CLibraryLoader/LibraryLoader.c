#include "CLibraryLoader.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void *flashcast_open_library(const char *variable, const char *const *names, size_t count, const char *what,
                             char *reason, size_t size) {
    void *library = NULL;
    const char *chosen = getenv(variable);
    if (chosen && *chosen) {
        library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
    } else {
        for (size_t i = 0; i < count && !library; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        const char *why = dlerror();
        snprintf(reason, size, "%s cannot be loaded (%s)", what, why ? why : "not found");
    }
    return library;
}
