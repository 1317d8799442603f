// What the store commands share: the global --db location, opening the store,
// finding the tenant a command works on, and printing errors the way the API
// does ({"error": {"type", "message", "code", "param"}}).
#pragma once

#include "result.h"
#include "store/database.h"

#include <QStringList>
#include <memory>
#include <passport/tenant.h>

namespace dpp::ctl {

// Set by main() from the global --db option; empty = the default location.
QString& databaseLocation();

Result<std::shared_ptr<store::Database>> openStore();

// The tenant named by --tenant; without the option the "default" tenant,
// created on first use. A named tenant must exist (`dppctl tenant create`).
Result<passport::Tenant> resolveTenant(store::Database& db, const QString& name);

// Prints the error object to stdout and returns kExitInvalid.
int printError(const Error& error);

// Removes "--name value" / "--name=value" from args; returns the value(s).
QStringList takeOption(QStringList& args, const QString& name);
bool takeFlag(QStringList& args, const QString& name);

} // namespace dpp::ctl
