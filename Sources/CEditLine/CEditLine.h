#include <stdio.h>
#include <readline.h>
