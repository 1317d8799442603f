// dppctl's command table. Each command lives in cmd_<name>.cpp, parses its own
// arguments and calls core; the exit code contract is shared by all:
// 0 ok, 1 invalid input (still printing what it can), 2 usage error.
#pragma once

#include <QJsonObject>
#include <QStringList>
#include <utility>

namespace dpp::ctl {

enum ExitCode { kExitOk = 0, kExitInvalid = 1, kExitUsage = 2 };

struct Command
{
    const char* name;
    const char* synopsis; // one line for `dppctl help`
    int (*run)(const QStringList& args);
};

// Every command, in the order `dppctl help` lists them.
const QList<Command>& commands();

// Prints "dppctl <command>: <message>" and the command's usage to stderr; returns kExitUsage.
int usageError(const char* command, const QString& message);

// Writes one JSON object (compact, one line) to stdout with its keys in the
// given order: scripts and people read the documented order.
using OrderedJson = QList<std::pair<QString, QJsonValue>>;
void printJson(const OrderedJson& fields);

// Declarations of the commands (one per cmd_*.cpp).
int runParse(const QStringList& args);
int runGtin(const QStringList& args);
int runCode(const QStringList& args);
int runBatch(const QStringList& args);
int runTemplate(const QStringList& args);
int runImport(const QStringList& args);
int runExport(const QStringList& args);
int runSeed(const QStringList& args);
int runTenant(const QStringList& args);
int runKey(const QStringList& args);
int runUser(const QStringList& args);
int runRender(const QStringList& args);
int runPrint(const QStringList& args);
int runStock(const QStringList& args);
int runSync(const QStringList& args);

} // namespace dpp::ctl
