#include "lib/core/crypto.h"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>

/* argon2id cost: OWASP's second recommended profile (19 MiB, t=2, p=1). */
#define ARGON_T 2
#define ARGON_M (19 * 1024)
#define ARGON_P 1
#define SALT_LEN 16
#define HASH_LEN 32

int random_bytes(void *buf, size_t n)
{
	return RAND_bytes(buf, (int)n) == 1 ? 0 : -1;
}

static void to_hex(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = 0;
}

int random_token(char out[TOKEN_HEX])
{
	unsigned char raw[32];
	if (random_bytes(raw, sizeof raw) != 0)
		return -1;
	to_hex(raw, sizeof raw, out);
	return 0;
}

void sha256_hex(const char *in, char out[TOKEN_HEX])
{
	unsigned char md[32];
	unsigned len = 0;
	EVP_Digest(in, strlen(in), md, &len, EVP_sha256(), NULL);
	to_hex(md, sizeof md, out);
}

int uuid_v4(char out[UUID_LEN])
{
	unsigned char b[16];
	if (random_bytes(b, sizeof b) != 0)
		return -1;
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
	snprintf(out, UUID_LEN,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
		 b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
	return 0;
}

int password_hash(const char *password, char out[PASSWORD_HASH_MAX])
{
	unsigned char salt[SALT_LEN];
	if (random_bytes(salt, sizeof salt) != 0)
		return -1;
	return argon2id_hash_encoded(ARGON_T, ARGON_M, ARGON_P, password, strlen(password),
				     salt, sizeof salt, HASH_LEN, out, PASSWORD_HASH_MAX) == ARGON2_OK ? 0 : -1;
}

int password_verify(const char *encoded, const char *password)
{
	if (!encoded || !*encoded)
		return 0;
	return argon2id_verify(encoded, password, strlen(password)) == ARGON2_OK;
}

int const_time_eq(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n == strlen(b) && CRYPTO_memcmp(a, b, n) == 0;
}
