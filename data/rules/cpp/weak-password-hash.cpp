#include <QCryptographicHash>
#include <QString>
#include <sodium.h>
#include <string>

namespace users {

// ruleid: cpp.weak-password-hash
QByteArray Accounts::hashPassword(const QString& password)
{
    return QCryptographicHash::hash(password.toUtf8(), QCryptographicHash::Sha256).toHex();
}

// ok: cpp.weak-password-hash
std::string Accounts::storePassword(const std::string& password)
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.c_str(), password.size(), crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE) != 0)
        throw std::runtime_error("out of memory");
    return out;
}

// ok: cpp.weak-password-hash
QByteArray Accounts::etag(const QByteArray& body)
{
    return QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex();
}

}  // namespace users
