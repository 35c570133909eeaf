/*
 * address.h - postal addresses in free text (contact blocks, "Address:"
 * lines): detection, parsing into fields, and geolocation to the city.
 *
 * Conventions handled: Italian, US, British, German, French, Spanish,
 * Turkish, Ukrainian and Russian (Latin or Cyrillic).  Fields are copied
 * from the text as written (trimmed); the country is ISO 3166-1 alpha-3.
 * Thread-safe; the gazetteer may be NULL (then nothing is geolocated and
 * only addresses with a postcode and a road are reported).
 */
#ifndef CLIO_ADDRESS_H
#define CLIO_ADDRESS_H

#include "where.h"

enum address_convention {
    ADDR_UNKNOWN = 0, ADDR_IT, ADDR_US, ADDR_GB, ADDR_DE, ADDR_FR, ADDR_ES, ADDR_TR,
    ADDR_UA, ADDR_RU
};

typedef struct address {
    uint32_t start, end;        /* byte span of the address in the text */
    char road[128];
    char house_number[32];
    char unit[48];
    char postcode[16];
    char city[96];
    char province[96];          /* province, state, region or district */
    char country[4];            /* ISO3, "" when unknown */
    uint8_t convention;         /* enum address_convention */
    uint8_t located;            /* enum place_precision of lat/lon: CITY, ADMIN1, COUNTRY; 0 = none */
    uint16_t pad;
    double lat, lon;
    uint32_t gaz_place;         /* gazetteer place used, UINT32_MAX when none */
} address;

/* Finds the addresses in text[0..len).  Writes at most max, in text order;
 * returns the count.  An address repeated in the text (a page's header and
 * footer) is reported once, at its first occurrence.  Linear in len.  No allocation beyond a small scratch
 * buffer freed before return; returns 0 on OOM. */
size_t address_find(const gazetteer *g, const char *text, size_t len, address *out, size_t max);

const char *address_convention_name(int c);   /* "IT", "US", ... */

#endif
