/*
 * changeint.h -- what change.c and changeview.c share: the columns of a
 * person (before or after) as their statements read them.
 */
#ifndef HZ_CHANGEINT_H
#define HZ_CHANGEINT_H

/* The columns of a person, as the statements read them. */
#define PERSON_COLS(p) \
	p "name, " p "id_type, " p "id_number, COALESCE(" p "gender, ''),"   \
	" COALESCE(DATE_FORMAT(" p "birth_date, '%Y-%m-%d'), ''),"           \
	" COALESCE(" p "si_type, ''), COALESCE(" p "si_card, ''),"           \
	" COALESCE(" p "phone, '')"
#define PERSON_NCOLS	8

#endif
