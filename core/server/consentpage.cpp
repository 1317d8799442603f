#include "consentpage.h"

namespace dpp::server {

namespace {
QString page(const QString& title, const QString& body)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\">"
                          "<title>%1</title></head><body><main>\n%2</main></body></html>\n")
        .arg(title.toHtmlEscaped(), body);
}
} // namespace

QByteArray ConsentPage::form(const QString& clientName, const QStringList& scopes,
                             const QList<QPair<QString, QString>>& hidden, const QString& csrf,
                             const QString& message)
{
    QString body = QStringLiteral("<h1>%1 wants to use your DPP Studio account</h1>\n")
                       .arg(clientName.toHtmlEscaped());
    if (!message.isEmpty())
        body += QStringLiteral("<p role=\"alert\"><strong>%1</strong></p>\n")
                    .arg(message.toHtmlEscaped());
    body += QStringLiteral("<p>It asks for these permissions (only those your role allows are "
                           "granted):</p>\n<ul>\n");
    for (const QString& s : scopes)
        body += QStringLiteral("<li><code>%1</code></li>\n").arg(s.toHtmlEscaped());
    body += QStringLiteral("</ul>\n<form method=\"post\" action=\"/oauth/authorize\">\n");
    for (const auto& [name, value] : hidden)
        body += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">\n")
                    .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    body += QStringLiteral("<input type=\"hidden\" name=\"csrf_token\" value=\"%1\">\n")
                .arg(csrf.toHtmlEscaped());
    body += QStringLiteral(
        "<p><label>E-mail <input type=\"email\" name=\"email\" autocomplete=\"username\" "
        "required></label></p>\n<p><label>Password <input type=\"password\" name=\"password\" "
        "autocomplete=\"current-password\" required></label></p>\n"
        "<p><button type=\"submit\" name=\"decision\" value=\"approve\">Allow</button>\n"
        "<button type=\"submit\" name=\"decision\" value=\"deny\" formnovalidate>Deny</button>"
        "</p>\n</form>\n");
    return page(QStringLiteral("Authorize %1").arg(clientName), body).toUtf8();
}

QByteArray ConsentPage::error(const QString& title, const QString& message)
{
    return page(title, QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n")
                           .arg(title.toHtmlEscaped(), message.toHtmlEscaped()))
        .toUtf8();
}

} // namespace dpp::server
