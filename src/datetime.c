/* datetime: civil dates and times of day — the calendar arithmetic and the formatters every stage shares. */
#include "datetime.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Civil dates are counted with the proleptic Gregorian calendar's 400-year
 * cycle (the "days from civil" formulas of H. Hinnant): arithmetic only, no
 * month tables, and no trip through the C library's time conversions, which
 * the loader and the exporters call hundreds of thousands of times. A day
 * past the end of its month rolls over, as with timegm(). */
itin_date
itin_date_from_ymd(int y, int m, int d)
{
    long long yy = y, mm = (long long)m - 1;
    yy += mm >= 0 ? mm / 12 : -((-mm + 11) / 12);
    mm -= (mm >= 0 ? mm / 12 : -((-mm + 11) / 12)) * 12;
    mm += 1;
    yy -= mm <= 2;
    long long era = (yy >= 0 ? yy : yy - 399) / 400;
    long long yoe = yy - era * 400;
    long long doy = (153 * (mm + (mm > 2 ? -3 : 9)) + 2) / 5 + (long long)d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long long days = era * 146097 + doe - 719468;
    if (days < INT32_MIN || days > INT32_MAX)
        return 0;
    return (itin_date)days;
}

void
itin_date_to_ymd(itin_date d, int *y, int *m, int *dd)
{
    long long z = (long long)d + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long yy = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    long long day = doy - (153 * mp + 2) / 5 + 1;
    long long mon = mp < 10 ? mp + 3 : mp - 9;
    if (y)
        *y = (int)(yy + (mon <= 2));
    if (m)
        *m = (int)mon;
    if (dd)
        *dd = (int)day;
}

/* ------------------------------------------------------------- formatting */

char *
itin_date_format(itin_date d, char *buf)
{
    int y, m, dd;
    itin_date_to_ymd(d, &y, &m, &dd);
    if (y < 0 || y > 9999 || m < 1 || m > 12 || dd < 1 || dd > 31) {
        memcpy(buf, "\?\?\?\?-\?\?-\?\?", 11); /* year out of 0..9999 */
        return buf;
    }
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + dd / 10);
    buf[9] = (char)('0' + dd % 10);
    buf[10] = '\0';
    return buf;
}

int
itin_date_weekday(itin_date d)
{
    /* 1970-01-01 was a Thursday (3). */
    long long r = ((long long)d + 3) % 7;
    return (int)(r < 0 ? r + 7 : r);
}

char *
itin_duration_format(int minutes, char *buf)
{
    long long v = minutes;
    const char *sign = "";
    if (v < 0) {
        sign = "-";
        v = -v;
    }
    long long h = v / 60, m = v % 60;
    if (h == 0)
        snprintf(buf, 16, "%s%lldm", sign, m);
    else if (m == 0)
        snprintf(buf, 16, "%s%lldh", sign, h);
    else
        snprintf(buf, 16, "%s%lldh%lldm", sign, h, m);
    return buf;
}

char *
itin_hm(int minutes, char *buf)
{
    int m = minutes == 1440 ? 1440 : ((minutes % 1440) + 1440) % 1440;
    buf[0] = (char)('0' + m / 600);
    buf[1] = (char)('0' + m / 60 % 10);
    buf[2] = ':';
    buf[3] = (char)('0' + m % 60 / 10);
    buf[4] = (char)('0' + m % 10);
    buf[5] = '\0';
    return buf;
}

void
itin_end_of_day(itin_date start_date, itin_date *end_date, int *end_minutes)
{
    if (*end_minutes == 0 && *end_date > start_date) {
        *end_minutes = 1440;
        (*end_date)--;
    }
}
