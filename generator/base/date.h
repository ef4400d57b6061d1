/*
 * date.h: calendar dates as articles write them (ISO 8601 "YYYY-MM-DD", SPEC.md,
 * "Article"), compared and counted in the proleptic Gregorian calendar. No time zones:
 * a date is a day, and "today" is taken in UTC (date_from_time).
 */
#ifndef SUTURE_DATE_H
#define SUTURE_DATE_H

#include <stdbool.h>
#include <stddef.h>

/* A calendar date: year (1900-9999 when parsed), month 1-12, day 1-31. */
typedef struct date_ymd {
    int year, month, day;
} date_ymd;

/*
 * Parse an ISO 8601 calendar date "YYYY-MM-DD" (years 1900-9999), rejecting dates that do
 * not exist (2026-02-30) and any other text around or inside it. Returns true and fills
 * *out; on false *out is left untouched. Reports nothing: the caller says what was wrong.
 */
bool date_parse(const char *s, date_ymd *out);
/* Format as "YYYY-MM-DD" into buf (at least 11 bytes; a shorter buffer is cut, never
 * overrun, and always NUL-terminated when size > 0). */
void date_format(const date_ymd *d, char *buf, size_t size);
/* Negative, zero or positive as a is before, equal to or after b. */
int date_compare(const date_ymd *a, const date_ymd *b);
/* Days from 1970-01-01 to d (negative before it), in the proleptic Gregorian calendar. */
long date_days(const date_ymd *d);
/* The calendar date of a time (seconds since the epoch, UTC; negative before 1970). */
date_ymd date_from_time(long long seconds);

#endif
