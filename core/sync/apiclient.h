// ApiClient: a blocking client of dppserver's REST API for the sync engine. It knows
// the base URL, the API key, JSON and multipart bodies and a timeout; it returns what
// the server answered (status, headers, body) and leaves every decision to its caller.
// The calls spin a local event loop, so it works on any thread that created it.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

namespace dpp::sync {

struct ApiReply
{
    int status = 0;       // HTTP status; 0 when no answer arrived (network error, timeout)
    QString networkError; // why no answer arrived
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    bool answered() const { return status != 0; }
    bool success() const { return status >= 200 && status < 300; }
    QByteArray header(const QByteArray& name) const; // case-insensitive; empty when absent
    QJsonObject json() const;                        // empty unless the body is an object
    // The API's error object ({"error":{type,message,code,param}}), or {} for none.
    QJsonObject error() const { return json().value(QLatin1String("error")).toObject(); }
};

class ApiClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // `baseUrl` like http://127.0.0.1:8080 (a trailing slash is ignored).
    ApiClient(const QString& baseUrl, const QString& apiKey);

    void setTimeout(int ms) { m_timeoutMs = ms; }
    QString baseUrl() const { return m_base; }

    // `path` starts with '/' and may carry a query ("/v1/products?limit=5").
    ApiReply get(const QString& path, const Headers& headers = {});
    ApiReply sendJson(const QByteArray& method, const QString& path, const QJsonObject& body,
                      const Headers& headers = {});
    ApiReply sendEmpty(const QByteArray& method, const QString& path, const Headers& headers = {});

    struct FilePart
    {
        QString field;
        QString filename;
        QByteArray contentType;
        QByteArray data;
    };
    // multipart/form-data with a boundary derived from `boundarySeed`: the same seed and
    // parts give the same bytes, so a retried upload with the same Idempotency-Key is the
    // same request for the server.
    ApiReply sendMultipart(const QString& path, const QList<FilePart>& parts,
                           const QByteArray& boundarySeed, const Headers& headers = {});

private:
    ApiReply send(const QByteArray& method, const QString& path, const QByteArray& body,
                  const QByteArray& contentType, const Headers& headers);

    QNetworkAccessManager m_nam;
    QString m_base;
    QByteArray m_authorization;
    int m_timeoutMs = 30000;
};

} // namespace dpp::sync
