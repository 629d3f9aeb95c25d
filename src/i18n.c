/* i18n: the agenda's words in English, German and Korean, and everything
 * locale-dependent — dates, numbers, lists, display widths, line breaks —
 * through ICU, never hand-made month or weekday tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/umsg.h>
#include <unicode/ulistformatter.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

/* One table per language. "%d" and "%s" are filled in by the caller where
 * the label's comment in i18n.h says so. */
static const char
    *const
        LABELS[ITIN_LANG_COUNT]
              [L__COUNT] =
                  {
                      [ITIN_EN] =
                          {
                              [L_DAY] = "Day %d",
                              [L_DAY_BEFORE] = "Arrival",
                              [L_DAY_AFTER] = "Departure",
                              [L_LEAD] = "Led by",
                              [L_ORGANIZER] = "Organiser",
                              [L_DATES] = "Dates",
                              [L_REVISION] = "Revision",
                              [L_FOR] = "Agenda for",
                              [L_PLACE] = "Place",
                              [L_ADDRESS] = "Address",
                              [L_WITH] = "Attending",
                              [L_TOPICS] = "Topics",
                              [L_HOST] = "Host",
                              [L_CONTACT] = "Contact",
                              [L_TRANSFER] = "Transfer",
                              [L_ARRIVAL] = "Arrival",
                              [L_REF] = "Booking",
                              [L_LODGING] = "Lodging",
                              [L_PARTICIPANTS] = "Participants",
                              [L_CONTACTS] = "Contacts",
                              [L_CANCELLED] = "CANCELLED",
                              [L_TENTATIVE] = "tentative",
                              [L_LOCAL_TIME] = "Local time",
                              [L_NO_ITEMS] = "No appointments.",
                              [L_EVERYONE] = "everyone",
                              [L_GROUPS] = "Groups",
                              [L_MODE_WALK] = "on foot",
                              [L_MODE_BIKE] = "by bike",
                              [L_MODE_CAR] = "by car",
                              [L_MODE_TAXI] = "by taxi",
                              [L_MODE_BUS] = "by bus",
                              [L_MODE_TRAIN] = "by train",
                              [L_MODE_FLIGHT] = "Flight",
                              [L_MODE_SHIP] = "by ship",
                              [L_HOURS] = "h",
                              [L_MINUTES] = "min",
                              [L_NEXT_DAY] = "next day",
                              [L_EMAIL] = "e-mail",
                              [L_PHONE] = "phone",
                              [L_WEB] = "web",
                              [L_DEPARTURE] = "Departure",
                              [L_ESTIMATED] = "estimated",
                              [L_NOUN_WALK] = "Walk",
                              [L_NOUN_BIKE] = "Bike",
                              [L_NOUN_CAR] = "Car",
                              [L_NOUN_TAXI] = "Taxi",
                              [L_NOUN_BUS] = "Bus",
                              [L_NOUN_TRAIN] = "Train",
                              [L_NOUN_FLIGHT] = "Flight",
                              [L_NOUN_SHIP] = "Ship",
                              [L_TRANSPORT] = "Transport",
                              [L_PEOPLE] = "%zu people",
                              [L_PERSON] = "1 person",
                              [L_VEHICLES] = "Vehicles needed",
                              [L_NO_TRANSFERS] = "No transfers.",
                              [L_CHECKIN_BY] = "Check-in by",
                              [L_THERE_BY] = "Be there by",
                              [L_FREE_TIME] = "Free time",
                              [L_MEETING] = "Meeting",
                              [L_TABLE] = "Table",
                              [L_INTERPRETED] = "with interpreter",
                              [L_DIFF_TITLE] = "Changes: %s",
                              [L_DIFF_FOR] = "Changes for",
                              [L_DIFF_SUMMARY] = "Summary",
                              [L_DIFF_COUNT] =
                                  "{0,plural,one{# change} other{# changes}} affecting {1,number} "
                                  "of {2,plural,one{# participant} other{# participants}}",
                              [L_DIFF_COUNT_YOU] = "{0,plural,one{# change} other{# changes}} for you",
                              [L_DIFF_NONE] = "No changes.",
                              [L_DIFF_CONCERNS] = "Concerns",
                              [L_DIFF_JOINING] = "Joining",
                              [L_DIFF_LEAVING] = "Leaving",
                              [L_THE_VISIT] = "The visit",
                              [L_THE_TRAVEL] = "The journey",
                              [L_THE_FLIGHT] = "The flight",
                              [L_THE_TRANSFER] = "The transfer",
                              [L_THE_MEETING] = "The meeting",
                              [L_YOUR_VISIT] = "Your visit",
                              [L_YOUR_TRAVEL] = "Your journey",
                              [L_YOUR_FLIGHT] = "Your flight",
                              [L_YOUR_TRANSFER] = "Your transfer",
                              [L_YOUR_MEETING] = "Your meeting",
                              [L_DIFF_ADDED] = "New in the itinerary.",
                              [L_DIFF_ADDED_YOU] = "New in your itinerary.",
                              [L_DIFF_REMOVED] = "{it} at {time} has been removed from the itinerary.",
                              [L_DIFF_REMOVED_YOU] = "{it} at {time} is no longer in your itinerary.",
                              [L_DIFF_CANCELLED] = "{it} at {time} has been cancelled.",
                              [L_DIFF_REINSTATED] = "{it} at {time} takes place again.",
                              [L_DIFF_MOVED] = "{it} at {time} has moved to {new}.",
                              [L_DIFF_PLACE] = "{it} at {time} has a new place: {new} (was {old}).",
                              [L_DIFF_RETITLED] = "{it} at {time} has a new title (was “{old}”).",
                              [L_DIFF_BOOKING] = "{it} at {time} has a new booking: {new} (was {old}).",
                              [L_DIFF_STATUS] = "{it} at {time} is now {new} (was {old}).",
                              [L_DIFF_MODE] = "{it} at {time} now goes {new} (was {old}).",
                              [L_DIFF_DETAILS] = "{it} at {time}: new {list}.",
                              [L_DIFF_TOPICS] = "topics",
                              [L_DIFF_HOST] = "host",
                              [L_DIFF_DESCRIPTION] = "description",
                              [L_DIFF_NO_BOOKING] = "none",
                              [L_CONFIRMED] = "confirmed",
                              [L_DIFF_DATE_TIME] = "{date}, {time}",
                              [L_DIFF_LODGING_CHANGED] = "{new} instead of {old}",
                              [L_DIFF_LODGING_ADDED] = "{new} (new)",
                              [L_DIFF_LODGING_REMOVED] = "{old}: cancelled",
                              [L_DIFF_NIGHTS] = "{0,plural,one{# night} other{# nights}}",
                              [L_EVERYONE_EXCEPT] = "everyone except %s",
                              [L_PAGE] = "Page %d of %d",
                              [L_VISIT] = "Visit",
                              [L_LEG] = "Travel",
                          },
                      [ITIN_DE] =
                          {
                              [L_DAY] = "Tag %d",
                              [L_DAY_BEFORE] = "Anreise",
                              [L_DAY_AFTER] = "Abreise",
                              [L_LEAD] = "Leitung",
                              [L_ORGANIZER] = "Organisation",
                              [L_DATES] = "Zeitraum",
                              [L_REVISION] = "Stand",
                              [L_FOR] = "Programm für",
                              [L_PLACE] = "Ort",
                              [L_ADDRESS] = "Adresse",
                              [L_WITH] = "Teilnehmende",
                              [L_TOPICS] = "Themen",
                              [L_HOST] = "Gastgeber",
                              [L_CONTACT] = "Kontakt",
                              [L_TRANSFER] = "Transfer",
                              [L_ARRIVAL] = "Ankunft",
                              [L_REF] = "Buchung",
                              [L_LODGING] = "Übernachtung",
                              [L_PARTICIPANTS] = "Teilnehmende",
                              [L_CONTACTS] = "Kontakte",
                              [L_CANCELLED] = "ABGESAGT",
                              [L_TENTATIVE] = "vorläufig",
                              [L_LOCAL_TIME] = "Ortszeit",
                              [L_NO_ITEMS] = "Keine Termine.",
                              [L_EVERYONE] = "alle",
                              [L_GROUPS] = "Gruppen",
                              [L_MODE_WALK] = "zu Fuß",
                              [L_MODE_BIKE] = "mit dem Rad",
                              [L_MODE_CAR] = "mit dem Auto",
                              [L_MODE_TAXI] = "mit dem Taxi",
                              [L_MODE_BUS] = "mit dem Bus",
                              [L_MODE_TRAIN] = "mit der Bahn",
                              [L_MODE_FLIGHT] = "Flug",
                              [L_MODE_SHIP] = "mit dem Schiff",
                              [L_HOURS] = "Std.",
                              [L_MINUTES] = "Min.",
                              [L_NEXT_DAY] = "Folgetag",
                              [L_EMAIL] = "E-Mail",
                              [L_PHONE] = "Telefon",
                              [L_WEB] = "Web",
                              [L_DEPARTURE] = "Abfahrt",
                              [L_ESTIMATED] = "geschätzt",
                              [L_NOUN_WALK] = "Fußweg",
                              [L_NOUN_BIKE] = "Fahrrad",
                              [L_NOUN_CAR] = "Auto",
                              [L_NOUN_TAXI] = "Taxi",
                              [L_NOUN_BUS] = "Bus",
                              [L_NOUN_TRAIN] = "Zug",
                              [L_NOUN_FLIGHT] = "Flug",
                              [L_NOUN_SHIP] = "Schiff",
                              [L_TRANSPORT] = "Transporte",
                              [L_PEOPLE] = "%zu Personen",
                              [L_PERSON] = "1 Person",
                              [L_VEHICLES] = "Benötigte Fahrzeuge",
                              [L_NO_TRANSFERS] = "Keine Transfers.",
                              [L_CHECKIN_BY] = "Check-in bis",
                              [L_THERE_BY] = "Vor Ort bis",
                              [L_FREE_TIME] = "Freie Zeit",
                              [L_MEETING] = "Gespräch",
                              [L_TABLE] = "Tisch",
                              [L_INTERPRETED] = "mit Dolmetscher",
                              [L_DIFF_TITLE] = "Änderungen: %s",
                              [L_DIFF_FOR] = "Änderungen für",
                              [L_DIFF_SUMMARY] = "Übersicht",
                              [L_DIFF_COUNT] =
                                  "{0,plural,one{# Änderung} other{# Änderungen}} für {1,number} "
                                  "von {2,number} Teilnehmenden",
                              [L_DIFF_COUNT_YOU] = "{0,plural,one{# Änderung} other{# Änderungen}} für Sie",
                              [L_DIFF_NONE] = "Keine Änderungen.",
                              [L_DIFF_CONCERNS] = "Betrifft",
                              [L_DIFF_JOINING] = "Neu dabei",
                              [L_DIFF_LEAVING] = "Nicht mehr dabei",
                              [L_THE_VISIT] = "Der Termin",
                              [L_THE_TRAVEL] = "Die Fahrt",
                              [L_THE_FLIGHT] = "Der Flug",
                              [L_THE_TRANSFER] = "Der Transfer",
                              [L_THE_MEETING] = "Das Gespräch",
                              [L_YOUR_VISIT] = "Ihr Termin",
                              [L_YOUR_TRAVEL] = "Ihre Fahrt",
                              [L_YOUR_FLIGHT] = "Ihr Flug",
                              [L_YOUR_TRANSFER] = "Ihr Transfer",
                              [L_YOUR_MEETING] = "Ihr Gespräch",
                              [L_DIFF_ADDED] = "Neu im Programm.",
                              [L_DIFF_ADDED_YOU] = "Neu in Ihrem Programm.",
                              [L_DIFF_REMOVED] = "{it} um {time} wurde aus dem Programm gestrichen.",
                              [L_DIFF_REMOVED_YOU] = "{it} um {time} entfällt für Sie.",
                              [L_DIFF_CANCELLED] = "{it} um {time} wurde abgesagt.",
                              [L_DIFF_REINSTATED] = "{it} um {time} findet wieder statt.",
                              [L_DIFF_MOVED] = "{it} um {time} wurde auf {new} verschoben.",
                              [L_DIFF_PLACE] = "{it} um {time} hat einen neuen Ort: {new} (bisher {old}).",
                              [L_DIFF_RETITLED] = "{it} um {time} hat einen neuen Titel (bisher „{old}“).",
                              [L_DIFF_BOOKING] =
                                  "{it} um {time} hat eine neue Buchung: {new} (bisher {old}).",
                              [L_DIFF_STATUS] = "{it} um {time} ist jetzt {new} (bisher {old}).",
                              [L_DIFF_MODE] = "{it} um {time} erfolgt jetzt {new} (bisher {old}).",
                              [L_DIFF_DETAILS] = "{it} um {time}: {list} geändert.",
                              [L_DIFF_TOPICS] = "Themen",
                              [L_DIFF_HOST] = "Gastgeber",
                              [L_DIFF_DESCRIPTION] = "Beschreibung",
                              [L_DIFF_NO_BOOKING] = "keine",
                              [L_CONFIRMED] = "bestätigt",
                              [L_DIFF_DATE_TIME] = "{date}, {time}",
                              [L_DIFF_LODGING_CHANGED] = "{new} statt {old}",
                              [L_DIFF_LODGING_ADDED] = "{new} (neu)",
                              [L_DIFF_LODGING_REMOVED] = "{old}: entfällt",
                              [L_DIFF_NIGHTS] = "{0,plural,one{# Nacht} other{# Nächte}}",
                              [L_EVERYONE_EXCEPT] = "alle außer %s",
                              [L_PAGE] = "Seite %d von %d",
                              [L_VISIT] = "Termin",
                              [L_LEG] = "Reise",
                          },
                      [ITIN_KO] =
                          {
                              [L_DAY] = "%d일차",
                              [L_DAY_BEFORE] = "도착",
                              [L_DAY_AFTER] = "출발",
                              [L_LEAD] = "단장",
                              [L_ORGANIZER] = "주관",
                              [L_DATES] = "기간",
                              [L_REVISION] = "개정",
                              [L_FOR] = "개인 일정",
                              [L_PLACE] = "장소",
                              [L_ADDRESS] = "주소",
                              [L_WITH] = "참석자",
                              [L_TOPICS] = "주제",
                              [L_HOST] = "주최",
                              [L_CONTACT] = "연락처",
                              [L_TRANSFER] = "이동",
                              [L_ARRIVAL] = "도착",
                              [L_REF] = "예약",
                              [L_LODGING] = "숙박",
                              [L_PARTICIPANTS] = "참가자",
                              [L_CONTACTS] = "연락처",
                              [L_CANCELLED] = "취소",
                              [L_TENTATIVE] = "미정",
                              [L_LOCAL_TIME] = "현지 시간",
                              [L_NO_ITEMS] = "일정 없음.",
                              [L_EVERYONE] = "전원",
                              [L_GROUPS] = "그룹",
                              [L_MODE_WALK] = "도보",
                              [L_MODE_BIKE] = "자전거",
                              [L_MODE_CAR] = "승용차",
                              [L_MODE_TAXI] = "택시",
                              [L_MODE_BUS] = "버스",
                              [L_MODE_TRAIN] = "기차",
                              [L_MODE_FLIGHT] = "항공편",
                              [L_MODE_SHIP] = "선박",
                              [L_HOURS] = "시간",
                              [L_MINUTES] = "분",
                              [L_NEXT_DAY] = "다음 날",
                              [L_EMAIL] = "이메일",
                              [L_PHONE] = "전화",
                              [L_WEB] = "웹",
                              [L_DEPARTURE] = "출발",
                              [L_ESTIMATED] = "추정",
                              [L_NOUN_WALK] = "도보",
                              [L_NOUN_BIKE] = "자전거",
                              [L_NOUN_CAR] = "승용차",
                              [L_NOUN_TAXI] = "택시",
                              [L_NOUN_BUS] = "버스",
                              [L_NOUN_TRAIN] = "기차",
                              [L_NOUN_FLIGHT] = "항공편",
                              [L_NOUN_SHIP] = "선박",
                              [L_TRANSPORT] = "차량 배차",
                              [L_PEOPLE] = "%zu명",
                              [L_PERSON] = "1명",
                              [L_VEHICLES] = "필요 차량",
                              [L_NO_TRANSFERS] = "이동 없음.",
                              [L_CHECKIN_BY] = "체크인 마감",
                              [L_THERE_BY] = "집결 시각",
                              [L_FREE_TIME] = "자유 시간",
                              [L_MEETING] = "상담",
                              [L_TABLE] = "테이블",
                              [L_INTERPRETED] = "통역 포함",
                              [L_DIFF_TITLE] = "변경 사항: %s",
                              [L_DIFF_FOR] = "대상",
                              [L_DIFF_SUMMARY] = "요약",
                              [L_DIFF_COUNT] = "변경 {0,number}건, 참가자 {2,number}명 중 {1,number}명 해당",
                              [L_DIFF_COUNT_YOU] = "변경 {0,number}건",
                              [L_DIFF_NONE] = "변경 사항 없음.",
                              [L_DIFF_CONCERNS] = "해당자",
                              [L_DIFF_JOINING] = "추가 참석",
                              [L_DIFF_LEAVING] = "참석 취소",
                              [L_THE_VISIT] = "일정",
                              [L_THE_TRAVEL] = "이동편",
                              [L_THE_FLIGHT] = "항공편",
                              [L_THE_TRANSFER] = "이동",
                              [L_THE_MEETING] = "상담",
                              [L_YOUR_VISIT] = "일정",
                              [L_YOUR_TRAVEL] = "이동편",
                              [L_YOUR_FLIGHT] = "항공편",
                              [L_YOUR_TRANSFER] = "이동",
                              [L_YOUR_MEETING] = "상담",
                              [L_DIFF_ADDED] = "새로 추가된 일정입니다.",
                              [L_DIFF_ADDED_YOU] = "귀하의 일정에 새로 추가되었습니다.",
                              [L_DIFF_REMOVED] = "{time} {it}이 삭제되었습니다.",
                              [L_DIFF_REMOVED_YOU] = "{time} {it}이 귀하의 일정에서 빠졌습니다.",
                              [L_DIFF_CANCELLED] = "{time} {it}이 취소되었습니다.",
                              [L_DIFF_REINSTATED] = "{time} {it}이 다시 진행됩니다.",
                              [L_DIFF_MOVED] = "{time} {it}의 시간이 변경되었습니다: {new}",
                              [L_DIFF_PLACE] = "{time} {it}의 장소가 변경되었습니다: {new} (이전: {old})",
                              [L_DIFF_RETITLED] = "{time} {it}의 제목이 변경되었습니다 (이전: 「{old}」)",
                              [L_DIFF_BOOKING] = "{time} {it}의 예약이 변경되었습니다: {new} (이전: {old})",
                              [L_DIFF_STATUS] = "{time} {it}의 상태가 변경되었습니다: {new} (이전: {old})",
                              [L_DIFF_MODE] = "{time} {it}의 이동 수단이 변경되었습니다: {new} (이전: {old})",
                              [L_DIFF_DETAILS] = "{time} {it}의 세부 내용이 변경되었습니다: {list}",
                              [L_DIFF_TOPICS] = "주제",
                              [L_DIFF_HOST] = "주최",
                              [L_DIFF_DESCRIPTION] = "설명",
                              [L_DIFF_NO_BOOKING] = "없음",
                              [L_CONFIRMED] = "확정",
                              [L_DIFF_DATE_TIME] = "{date} {time}",
                              [L_DIFF_LODGING_CHANGED] = "{new} (이전: {old})",
                              [L_DIFF_LODGING_ADDED] = "{new} (신규)",
                              [L_DIFF_LODGING_REMOVED] = "{old}: 취소",
                              [L_DIFF_NIGHTS] = "{0,number}박",
                              [L_EVERYONE_EXCEPT] = "%s 제외 전원",
                              [L_PAGE] = "%d쪽 (총 %d쪽)",
                              [L_VISIT] = "방문",
                              [L_LEG] = "교통편",
                          },
};

/* The codes a delegation file and --lang use, and the ICU locales: British
 * English writes "Tuesday, 22 November 2022". A new language is a row here
 * and a table above. */
static const char *const CODES[ITIN_LANG_COUNT] = {"en", "de", "ko"};
static const char *const LOCALES[ITIN_LANG_COUNT] = {"en_GB", "de_DE", "ko_KR"};

const char *
itin_lang_code(itin_lang lang)
{
    return CODES[lang];
}

bool
itin_lang_find(const char *code, size_t len, itin_lang *out)
{
    for (int l = 0; l < ITIN_LANG_COUNT; l++)
        if (strlen(CODES[l]) == len && memcmp(CODES[l], code, len) == 0) {
            *out = (itin_lang)l;
            return true;
        }
    return false;
}

const char *
itin_lang_choices(void)
{
    /* "en, de or ko", made from the table once. */
    static char buf[ITIN_LANG_COUNT * 8 + 8];
    if (!buf[0])
        for (int l = 0; l < ITIN_LANG_COUNT; l++) {
            if (l)
                strcat(buf, l + 1 == ITIN_LANG_COUNT ? " or " : ", ");
            strcat(buf, CODES[l]);
        }
    return buf;
}

itin_lang
itin_lang_of(const char *code)
{
    itin_lang l = ITIN_EN;
    if (code)
        itin_lang_find(code, strcspn(code, ","), &l);
    return l;
}

int
itin_langs_parse(const char *spec, itin_langs *out, char *err, size_t errlen)
{
    out->n = 0;
    const char *p = spec;
    for (;;) {
        size_t len = strcspn(p, ",");
        itin_lang l;
        if (!itin_lang_find(p, len, &l)) {
            snprintf(err, errlen, "unknown language '%.*s' (expected %s)", (int)(len > 32 ? 32 : len), p,
                     itin_lang_choices());
            return -1;
        }
        if (out->n == ITIN_MAX_LANGS) {
            snprintf(err, errlen, "at most %d languages, not '%s'", ITIN_MAX_LANGS, spec);
            return -1;
        }
        if (out->n && out->lang[0] == l) {
            snprintf(err, errlen, "'%s' names %s twice", spec, CODES[l]);
            return -1;
        }
        out->lang[out->n++] = l;
        if (!p[len])
            return 0;
        p += len + 1;
    }
}

const char *
itin_label_text(itin_lang lang, itin_label l)
{
    const char *s = LABELS[lang][l];
    return s ? s : LABELS[ITIN_EN][l];
}

const char *
itin_mode_label(itin_lang lang, itin_mode m)
{
    static const itin_label by_mode[ITIN_MODE__COUNT] = {
        [ITIN_MODE_WALK] = L_MODE_WALK,     [ITIN_MODE_BIKE] = L_MODE_BIKE, [ITIN_MODE_CAR] = L_MODE_CAR,
        [ITIN_MODE_TAXI] = L_MODE_TAXI,     [ITIN_MODE_BUS] = L_MODE_BUS,   [ITIN_MODE_TRAIN] = L_MODE_TRAIN,
        [ITIN_MODE_FLIGHT] = L_MODE_FLIGHT, [ITIN_MODE_SHIP] = L_MODE_SHIP,
    };
    if (m <= ITIN_MODE_NONE || m >= ITIN_MODE__COUNT)
        return "";
    return itin_label_text(lang, by_mode[m]);
}

const char *
itin_leg_title(itin_arena *A, itin_lang lang, itin_mode mode, const char *ref, const char *from,
               const char *to)
{
    itin_langs one = {{lang}, 1};
    return itin_leg_title_langs(A, &one, mode, ref, from, to);
}

const char *
itin_leg_title_langs(itin_arena *A, const itin_langs *ls, itin_mode mode, const char *ref, const char *from,
                     const char *to)
{
    static const itin_label nouns[ITIN_MODE__COUNT] = {
        [ITIN_MODE_WALK] = L_NOUN_WALK,     [ITIN_MODE_BIKE] = L_NOUN_BIKE, [ITIN_MODE_CAR] = L_NOUN_CAR,
        [ITIN_MODE_TAXI] = L_NOUN_TAXI,     [ITIN_MODE_BUS] = L_NOUN_BUS,   [ITIN_MODE_TRAIN] = L_NOUN_TRAIN,
        [ITIN_MODE_FLIGHT] = L_NOUN_FLIGHT, [ITIN_MODE_SHIP] = L_NOUN_SHIP,
    };
    const char *noun =
        mode > ITIN_MODE_NONE && mode < ITIN_MODE__COUNT ? itin_label_langs(A, ls, nouns[mode]) : "";
    if (ref)
        return itin_arena_printf(A, "%s %s: %s \u2192 %s", noun, ref, from, to);
    return itin_arena_printf(A, "%s: %s \u2192 %s", noun, from, to);
}

const char *
itin_join_langs(itin_arena *A, const itin_langs *ls, const char *const *texts, const char *sep)
{
    if (ls->n < 2 || strcmp(texts[0], texts[1]) == 0)
        return texts[0];
    return itin_arena_printf(A, "%s%s%s", texts[0], sep, texts[1]);
}

const char *
itin_label_langs(itin_arena *A, const itin_langs *ls, itin_label l)
{
    const char *t[ITIN_MAX_LANGS] = {"", ""};
    for (size_t k = 0; k < ls->n; k++)
        t[k] = itin_label_text(ls->lang[k], l);
    return itin_join_langs(A, ls, t, " / ");
}

const char *
itin_date_long_langs(itin_arena *A, const itin_langs *ls, itin_date d)
{
    const char *t[ITIN_MAX_LANGS] = {"", ""};
    for (size_t k = 0; k < ls->n; k++)
        t[k] = itin_date_long(A, ls->lang[k], d);
    return itin_join_langs(A, ls, t, " \u00b7 ");
}

/* UTF-16 (ICU) to UTF-8 in the arena. */
static const char *
to_utf8(itin_arena *A, const UChar *u, int32_t ulen)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(NULL, 0, &n, u, ulen, &st);
    st = U_ZERO_ERROR;
    char *out = itin_arena_alloc(A, (size_t)n + 1);
    u_strToUTF8(out, n + 1, NULL, u, ulen, &st);
    return U_FAILURE(st) ? "" : out;
}

/* UTF-8 to UTF-16 on the heap; the caller frees. */
static UChar *
to_utf16(const char *s, size_t len, int32_t *ulen)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(NULL, 0, &n, s, (int32_t)len, &st);
    st = U_ZERO_ERROR;
    UChar *u = itin_xmalloc(((size_t)n + 1) * sizeof *u);
    u_strFromUTF8(u, n + 1, ulen, s, (int32_t)len, &st);
    if (U_FAILURE(st))
        *ulen = 0;
    return u;
}

const char *
itin_date_long(itin_arena *A, itin_lang lang, itin_date d)
{
    /* The date is civil: format the UTC instant of its midnight in UTC. */
    static UDateFormat *fmt[ITIN_LANG_COUNT];
    UErrorCode st = U_ZERO_ERROR;
    static const UChar utc[] = {'U', 'T', 'C', 0};
    if (!fmt[lang]) {
        fmt[lang] = udat_open(UDAT_NONE, UDAT_FULL, LOCALES[lang], utc, -1, NULL, 0, &st);
        if (U_FAILURE(st)) {
            fmt[lang] = NULL;
            char buf[16];
            return itin_arena_strdup(A, itin_date_format(d, buf));
        }
    }
    UChar out[128];
    st = U_ZERO_ERROR;
    int32_t n = udat_format(fmt[lang], (UDate)d * 86400.0 * 1000.0, out, 128, NULL, &st);
    if (U_FAILURE(st)) {
        char buf[16];
        return itin_arena_strdup(A, itin_date_format(d, buf));
    }
    return to_utf8(A, out, n);
}

const char *
itin_msgformat(itin_arena *A, itin_lang lang, itin_label l, double a, double b, double c)
{
    int32_t plen = 0;
    const char *pattern = itin_label_text(lang, l);
    UChar *upat = to_utf16(pattern, strlen(pattern), &plen);
    UErrorCode st = U_ZERO_ERROR;
    UMessageFormat *fmt = umsg_open(upat, plen, LOCALES[lang], NULL, &st);
    UChar out[256];
    int32_t n = U_SUCCESS(st) ? umsg_format(fmt, out, 256, &st, a, b, c) : 0;
    if (fmt)
        umsg_close(fmt);
    free(upat);
    if (U_FAILURE(st) || n >= 256) /* the patterns are ours: a failure is a bug */
        return itin_arena_printf(A, "%.0f %.0f %.0f", a, b, c);
    return to_utf8(A, out, n);
}

const char *
itin_decimal(itin_arena *A, itin_lang lang, double v, int digits)
{
    /* Opening a formatter costs more than formatting: one per language,
     * kept for the life of the process. */
    static UNumberFormat *fmt[ITIN_LANG_COUNT];
    UErrorCode st = U_ZERO_ERROR;
    if (!fmt[lang]) {
        fmt[lang] = unum_open(UNUM_DECIMAL, NULL, 0, LOCALES[lang], NULL, &st);
        if (U_FAILURE(st))
            fmt[lang] = NULL;
        else
            unum_setAttribute(fmt[lang], UNUM_ROUNDING_MODE, UNUM_ROUND_HALFUP);
    }
    UChar out[64];
    int32_t n = 0;
    if (fmt[lang]) {
        unum_setAttribute(fmt[lang], UNUM_MIN_FRACTION_DIGITS, digits);
        unum_setAttribute(fmt[lang], UNUM_MAX_FRACTION_DIGITS, digits);
        n = unum_formatDouble(fmt[lang], v, out, 64, NULL, &st);
    } else {
        st = U_INTERNAL_PROGRAM_ERROR;
    }
    if (U_FAILURE(st))
        return itin_arena_printf(A, "%.*f", digits, v);
    return to_utf8(A, out, n);
}

const char *
itin_list(itin_arena *A, itin_lang lang, const char *const *items, size_t n)
{
    if (n == 0)
        return "";
    if (n == 1)
        return items[0];
    static UListFormatter *lists[ITIN_LANG_COUNT];
    UErrorCode st = U_ZERO_ERROR;
    if (!lists[lang]) {
        lists[lang] = ulistfmt_open(LOCALES[lang], &st);
        if (U_FAILURE(st))
            lists[lang] = NULL;
    }
    UListFormatter *lf = lists[lang];
    st = lf ? U_ZERO_ERROR : U_INTERNAL_PROGRAM_ERROR;
    UChar **u = itin_xmalloc(n * sizeof *u);
    int32_t *ulen = itin_xmalloc(n * sizeof *ulen);
    for (size_t i = 0; i < n; i++)
        u[i] = to_utf16(items[i], strlen(items[i]), &ulen[i]);
    const char *result = NULL;
    if (U_SUCCESS(st)) {
        int32_t len = ulistfmt_format(lf, (const UChar *const *)u, ulen, (int32_t)n, NULL, 0, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) {
            st = U_ZERO_ERROR;
            UChar *out = itin_xmalloc(((size_t)len + 1) * sizeof *out);
            ulistfmt_format(lf, (const UChar *const *)u, ulen, (int32_t)n, out, len + 1, &st);
            if (U_SUCCESS(st))
                result = to_utf8(A, out, len);
            free(out);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(u[i]);
    free(u);
    free(ulen);
    if (!result) {
        /* ICU failing is not a reason to lose the names: join them plainly. */
        size_t total = 1;
        for (size_t i = 0; i < n; i++)
            total += strlen(items[i]) + 2;
        char *s = itin_arena_alloc(A, total);
        for (size_t i = 0; i < n; i++) {
            if (i)
                strcat(s, ", ");
            strcat(s, items[i]);
        }
        result = s;
    }
    return result;
}

const char *
itin_duration_text(itin_arena *A, itin_lang lang, int minutes)
{
    int h = minutes / 60, m = minutes % 60;
    const char *hu = itin_label_text(lang, L_HOURS), *mu = itin_label_text(lang, L_MINUTES);
    /* Korean writes units without a space: 1시간 20분. */
    const char *sp = lang == ITIN_KO ? "" : " ";
    if (h && m)
        return itin_arena_printf(A, "%d%s%s %d%s%s", h, sp, hu, m, sp, mu);
    if (h)
        return itin_arena_printf(A, "%d%s%s", h, sp, hu);
    return itin_arena_printf(A, "%d%s%s", m, sp, mu);
}

size_t
itin_text_width(const char *s, size_t len)
{
    return itin_display_width(s, len);
}

size_t
itin_display_width(const char *s, size_t len)
{
    size_t w = 0, i = 0;
    while (i < len) {
        /* Printable ASCII is one column each, without asking ICU. */
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x20 && b < 0x7f) {
            w++, i++;
            continue;
        }
        size_t n;
        UChar32 c = itin_utf8_decode(s + i, len - i, &n);
        i += n;
        if (c < 0)
            continue;
        int8_t cat = (int8_t)u_charType(c);
        if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR || c == 0x200B)
            continue;
        if (c < 0x20 || (c >= 0x7f && c < 0xa0))
            continue;
        int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return w;
}

/* Whether a precomposed Hangul syllable (U+AC00..U+D7A3) starts at s[i]. */
static bool
hangul_at(const char *s, size_t len, size_t i)
{
    size_t n;
    int32_t cp = itin_utf8_decode(s + i, len - i, &n);
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

size_t
itin_line_breaks(const char *s, size_t len, size_t *breaks, size_t max)
{
    int32_t ulen = 0;
    UChar *u = to_utf16(s, len, &ulen);
    UErrorCode st = U_ZERO_ERROR;
    /* One line-break iterator for the process, given each text in turn:
     * opening one costs far more than breaking a line. */
    static UBreakIterator *bi;
    if (!bi)
        bi = ubrk_open(UBRK_LINE, "en", NULL, 0, &st);
    if (bi)
        ubrk_setText(bi, u, ulen, &st);
    size_t n = 0;
    if (bi && U_SUCCESS(st)) {
        /* Map UTF-16 offsets back to UTF-8 byte offsets as we go. */
        int32_t u16 = 0, u8 = 0;
        for (int32_t b = ubrk_next(bi); b != UBRK_DONE && n < max; b = ubrk_next(bi)) {
            while (u16 < b && (size_t)u8 < len) {
                size_t step;
                UChar32 c = itin_utf8_decode(s + u8, len - (size_t)u8, &step);
                u8 += (int32_t)step;
                u16 += (c >= 0x10000) ? 2 : 1;
            }
            /* Not after a hyphen or a slash: names (Dong-hyun), compounds
             * and addresses read better whole, even past the margin. */
            if (u8 > 0 && (size_t)u8 < len && (s[u8 - 1] == '-' || s[u8 - 1] == '/'))
                continue;
            /* Korean words stay whole (keep-all): no break between two
             * Hangul syllables, only at spaces. */
            if (u8 >= 3 && (size_t)u8 + 3 <= len && hangul_at(s, len, (size_t)u8 - 3) &&
                hangul_at(s, len, (size_t)u8))
                continue;
            breaks[n++] = (size_t)u8;
        }
        static const UChar none[1];
        ubrk_setText(bi, none, 0, &st); /* u is freed below */
    }
    free(u);
    if (n == 0 || breaks[n - 1] != len) {
        if (n == max)
            n--;
        breaks[n++] = len;
    }
    return n;
}
