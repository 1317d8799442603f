#include "apiclient.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace dpp::sync {

QByteArray ApiReply::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject ApiReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

ApiClient::ApiClient(const QString& baseUrl, const QString& apiKey)
    : m_base(baseUrl.endsWith(u'/') ? baseUrl.chopped(1) : baseUrl),
      m_authorization("Bearer " + apiKey.toUtf8())
{
    // Redirects are answers to report, not to follow: the API never redirects.
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiReply ApiClient::get(const QString& path, const Headers& headers)
{
    return send("GET", path, {}, {}, headers);
}

ApiReply ApiClient::sendJson(const QByteArray& method, const QString& path, const QJsonObject& body,
                             const Headers& headers)
{
    return send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                "application/json", headers);
}

ApiReply ApiClient::sendEmpty(const QByteArray& method, const QString& path, const Headers& headers)
{
    return send(method, path, {}, {}, headers);
}

ApiReply ApiClient::sendMultipart(const QString& path, const QList<FilePart>& parts,
                                  const QByteArray& boundarySeed, const Headers& headers)
{
    const QByteArray boundary =
        "dpp-" + QCryptographicHash::hash(boundarySeed, QCryptographicHash::Sha256).toHex();
    QByteArray body;
    for (const FilePart& p : parts) {
        QByteArray filename = p.filename.toUtf8();
        filename.replace('"', "%22").replace('\r', "").replace('\n', "");
        body += "--" + boundary + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + p.field.toUtf8() + "\"";
        if (!p.filename.isEmpty())
            body += "; filename=\"" + filename + "\"";
        body += "\r\n";
        if (!p.contentType.isEmpty())
            body += "Content-Type: " + p.contentType + "\r\n";
        body += "\r\n" + p.data + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return send("POST", path, body, "multipart/form-data; boundary=" + boundary, headers);
}

ApiReply ApiClient::send(const QByteArray& method, const QString& path, const QByteArray& body,
                         const QByteArray& contentType, const Headers& headers)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setRawHeader("Authorization", m_authorization);
    request.setRawHeader("Accept", "application/json");
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(m_timeoutMs);

    QNetworkReply* reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // A second guard for connections that never finish the handshake.
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, reply, &QNetworkReply::abort);
    guard.start(m_timeoutMs + 1000);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    ApiReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    if (out.status == 0)
        out.networkError = reply->errorString();
    reply->deleteLater();
    return out;
}

} // namespace dpp::sync
