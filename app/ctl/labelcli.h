// Shared by dppctl render and print: the label file (first argument), the
// merge overrides and loading through core. Parsing only.
#pragma once

#include "cliargs.h"
#include "label/labeldocument.h"
#include "label/mergesource.h"

namespace dpp::ctl {

QStringList labelMergeOptions();
// --product REF [--batch ID] [--tenant NAME]: the merge source from the store.
QStringList labelStoreOptions();
// With --product: the store's product (and batch) replaces the document's merge
// source, keeping its copies and resolver base. Usage errors for mixing
// --product with --gtin/--serials/--csv, or --batch without --product, come
// back with code "usage".
Result<bool> applyStoreMerge(const CliArgs& args, label::LabelDocument& doc);
label::MergeOverrides labelMergeOverrides(const CliArgs& args);
// Loads the document with the stock library; prints the error and returns null on failure.
std::optional<label::LabelDocument> loadLabel(const char* command, const QString& file,
                                              int* exitCode);

} // namespace dpp::ctl
