// CliArgs: "--name value" / "--name=value" / "--flag" parsing for dppctl
// commands, plus the symbol look options `code` and `batch` share. Parsing
// only: values are checked by core, which names the field.
#pragma once

#include "result.h"
#include "symbol/datamatrixencoder.h"
#include "symbol/qrencoder.h"
#include "symbol/renderoptions.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace dpp::ctl {

class CliArgs
{
public:
    // `valued` options take a value, `flags` do not. Returns a usage message on error.
    static Result<CliArgs> parse(const QStringList& args, const QStringList& valued,
                                 const QStringList& flags);

    bool has(const QString& name) const
    {
        return m_values.contains(name) || m_flags.contains(name);
    }
    QString value(const QString& name, const QString& fallback = QString()) const
    {
        return m_values.value(name, fallback);
    }
    // Number parsing; errors name the option without dashes ("count").
    Result<qint64> integer(const QString& name, qint64 fallback) const;
    Result<double> number(const QString& name, double fallback) const;

private:
    QHash<QString, QString> m_values;
    QSet<QString> m_flags;
};

// Options every symbol command accepts (without the leading dashes).
QStringList symbolValuedOptions();
QStringList symbolFlagOptions();

struct SymbolLook
{
    symbol::RenderOptions render;
    symbol::QrOptions qr;
    symbol::DataMatrixOptions dataMatrix;
};

// Reads --module-mm --dpi --scale --quiet-zone --ec --version --shape --size
// --fg --bg --hri; then core validates. Errors name the field.
Result<SymbolLook> symbolLook(const CliArgs& args);

// Prints "dppctl <command>: <param>: <message>" on stderr and returns kExitInvalid.
int invalidInput(const char* command, const Error& error);

} // namespace dpp::ctl
