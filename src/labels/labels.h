/* labels: the tables of the agenda's words, one file a language
 * (src/labels/<code>.c), indexed by itin_label (i18n.h). A translator adds a
 * language with a file here, a row in i18n.c's LOCALES and CODES, and a
 * value of itin_lang. */
#ifndef ITIN_LABELS_H
#define ITIN_LABELS_H

#include "i18n.h"

extern const char *const itin_labels_en[L__COUNT];
extern const char *const itin_labels_de[L__COUNT];
extern const char *const itin_labels_ko[L__COUNT];
extern const char *const itin_labels_vi[L__COUNT];
extern const char *const itin_labels_ja[L__COUNT];
extern const char *const itin_labels_zh_hans[L__COUNT];
extern const char *const itin_labels_zh_hant[L__COUNT];
extern const char *const itin_labels_fr[L__COUNT];
extern const char *const itin_labels_es[L__COUNT];
extern const char *const itin_labels_pl[L__COUNT];
extern const char *const itin_labels_cs[L__COUNT];

#endif
