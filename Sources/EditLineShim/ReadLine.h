/* Internal to the shim: set-up of the interruptible reading in ReadLine.c. */
#ifndef EDIT_LINE_SHIM_READ_LINE_H
#define EDIT_LINE_SHIM_READ_LINE_H

/* Makes Ctrl-C end a pending read at once; called by eshim_setup before the first readline. */
void eshim_setup_reading(void);

#endif
