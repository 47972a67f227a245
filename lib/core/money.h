/*
 * money.h -- amounts are int64_t fen everywhere; these are the only places
 * that turn them into text.
 */
#ifndef HZ_MONEY_H
#define HZ_MONEY_H

#include <stddef.h>
#include <stdint.h>

/*
 * money_format: fen as "8,323.04" (thousands separators, always two
 * decimals, leading '-' for negatives) into `out`.  Returns `out`.
 * 32 bytes always suffice.
 */
char *money_format(int64_t fen, char *out, size_t outsz);

/* money_plain: fen as "8323.04" (no separators), for SMS and bank files. */
char *money_plain(int64_t fen, char *out, size_t outsz);

/*
 * money_capital: fen in Chinese capital numerals as written on payment
 * notices (大写金额): 832304 -> "捌仟叁佰贰拾叁元零肆分", 100 -> "壹元整",
 * 0 -> "零元整".  整 follows 元 only, never 角 (the bank rules make it
 * optional there): 10050 -> "壹佰元零伍角", 10 -> "壹角".  Returns `out`,
 * or NULL if it does not fit (128 bytes always suffice for amounts below
 * 10^13 fen).
 */
char *money_capital(int64_t fen, char *out, size_t outsz);

#endif
