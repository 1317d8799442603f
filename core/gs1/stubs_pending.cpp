// TEMPORARY: compile-only stubs while the GS1 engine is written (removed when it lands).
#include "aitable.h"
#include "digitallink.h"
#include "elementstring.h"

namespace dpp::gs1 {
namespace {
Error pending() { return Error{QString(), QStringLiteral("GS1 engine not built yet"), QString()}; }
} // namespace
Result<ElementString> ElementString::fromBracketed(QStringView, const ValidationOptions&) { return pending(); }
Result<ElementString> ElementString::fromUnbracketed(QStringView, const ValidationOptions&) { return pending(); }
Status ElementString::validate(const ValidationOptions&) const { return pending(); }
QString ElementString::bracketed() const { return {}; }
QString ElementString::unbracketed(QChar) const { return {}; }
QByteArray ElementString::encoderData() const { return {}; }
QStringList ElementString::hri() const { return {}; }
QString ElementString::value(QStringView) const { return {}; }
bool ElementString::contains(QStringView) const { return false; }
Status validateAiValue(QStringView, QStringView, bool) { return pending(); }
Result<DigitalLink> DigitalLink::parse(QStringView, const DigitalLinkOptions&) { return pending(); }
Result<DigitalLink> DigitalLink::fromElementString(const ElementString&, const QString&) { return pending(); }
Result<DigitalLink> DigitalLink::build(const QList<AiValue>&, const QString&) { return pending(); }
QString DigitalLink::uri() const { return {}; }
QString DigitalLink::uriOnBase(const QString&) const { return {}; }
ElementString DigitalLink::elementString() const { return {}; }
QString DigitalLink::escape(QStringView, bool) { return {}; }
QString DigitalLink::unescape(QStringView, bool) { return {}; }
} // namespace dpp::gs1
