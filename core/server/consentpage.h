// ConsentPage: the server-rendered HTML of the OAuth2 authorization endpoint: the login +
// consent form and the error page shown when a request must not be redirected. Plain
// HTML, no scripts, styles or external assets (the server's CSP allows none inline).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace dpp::server {

class ConsentPage
{
public:
    /// The form: who asks for what, the e-mail/password fields, approve/deny buttons; the
    /// authorization request and the CSRF token travel in hidden fields.
    static QByteArray form(const QString& clientName, const QStringList& scopes,
                           const QList<QPair<QString, QString>>& hidden, const QString& csrf,
                           const QString& message = {});
    static QByteArray error(const QString& title, const QString& message);
};

} // namespace dpp::server
