#include "passwordhash.h"

#include <QUuid>
#include <sodium.h>

namespace dpp::passport {

namespace {
bool ready()
{
    // sodium_init is idempotent and thread-safe; < 0 means no usable random source.
    static const bool ok = sodium_init() >= 0;
    return ok;
}
} // namespace

Status PasswordHash::check(const QString& password, const QString& param)
{
    if (password.size() < kMinLength)
        return Error{param, QStringLiteral("must be at least %1 characters").arg(kMinLength),
                     QStringLiteral("password_too_short")};
    if (password.size() > kMaxLength)
        return Error{param, QStringLiteral("must be at most %1 characters").arg(kMaxLength),
                     QStringLiteral("password_too_long")};
    return Ok{};
}

Result<QString> PasswordHash::hash(const QString& password)
{
    if (!ready())
        return Error{
            {}, QStringLiteral("libsodium could not be initialised"), QStringLiteral("internal")};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    // INTERACTIVE limits (64 MiB, 2 passes): libsodium's recommendation for online logins.
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{{},
                     QStringLiteral("out of memory while hashing the password"),
                     QStringLiteral("internal")};
    return QString::fromLatin1(out);
}

bool PasswordHash::verify(const QString& encoded, const QString& password)
{
    if (!ready() || encoded.isEmpty() || encoded.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray e = encoded.toLatin1();
    const QByteArray p = password.toUtf8();
    return crypto_pwhash_str_verify(e.constData(), p.constData(), quint64(p.size())) == 0;
}

const QString& PasswordHash::decoy()
{
    static const QString h = hash(QUuid::createUuid().toString()).value();
    return h;
}

} // namespace dpp::passport
