#include "cliargs.h"

#include "commands.h"

#include <QColor>
#include <cstdio>

namespace dpp::ctl {

Result<CliArgs> CliArgs::parse(const QStringList& args, const QStringList& valued,
                               const QStringList& flags)
{
    CliArgs out;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (!arg.startsWith(QLatin1String("--")))
            return Error{QString(), QStringLiteral("unexpected argument '%1'").arg(arg),
                         QStringLiteral("usage")};
        QString name = arg.mid(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            value = name.mid(eq + 1);
            name.truncate(eq);
            inlineValue = true;
        }
        if (flags.contains(name)) {
            if (inlineValue)
                return Error{QString(), QStringLiteral("--%1 takes no value").arg(name),
                             QStringLiteral("usage")};
            out.m_flags.insert(name);
        } else if (valued.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size())
                    return Error{QString(), QStringLiteral("--%1 needs a value").arg(name),
                                 QStringLiteral("usage")};
                value = args.at(++i);
            }
            if (out.m_values.contains(name))
                return Error{QString(), QStringLiteral("--%1 given twice").arg(name),
                             QStringLiteral("usage")};
            out.m_values.insert(name, value);
        } else {
            return Error{QString(), QStringLiteral("unknown option --%1").arg(name),
                         QStringLiteral("usage")};
        }
    }
    return out;
}

Result<qint64> CliArgs::integer(const QString& name, qint64 fallback) const
{
    if (!m_values.contains(name))
        return fallback;
    bool ok = false;
    const qint64 v = m_values.value(name).trimmed().toLongLong(&ok);
    if (!ok)
        return Error{QString(name).replace(u'-', u'_'),
                     QStringLiteral("'%1' is not a whole number").arg(m_values.value(name)),
                     QStringLiteral("not_a_number")};
    return v;
}

Result<double> CliArgs::number(const QString& name, double fallback) const
{
    if (!m_values.contains(name))
        return fallback;
    bool ok = false;
    const double v = m_values.value(name).trimmed().toDouble(&ok);
    if (!ok)
        return Error{QString(name).replace(u'-', u'_'),
                     QStringLiteral("'%1' is not a number").arg(m_values.value(name)),
                     QStringLiteral("not_a_number")};
    return v;
}

QStringList symbolValuedOptions()
{
    return {QStringLiteral("module-mm"),  QStringLiteral("dpi"),  QStringLiteral("scale"),
            QStringLiteral("quiet-zone"), QStringLiteral("ec"),   QStringLiteral("version"),
            QStringLiteral("shape"),      QStringLiteral("size"), QStringLiteral("fg"),
            QStringLiteral("bg")};
}

QStringList symbolFlagOptions()
{
    return {QStringLiteral("hri")};
}

Result<SymbolLook> symbolLook(const CliArgs& args)
{
    SymbolLook look;
    auto moduleMm = args.number(QStringLiteral("module-mm"), look.render.moduleMm);
    if (!moduleMm.ok())
        return moduleMm.error();
    look.render.moduleMm = moduleMm.value();
    auto dpi = args.integer(QStringLiteral("dpi"), look.render.dpi);
    if (!dpi.ok())
        return dpi.error();
    look.render.dpi = int(std::clamp<qint64>(dpi.value(), -1, 1'000'000));
    auto scale = args.integer(QStringLiteral("scale"), 0);
    if (!scale.ok())
        return scale.error();
    look.render.pixelsPerModule = int(std::clamp<qint64>(scale.value(), -1, 1'000'000));
    auto quiet = args.integer(QStringLiteral("quiet-zone"), -1);
    if (!quiet.ok())
        return quiet.error();
    look.render.quietZone = int(std::clamp<qint64>(quiet.value(), -2, 1'000'000));
    if (args.has(QStringLiteral("fg")))
        look.render.foreground = QColor::fromString(args.value(QStringLiteral("fg")));
    if (args.has(QStringLiteral("bg")))
        look.render.background = args.value(QStringLiteral("bg")) == u"transparent"
                                     ? QColor(Qt::transparent)
                                     : QColor::fromString(args.value(QStringLiteral("bg")));
    look.render.humanReadable = args.has(QStringLiteral("hri"));
    if (args.has(QStringLiteral("ec"))) {
        const auto ec = symbol::qrEcLevelFromName(args.value(QStringLiteral("ec")));
        if (!ec)
            return Error{QStringLiteral("ec"),
                         QStringLiteral("error correction must be L, M, Q or H; got '%1'")
                             .arg(args.value(QStringLiteral("ec"))),
                         QStringLiteral("invalid")};
        look.qr.ecLevel = *ec;
    }
    auto version = args.integer(QStringLiteral("version"), 0);
    if (!version.ok())
        return version.error();
    look.qr.version = int(std::clamp<qint64>(version.value(), -1, 1000));
    const QString shape = args.value(QStringLiteral("shape"), QStringLiteral("square"));
    if (shape == u"square")
        look.dataMatrix.shape = symbol::DataMatrixShape::Square;
    else if (shape == u"rectangle" || shape == u"rect")
        look.dataMatrix.shape = symbol::DataMatrixShape::Rectangle;
    else
        return Error{QStringLiteral("shape"),
                     QStringLiteral("shape must be square or rectangle; got '%1'").arg(shape),
                     QStringLiteral("invalid")};
    if (args.has(QStringLiteral("size"))) {
        // "18x18" or "32x8": columns × rows, as DataMatrix sizes are written.
        const QStringList parts = args.value(QStringLiteral("size")).toLower().split(u'x');
        bool okW = false, okH = false;
        const int w = parts.size() == 2 ? parts.at(0).toInt(&okW) : 0;
        const int h = parts.size() == 2 ? parts.at(1).toInt(&okH) : 0;
        if (!okW || !okH)
            return Error{QStringLiteral("size"),
                         QStringLiteral("size must be COLUMNSxROWS such as 18x18; got '%1'")
                             .arg(args.value(QStringLiteral("size"))),
                         QStringLiteral("invalid")};
        look.dataMatrix.size = QSize(w, h);
    }
    if (auto ok = symbol::validateRenderOptions(look.render); !ok)
        return ok.error();
    if (auto ok = symbol::QrEncoder::validate(look.qr); !ok)
        return ok.error();
    if (auto ok = symbol::DataMatrixEncoder::validate(look.dataMatrix); !ok)
        return ok.error();
    return look;
}

int invalidInput(const char* command, const Error& error)
{
    if (error.param.isEmpty())
        std::fprintf(stderr, "dppctl %s: %s\n", command, qPrintable(error.message));
    else
        std::fprintf(stderr, "dppctl %s: %s: %s\n", command, qPrintable(error.param),
                     qPrintable(error.message));
    return kExitInvalid;
}

} // namespace dpp::ctl
