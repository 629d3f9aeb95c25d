/* holidays: `itinerary holidays COUNTRY[-REGION] YEAR`, the bundled calendar
 * as the planner believes it (docs/holidays.md), one day a line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "datetime.h"
#include "report.h"

const char HELP_HOLIDAYS[] = "usage: itinerary holidays COUNTRY[-REGION] YEAR\n"
                             "\n"
                             "Print the public holidays of a bundled calendar in one year: what closes a\n"
                             "place with that country (or region) in a plan. One day a line, separated by\n"
                             "tabs: date, weekday, country or region, the name in English, the name in the\n"
                             "country's language, and a note (a working day, an expected date). Without a\n"
                             "region, the days of every region are listed too. `itinerary holidays list`\n"
                             "prints the bundled countries.\n";

static const char *const WEEKDAYS[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

/* Whether a holiday of the calendar applies to the code asked for. */
static bool
applies(const itin_holiday *h, const char *country, const char *region)
{
    if (!region)
        return true;
    return h->region ? strcmp(h->region, region) == 0 : strcmp(h->country, country) == 0;
}

/* Whether a region is one of the calendar's (space-separated) regions. */
static bool
listed(const itin_calendar *c, const char *region)
{
    size_t n = strlen(region);
    for (const char *p = c->region_list; (p = strstr(p, region)) != NULL; p += n)
        if ((p == c->region_list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

static int
list_calendars(void)
{
    size_t n;
    const itin_calendar *c = itin_calendars(&n);
    for (size_t i = 0; i < n; i++)
        printf("%s\t%s\t%d-%d\t%s\n", c[i].country, c[i].title, c[i].first, c[i].last, c[i].region_list);
    return EXIT_OK;
}

int
cmd_holidays(int argc, char **argv)
{
    if (argc == 1 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
        fputs(HELP_HOLIDAYS, stdout);
        return EXIT_OK;
    }
    if (argc == 1 && strcmp(argv[0], "list") == 0)
        return list_calendars();
    if (argc != 2)
        return usage_error("holidays: expected COUNTRY[-REGION] and YEAR%s", "");
    const char *code = argv[0];
    char country[3] = {0};
    if (strlen(code) < 2 || (code[2] && code[2] != '-'))
        return usage_error("holidays: '%s' is not a country (DE) or a region (DE-SN)", code);
    memcpy(country, code, 2);
    const char *region = code[2] ? code : NULL;
    char *end;
    long year = strtol(argv[1], &end, 10);
    if (*argv[1] == '\0' || *end || year < 1 || year > 9999)
        return usage_error("holidays: '%s' is not a year", argv[1]);
    const itin_calendar *c = itin_calendar_find(country);
    if (!c)
        return usage_error("holidays: there is no bundled calendar for '%s' (`itinerary holidays list` names "
                           "them; a file lists other countries' holidays under 'holidays:')",
                           country);
    if (year < c->first || year > c->last) {
        fprintf(stderr, "itinerary: holidays: the calendar of %s covers %d to %d, not %ld\n", c->country,
                c->first, c->last, year);
        return EXIT_INVALID;
    }
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *P = itin_calendar_load(country, &d);
    print_diags(&d);
    int rc = exit_code(&d);
    itin_diags_free(&d);
    if (!P)
        return rc == EXIT_OK ? EXIT_INVALID : rc;
    printf("# %s (%s), %ld: names in English and in '%s'", c->title, region ? region : c->country, year,
           c->language);
    if (region && c->regions == ITIN_REGIONS_NATIONAL && !listed(c, region))
        printf("; %s's own holidays are not bundled, only the national ones", region);
    else if (region && c->regions == ITIN_REGIONS_ALL && !listed(c, region))
        printf("; %s is none of the calendar's regions (%s): the national days only", region, c->region_list);
    if (year > c->announced)
        printf("; not announced yet: statutory and expected days only");
    printf("\n");
    for (size_t i = 0; i < P->n_holidays; i++) {
        const itin_holiday *h = &P->holidays[i];
        int y, m, dd;
        itin_date_to_ymd(h->date, &y, &m, &dd);
        if (y != year || !applies(h, country, region))
            continue;
        const char *en = h->en ? h->en : h->name;
        const char *local = h->local ? h->local : h->name;
        printf("%04d-%02d-%02d\t%s\t%s\t%s\t%s\t", y, m, dd, WEEKDAYS[itin_date_weekday(h->date)],
               h->region ? h->region : h->country, en, local);
        if (h->workday >= 0)
            printf("working day, with %s's hours", WEEKDAYS[h->workday]);
        if (h->estimated)
            printf("%sexpected date", h->workday >= 0 ? "; " : "");
        printf("\n");
    }
    itin_plan_free(P);
    return EXIT_OK;
}
