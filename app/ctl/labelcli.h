// Shared by dppctl render and print: the label file (first argument), the
// merge overrides and loading through core. Parsing only.
#pragma once

#include "cliargs.h"
#include "label/labeldocument.h"
#include "label/mergesource.h"

namespace dpp::ctl {

QStringList labelMergeOptions();
label::MergeOverrides labelMergeOverrides(const CliArgs& args);
// Loads the document with the stock library; prints the error and returns null on failure.
std::optional<label::LabelDocument> loadLabel(const char* command, const QString& file,
                                              int* exitCode);

} // namespace dpp::ctl
