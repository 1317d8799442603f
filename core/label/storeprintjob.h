// StorePrintJob: a print job on a product from the store, with the store
// keeping score: serials move to "printed" only after their labels were sent,
// each job is recorded (audit trail) with the last serial handed to the
// printer, --resume continues after that serial, and a reprint of a range
// prints already printed serials again without moving any state backwards.
// dppctl print and the GUI print dialog both call run().
#pragma once

#include "printjob.h"
#include "store/database.h"
#include "store/printjobrepository.h"

namespace dpp::label {

struct StorePrintRequest
{
    QString productRef; // product UUID or GTIN
    QString batchId;    // empty: one label (× copies) with the product's own fields
    bool resume = false;
    QString reprint; // "SN000010-SN000020": print these (already printed) serials again
    QString label;   // shown in the audit trail: the .dpplabel file or document name
    QString actor;   // who asked: OS user (dppctl) or signed-in user (GUI)
};

struct StorePrintReport
{
    PrintReport print;
    store::PrintJobEntry job;
    qint64 skipped = 0; // decommissioned (or, on resume, already printed) serials left out
};

class StorePrintJob
{
public:
    // The document's merge source is replaced by the product (and batch).
    // Refuses, before anything is sent: a plain print of a batch that was
    // already (partly) printed, --resume with nothing printed yet, and a
    // reprint range outside the batch or with serials never printed.
    static Result<StorePrintReport> run(store::Database& db, const QString& tenantId,
                                        LabelDocument doc, const StorePrintRequest& request,
                                        const PrintTarget& target, PrintOptions options);

    static QString describe(const PrintTarget& target);
};

} // namespace dpp::label
