// GeoIpDatabase: country, region and city of a client address from a MaxMind DB file
// (GeoIP2/GeoLite2 City or Country, DB-IP and other .mmdb files of the same shape), read
// with libmaxminddb. Used by the scan recorder; the address itself is never stored.
#pragma once

#include "result.h"

#include <QHostAddress>
#include <QString>
#include <memory>

struct MMDB_s;

namespace dpp::analytics {

struct GeoLocation
{
    QString country; // ISO 3166-1 alpha-2, upper case; empty when unknown
    QString region;  // first subdivision's English name (e.g. "Bavaria"); may be empty
    QString city;    // English name; may be empty
};

class GeoIpDatabase
{
public:
    /// Opens (memory-maps) an .mmdb file; an Error with param "geoip" names what is wrong.
    static Result<std::shared_ptr<GeoIpDatabase>> open(const QString& path);
    ~GeoIpDatabase();
    GeoIpDatabase(const GeoIpDatabase&) = delete;
    GeoIpDatabase& operator=(const GeoIpDatabase&) = delete;

    /// Where the address is, as far as the database knows: an address it has no record
    /// for (private ranges, most of the time) gives an empty location, never a guess.
    /// Lookups only read the mapped file, so several threads may call this at once.
    GeoLocation lookup(const QHostAddress& address) const;

    /// metadata.database_type, e.g. "GeoIP2-City".
    QString databaseType() const;

private:
    GeoIpDatabase();
    std::unique_ptr<MMDB_s> m_db;
};

} // namespace dpp::analytics
