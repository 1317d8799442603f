// HtmlTemplate: the small logic-less template engine the passport viewer renders its pages
// with (a Mustache subset). Values are HTML-escaped unless asked otherwise, so a hostile
// product name ("<script>…") always arrives as text.
#pragma once

#include "result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <memory>
#include <vector>

namespace dpp::exporting {

/// Syntax:
///  - `{{name}}` the value, HTML-escaped; `{{a.b}}` a nested member; `{{.}}` the current item
///  - `{{{name}}}` or `{{&name}}` the value as it is (only for markup core built itself)
///  - `{{#name}}…{{/name}}` a section: rendered once per item of a list, once with an object
///    as the new context, once for any other true value, not at all for false, null, "",
///    0, an empty list or a missing name
///  - `{{^name}}…{{/name}}` inverted: rendered only when the section would not be
///  - `{{! comment }}`
/// Names are looked up from the innermost context outwards, as in Mustache.
class HtmlTemplate
{
public:
    HtmlTemplate();
    ~HtmlTemplate();
    HtmlTemplate(HtmlTemplate&&) noexcept;
    HtmlTemplate& operator=(HtmlTemplate&&) noexcept;

    /// Compiles template text. Errors (param "template") name the line and the tag:
    /// an unclosed section, a close without an open, a tag without "}}".
    static Result<HtmlTemplate> compile(const QString& text);
    /// Compiles a template from a file or Qt resource (":/viewer/passport.html").
    static Result<HtmlTemplate> load(const QString& path);

    QString render(const QJsonObject& context) const;

    /// & < > " ' as entities: safe in element content and in quoted attributes.
    static QString escape(const QString& text);

    struct Node;

private:
    std::vector<std::unique_ptr<Node>> m_nodes;
};

} // namespace dpp::exporting
