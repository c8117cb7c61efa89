#include "lib/core/crypto.h"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
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
	sha256_hex_of(in, strlen(in), out);
}

void sha256_hex_of(const void *data, size_t n, char out[TOKEN_HEX])
{
	unsigned char md[32];
	unsigned len = 0;
	/* The algorithm and a context made once per process (the API front
	 * hashes every bearer token): EVP_Digest would look the algorithm up
	 * and make a context again on every call. */
	static EVP_MD *sha256;
	static EVP_MD_CTX *ctx;
	if (!sha256)
		sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
	if (!ctx)
		ctx = EVP_MD_CTX_new();
	if (!sha256 || !ctx || !EVP_DigestInit_ex2(ctx, sha256, NULL) || !EVP_DigestUpdate(ctx, data, n) ||
	    !EVP_DigestFinal_ex(ctx, md, &len))
		EVP_Digest(data, n, md, &len, EVP_sha256(), NULL);
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

/* ---- secrets at rest (ARCHITECTURE §5): AES-256-GCM under Crypto.Key ---- */

#define GCM_IV 12
#define GCM_TAG 16

static int hex_key(const char *hex, unsigned char key[32])
{
	if (!hex || strlen(hex) != 64)
		return -1;
	for (int i = 0; i < 32; i++) {
		unsigned v;
		if (sscanf(hex + 2 * i, "%2x", &v) != 1)
			return -1;
		key[i] = (unsigned char)v;
	}
	return 0;
}

/* The sealed form: base64 of IV | ciphertext | tag. The key's version is
 * "v1:" so a rotated key can be told from the first. */
int secret_seal(const char *key_hex, const char *plain, char *out, size_t out_size)
{
	unsigned char key[32], iv[GCM_IV], tag[GCM_TAG];
	size_t n = strlen(plain);
	if (hex_key(key_hex, key) != 0 || RAND_bytes(iv, sizeof iv) != 1)
		return -1;
	unsigned char *buf = malloc(GCM_IV + n + GCM_TAG);
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int len = 0, fin = 0, rc = -1;
	if (!buf || !ctx)
		goto out;
	memcpy(buf, iv, GCM_IV);
	if (EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, iv) != 1 ||
	    EVP_EncryptUpdate(ctx, buf + GCM_IV, &len, (const unsigned char *)plain, (int)n) != 1 ||
	    EVP_EncryptFinal_ex(ctx, buf + GCM_IV + len, &fin) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, GCM_TAG, tag) != 1)
		goto out;
	memcpy(buf + GCM_IV + len + fin, tag, GCM_TAG);
	size_t total = GCM_IV + (size_t)(len + fin) + GCM_TAG;
	if (out_size < 4 + 4 * ((total + 2) / 3) + 1)
		goto out;
	memcpy(out, "v1:", 3);
	EVP_EncodeBlock((unsigned char *)out + 3, buf, (int)total);
	rc = 0;
out:
	EVP_CIPHER_CTX_free(ctx);
	OPENSSL_cleanse(key, sizeof key);
	free(buf);
	return rc;
}

int secret_open(const char *key_hex, const char *sealed, char *out, size_t out_size)
{
	unsigned char key[32];
	if (strncmp(sealed, "v1:", 3) != 0 || hex_key(key_hex, key) != 0)
		return -1;
	size_t b64 = strlen(sealed + 3);
	unsigned char *buf = malloc(b64 + 1);
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int rc = -1, len = 0, fin = 0;
	if (!buf || !ctx)
		goto out;
	int total = EVP_DecodeBlock(buf, (const unsigned char *)sealed + 3, (int)b64);
	if (total < 0)
		goto out;
	/* EVP_DecodeBlock counts base64 padding as zero bytes. */
	while (b64 > 0 && sealed[3 + b64 - 1] == '=') {
		b64--;
		total--;
	}
	int n = total - GCM_IV - GCM_TAG;
	if (n < 0 || (size_t)n + 1 > out_size)
		goto out;
	if (EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, buf) != 1 ||
	    EVP_DecryptUpdate(ctx, (unsigned char *)out, &len, buf + GCM_IV, n) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, GCM_TAG, buf + GCM_IV + n) != 1 ||
	    EVP_DecryptFinal_ex(ctx, (unsigned char *)out + len, &fin) != 1)
		goto out;
	out[len + fin] = 0;
	rc = 0;
out:
	EVP_CIPHER_CTX_free(ctx);
	OPENSSL_cleanse(key, sizeof key);
	free(buf);
	return rc;
}
