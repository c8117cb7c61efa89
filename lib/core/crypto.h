#ifndef SB_CRYPTO_H
#define SB_CRYPTO_H
#include <stddef.h>

#define TOKEN_HEX 65      /* 256-bit random token as hex + NUL */
#define UUID_LEN 37       /* canonical UUID text + NUL */
#define PASSWORD_HASH_MAX 128

int random_bytes(void *buf, size_t n);
int random_token(char out[TOKEN_HEX]);          /* 32 random bytes, hex */
void sha256_hex(const char *in, char out[TOKEN_HEX]);
void sha256_hex_of(const void *data, size_t n, char out[TOKEN_HEX]);   /* any bytes, NULs too */
int uuid_v4(char out[UUID_LEN]);
int password_hash(const char *password, char out[PASSWORD_HASH_MAX]);  /* argon2id, encoded */
int password_verify(const char *encoded, const char *password);        /* 1 match, 0 not */
int const_time_eq(const char *a, const char *b);

/* Secrets the product must present to others (PBX passwords, SCIM source
 * tokens): AES-256-GCM under a 64-hex-digit key (Crypto.Key), sealed as
 * text ("v1:" + base64 of IV, ciphertext and tag). A sealed value of a
 * secret of n bytes needs SECRET_SEALED(n) bytes. Open fails (-1) on a
 * wrong key or any change to the sealed text. */
#define SECRET_SEALED(n) (4 + 4 * (((n) + 28 + 2) / 3) + 1)
int secret_seal(const char *key_hex, const char *plain, char *out, size_t out_size);
int secret_open(const char *key_hex, const char *sealed, char *out, size_t out_size);
#endif
