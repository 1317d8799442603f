#include "geoipdatabase.h"

#include <QFile>
#include <arpa/inet.h>
#include <cstring>
#include <maxminddb.h>
#include <netinet/in.h>

namespace dpp::analytics {

namespace {

QString stringAt(MMDB_entry_s* entry, const char* const* path)
{
    MMDB_entry_data_s data;
    if (MMDB_aget_value(entry, &data, path) != MMDB_SUCCESS || !data.has_data ||
        data.type != MMDB_DATA_TYPE_UTF8_STRING)
        return {};
    return QString::fromUtf8(data.utf8_string, qsizetype(data.data_size));
}

} // namespace

GeoIpDatabase::GeoIpDatabase() : m_db(std::make_unique<MMDB_s>()) {}

GeoIpDatabase::~GeoIpDatabase()
{
    MMDB_close(m_db.get());
}

Result<std::shared_ptr<GeoIpDatabase>> GeoIpDatabase::open(const QString& path)
{
    if (!QFile::exists(path))
        return Error{QStringLiteral("geoip"), QStringLiteral("%1 does not exist").arg(path),
                     QStringLiteral("not_found")};
    std::shared_ptr<GeoIpDatabase> db(new GeoIpDatabase);
    const int status =
        MMDB_open(QFile::encodeName(path).constData(), MMDB_MODE_MMAP, db->m_db.get());
    if (status != MMDB_SUCCESS) {
        // MMDB_close must not run on a half-opened handle.
        db->m_db.reset(new MMDB_s{});
        return Error{QStringLiteral("geoip"),
                     QStringLiteral("%1 is not a MaxMind DB (.mmdb) file: %2")
                         .arg(path, QString::fromUtf8(MMDB_strerror(status))),
                     QStringLiteral("invalid_geoip_database")};
    }
    return db;
}

QString GeoIpDatabase::databaseType() const
{
    return m_db->metadata.database_type ? QString::fromUtf8(m_db->metadata.database_type)
                                        : QString();
}

GeoLocation GeoIpDatabase::lookup(const QHostAddress& address) const
{
    GeoLocation out;
    if (address.isNull())
        return out;
    sockaddr_storage storage{};
    bool isV4 = false;
    // IPv4 clients on a dual-stack socket arrive as ::ffff:a.b.c.d.
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        auto* in = reinterpret_cast<sockaddr_in*>(&storage);
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = htonl(v4);
    } else {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
        in6->sin6_family = AF_INET6;
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, a.c, 16);
    }
    int mmdbError = MMDB_SUCCESS;
    MMDB_lookup_result_s result =
        MMDB_lookup_sockaddr(m_db.get(), reinterpret_cast<sockaddr*>(&storage), &mmdbError);
    if (mmdbError != MMDB_SUCCESS || !result.found_entry)
        return out;
    static const char* const kCountry[] = {"country", "iso_code", nullptr};
    static const char* const kRegion[] = {"subdivisions", "0", "names", "en", nullptr};
    static const char* const kCity[] = {"city", "names", "en", nullptr};
    out.country = stringAt(&result.entry, kCountry).toUpper();
    out.region = stringAt(&result.entry, kRegion);
    out.city = stringAt(&result.entry, kCity);
    return out;
}

} // namespace dpp::analytics
