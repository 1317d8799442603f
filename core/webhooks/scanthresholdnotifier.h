// ScanThresholdNotifier: queues a scan.threshold webhook for every threshold a batch of
// stored scans made its product cross. Called by the scan recorder inside the transaction
// that stores the scans, so a threshold fires exactly when (and once) the count is stored.
#pragma once

#include "analytics/scanevent.h"
#include "store/database.h"

namespace dpp::webhooks {

class ScanThresholdNotifier
{
public:
    /// Joins the caller's transaction.
    static Status afterScansStored(store::Database& db, const QList<analytics::ScanEvent>& events);
};

} // namespace dpp::webhooks
