#include "htmltemplate.h"

#include <QFile>
#include <QJsonArray>

namespace dpp::exporting {

struct HtmlTemplate::Node
{
    enum Kind { Text, Escaped, Raw, Section, Inverted };
    Kind kind = Text;
    QString text; // literal text, or the name looked up
    std::vector<std::unique_ptr<Node>> children;
};

namespace {

using Node = HtmlTemplate::Node;
using Stack = QList<QJsonValue>;

int lineAt(const QString& text, qsizetype pos)
{
    return int(QStringView(text).left(pos).count(u'\n')) + 1;
}

Error syntaxError(const QString& text, qsizetype pos, const QString& what)
{
    return Error{QStringLiteral("template"),
                 QStringLiteral("line %1: %2").arg(lineAt(text, pos)).arg(what),
                 QStringLiteral("template_syntax")};
}

QJsonValue member(const QJsonValue& scope, const QStringList& parts)
{
    QJsonValue v = scope;
    for (const QString& p : parts) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(p);
    }
    return v;
}

// Mustache lookup: the first part is searched from the innermost scope outwards, the rest
// are members of what it found.
QJsonValue lookup(const Stack& stack, const QString& name)
{
    if (name == QLatin1String("."))
        return stack.isEmpty() ? QJsonValue() : stack.last();
    const QStringList parts = name.split(u'.');
    for (qsizetype i = stack.size() - 1; i >= 0; --i) {
        if (stack.at(i).isObject() && stack.at(i).toObject().contains(parts.first()))
            return member(stack.at(i), parts);
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool truthy(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool();
    case QJsonValue::Double:
        return v.toDouble() != 0;
    case QJsonValue::String:
        return !v.toString().isEmpty();
    case QJsonValue::Array:
        return !v.toArray().isEmpty();
    case QJsonValue::Object:
        return true;
    default:
        return false;
    }
}

QString toText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

void renderNodes(const std::vector<std::unique_ptr<Node>>& nodes, Stack& stack, QString& out)
{
    for (const auto& node : nodes) {
        switch (node->kind) {
        case Node::Text:
            out += node->text;
            break;
        case Node::Escaped:
            out += HtmlTemplate::escape(toText(lookup(stack, node->text)));
            break;
        case Node::Raw:
            out += toText(lookup(stack, node->text));
            break;
        case Node::Inverted:
            if (!truthy(lookup(stack, node->text)))
                renderNodes(node->children, stack, out);
            break;
        case Node::Section: {
            const QJsonValue v = lookup(stack, node->text);
            if (!truthy(v))
                break;
            if (v.isArray()) {
                for (const QJsonValue& item : v.toArray()) {
                    stack.append(item);
                    renderNodes(node->children, stack, out);
                    stack.removeLast();
                }
            } else if (v.isObject()) {
                stack.append(v);
                renderNodes(node->children, stack, out);
                stack.removeLast();
            } else {
                renderNodes(node->children, stack, out);
            }
            break;
        }
        }
    }
}

} // namespace

HtmlTemplate::HtmlTemplate() = default;
HtmlTemplate::~HtmlTemplate() = default;
HtmlTemplate::HtmlTemplate(HtmlTemplate&&) noexcept = default;
HtmlTemplate& HtmlTemplate::operator=(HtmlTemplate&&) noexcept = default;

Result<HtmlTemplate> HtmlTemplate::compile(const QString& text)
{
    HtmlTemplate result;
    // Open sections, innermost last; each collects the nodes until its close tag.
    struct Open
    {
        Node* node;
        qsizetype pos;
    };
    QList<Open> open;
    auto target = [&]() -> std::vector<std::unique_ptr<Node>>& {
        return open.isEmpty() ? result.m_nodes : open.last().node->children;
    };
    auto addText = [&](const QString& t) {
        if (t.isEmpty())
            return;
        auto n = std::make_unique<Node>();
        n->text = t;
        target().push_back(std::move(n));
    };

    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype start = text.indexOf(QLatin1String("{{"), pos);
        if (start < 0) {
            addText(text.mid(pos));
            break;
        }
        addText(text.mid(pos, start - pos));
        const bool triple = text.mid(start, 3) == QLatin1String("{{{");
        const QLatin1String closer = triple ? QLatin1String("}}}") : QLatin1String("}}");
        const qsizetype end = text.indexOf(closer, start + (triple ? 3 : 2));
        if (end < 0)
            return syntaxError(text, start, QStringLiteral("tag without closing %1").arg(closer));
        QString tag = text.mid(start + (triple ? 3 : 2), end - start - (triple ? 3 : 2)).trimmed();
        pos = end + closer.size();
        if (tag.isEmpty())
            return syntaxError(text, start, QStringLiteral("empty tag"));

        const QChar sigil = tag.at(0);
        if (sigil == u'!')
            continue;
        auto node = std::make_unique<Node>();
        if (triple) {
            node->kind = Node::Raw;
            node->text = tag;
        } else if (sigil == u'&' || sigil == u'#' || sigil == u'^' || sigil == u'/') {
            node->text = tag.mid(1).trimmed();
            node->kind = sigil == u'&'   ? Node::Raw
                         : sigil == u'#' ? Node::Section
                         : sigil == u'^' ? Node::Inverted
                                         : Node::Text;
        } else {
            node->kind = Node::Escaped;
            node->text = tag;
        }
        if (node->text.isEmpty())
            return syntaxError(text, start, QStringLiteral("tag {{%1}} has no name").arg(tag));

        if (sigil == u'/' && !triple) {
            if (open.isEmpty())
                return syntaxError(text, start,
                                   QStringLiteral("{{/%1}} closes no section").arg(node->text));
            if (open.last().node->text != node->text)
                return syntaxError(text, start,
                                   QStringLiteral("{{/%1}} closes section \"%2\" opened on line %3")
                                       .arg(node->text, open.last().node->text)
                                       .arg(lineAt(text, open.last().pos)));
            open.removeLast();
            continue;
        }
        Node* raw = node.get();
        target().push_back(std::move(node));
        if (raw->kind == Node::Section || raw->kind == Node::Inverted)
            open.append({raw, start});
    }
    if (!open.isEmpty())
        return syntaxError(
            text, open.last().pos,
            QStringLiteral("section \"%1\" is never closed").arg(open.last().node->text));
    return result;
}

Result<HtmlTemplate> HtmlTemplate::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("template"),
                     QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
                     QStringLiteral("not_found")};
    auto compiled = compile(QString::fromUtf8(file.readAll()));
    if (!compiled.ok()) {
        Error e = compiled.error();
        e.message = path + QStringLiteral(": ") + e.message;
        return e;
    }
    return compiled;
}

QString HtmlTemplate::render(const QJsonObject& context) const
{
    QString out;
    Stack stack{QJsonValue(context)};
    renderNodes(m_nodes, stack, out);
    return out;
}

QString HtmlTemplate::escape(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += QLatin1String("&amp;");
            break;
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case u'"':
            out += QLatin1String("&quot;");
            break;
        case u'\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace dpp::exporting
