#include <openssl/evp.h>
#include <openssl/md5.h>
#include <openssl/rand.h>
#include <string.h>

/* ruleid: c.weak-password-hash */
void hash_password(const char *password, unsigned char out[MD5_DIGEST_LENGTH])
{
    MD5((const unsigned char *)password, strlen(password), out);
}

/* ruleid: c.weak-password-hash */
int store_credentials(const char *user, const char *pwd, unsigned char *digest)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha1(), NULL);
    EVP_DigestUpdate(ctx, pwd, strlen(pwd));
    EVP_DigestFinal_ex(ctx, digest, NULL);
    EVP_MD_CTX_free(ctx);
    return user != NULL;
}

/* ok: c.weak-password-hash */
int derive_password_key(const char *password, unsigned char salt[16], unsigned char key[32])
{
    if (RAND_bytes(salt, 16) != 1)
        return -1;
    return PKCS5_PBKDF2_HMAC(password, (int)strlen(password), salt, 16, 600000, EVP_sha256(), 32, key);
}

/* ok: c.weak-password-hash */
void checksum(const unsigned char *data, size_t len, unsigned char out[MD5_DIGEST_LENGTH])
{
    MD5(data, len, out);
}
