/*
 * mask.h -- sensitive numbers as shown by default (SPEC §12):
 * 4501**********1234, 138****8000, 6228 **** **** 4171.
 * Each writes at most 64 bytes into out and returns out.
 */
#ifndef HZ_MASK_H
#define HZ_MASK_H

char *mask_id(const char *id, char out[64]);
char *mask_phone(const char *phone, char out[64]);
char *mask_card(const char *card, char out[64]);

#endif
