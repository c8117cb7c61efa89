#include "lib/core/validate.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p++;
		int extra;
		unsigned min;
		if (c < 0x80)
			continue;
		if ((c & 0xe0) == 0xc0) {
			extra = 1, min = 0x80, c &= 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			extra = 2, min = 0x800, c &= 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			extra = 3, min = 0x10000, c &= 0x07;
		} else {
			return 0;
		}
		for (int i = 0; i < extra; i++, p++) {
			if ((*p & 0xc0) != 0x80)
				return 0;
			c = (c << 6) | (*p & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return 0; /* overlong, out of range or a surrogate */
	}
	return 1;
}

size_t utf8_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int is_blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

/* A practical subset of RFC 5322 addr-spec: what mail systems deliver to. */
int valid_email(const char *s)
{
	if (!s || strlen(s) > 254)
		return 0;
	const char *at = strrchr(s, '@');
	if (!at || at == s || at - s > 64)
		return 0;
	for (const char *p = s; p < at; p++) {
		unsigned char c = (unsigned char)*p;
		if (!(isalnum(c) || strchr("!#$%&'*+/=?^_`{|}~.-", c)))
			return 0;
	}
	if (s[0] == '.' || at[-1] == '.' || strstr(s, ".."))
		return 0;
	const char *domain = at + 1;
	size_t len = strlen(domain);
	if (len < 3 || !strchr(domain, '.') || domain[0] == '.' || domain[len - 1] == '.')
		return 0;
	const char *label = domain;
	for (const char *p = domain;; p++) {
		if (*p == '.' || !*p) {
			if (p == label || p - label > 63 || *label == '-' || p[-1] == '-')
				return 0;
			if (!*p)
				break;
			label = p + 1;
		} else if (!(isalnum((unsigned char)*p) || *p == '-')) {
			return 0;
		}
	}
	return 1;
}

int valid_e164(const char *s)
{
	if (!s || s[0] != '+' || s[1] == '0')
		return 0;
	size_t digits = 0;
	for (const char *p = s + 1; *p; p++) {
		if (!isdigit((unsigned char)*p))
			return 0;
		digits++;
	}
	return digits >= 8 && digits <= 15;
}

int valid_uuid(const char *s)
{
	if (!s || strlen(s) != 36)
		return 0;
	for (int i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return 0;
		} else if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i])) {
			return 0;
		}
	}
	return 1;
}

int valid_id(const char *s)
{
	if (!s || !*s || *s == '0' || strlen(s) > 18)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

int email_list_split(const char *list, char out[][EMAIL_MAX + 1], int max)
{
	int count = 0;
	const char *p = list ? list : "";
	while (*p) {
		while (*p && (isspace((unsigned char)*p) || *p == ',' || *p == ';'))
			p++;
		if (!*p)
			break;
		size_t n = 0;
		while (p[n] && !isspace((unsigned char)p[n]) && p[n] != ',' && p[n] != ';')
			n++;
		if (n > EMAIL_MAX)
			return -1;
		if (count == max)
			return -2;
		memcpy(out[count], p, n);
		out[count][n] = 0;
		if (!valid_email(out[count]))
			return -1;
		count++;
		p += n;
	}
	return count;
}

int phone_normalise(const char *in, char out[PHONE_MAX + 1])
{
	size_t n = 0;
	for (const char *p = in; *p; p++) {
		if (*p == ' ' || *p == '-' || *p == '.' || *p == '(' || *p == ')')
			continue;
		if (!((*p >= '0' && *p <= '9') || (*p == '+' && n == 0)))
			return 0;
		if (n == PHONE_MAX)
			return 0;
		out[n++] = *p;
	}
	out[n] = 0;
	return valid_e164(out);
}

int valid_key(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

int valid_line(const char *s, int allow_breaks)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 && *p != '\t' && !(allow_breaks && (*p == '\n' || *p == '\r')))
			return 0;
	return valid_utf8(s);
}

/* A calendar date written YYYY-MM-DD. */
int valid_calendar_date(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1970 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] + (m == 2 && leap);
}
