// SPDX-License-Identifier: MIT
// Strategy document highlighting: a line scan for strings and comments, a token pass, then diagnostic underlines.
#include "widgets/strategyhighlighter.h"

#include <QRegularExpression>
#include <QTextDocument>

#include "strategy/dsl/builtins.h"

namespace sixbtc::gui {

namespace {

using Category = StrategyHighlighter::Category;

/// Block states: where the previous line ended.
enum BlockState { Plain = -1, InDoubleQuoted = 1, InSingleQuoted = 2 };

/// A colour of hue `hue` that reads on the palette's base: lighter on a dark base, darker on a light one.
QColor accent(const QPalette& palette, int hue)
{
    const bool darkBase = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(hue, 170, darkBase ? 175 : 95);
}

QTextCharFormat coloured(const QColor& colour, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(colour);
    if (bold)
        format.setFontWeight(QFont::Bold);
    format.setFontItalic(italic);
    return format;
}

bool isTokenChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.');
}

/// A quote opens a YAML string only where a scalar can start.
bool opensString(const QString& text, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar before = text[i - 1];
    return before.isSpace() || QStringLiteral(":[{,-").contains(before);
}

/// The UTF-16 index of the 1-based code-point column `column` in `text` (text.size() when beyond its end).
qsizetype indexOfColumn(const QString& text, int column)
{
    qsizetype index = 0;
    for (int c = 1; c < column && index < text.size(); ++c)
        index += text[index].isHighSurrogate() && index + 1 < text.size() ? 2 : 1;
    return index;
}

} // namespace

StrategyHighlighter::StrategyHighlighter(QTextDocument* document, const QPalette& palette)
    : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void StrategyHighlighter::setPalette(const QPalette& palette)
{
    auto at = [this](Category c) -> QTextCharFormat& { return m_formats[static_cast<std::size_t>(c)]; };
    at(Category::Key) = coloured(accent(palette, 210), true);
    at(Category::Builtin) = coloured(accent(palette, 285));
    at(Category::PriceField) = coloured(accent(palette, 180), false, true);
    at(Category::Keyword) = coloured(palette.color(QPalette::Text), true);
    at(Category::Number) = coloured(accent(palette, 30));
    at(Category::String) = coloured(accent(palette, 110));
    at(Category::Comment) = coloured(palette.color(QPalette::PlaceholderText), false, true);
    m_diagnosticColor = accent(palette, 0);
    rehighlight();
}

void StrategyHighlighter::setDiagnostics(strategy::Diagnostics diagnostics)
{
    m_diagnostics = std::move(diagnostics);
    rehighlight();
}

const QTextCharFormat& StrategyHighlighter::categoryFormat(Category category) const
{
    return m_formats[static_cast<std::size_t>(category)];
}

void StrategyHighlighter::highlightBlock(const QString& text)
{
    const LineScan scan = highlightStringsAndComment(text);
    highlightTokens(text, scan);
    underlineDiagnostics(text);
}

StrategyHighlighter::LineScan StrategyHighlighter::highlightStringsAndComment(const QString& text)
{
    LineScan scan{std::vector<bool>(static_cast<std::size_t>(text.size()), false), text.size()};
    int state =
        previousBlockState() == InDoubleQuoted || previousBlockState() == InSingleQuoted ? previousBlockState() : Plain;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (state == InDoubleQuoted) {
            scan.inString[static_cast<std::size_t>(i)] = true;
            if (c == QLatin1Char('\\') && i + 1 < text.size()) {
                scan.inString[static_cast<std::size_t>(++i)] = true;
            } else if (c == QLatin1Char('"')) {
                setFormat(start, i + 1 - start, categoryFormat(Category::String));
                state = Plain;
            }
        } else if (state == InSingleQuoted) {
            scan.inString[static_cast<std::size_t>(i)] = true;
            if (c == QLatin1Char('\'') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\'')) {
                scan.inString[static_cast<std::size_t>(++i)] = true;
            } else if (c == QLatin1Char('\'')) {
                setFormat(start, i + 1 - start, categoryFormat(Category::String));
                state = Plain;
            }
        } else if ((c == QLatin1Char('"') || c == QLatin1Char('\'')) && opensString(text, i)) {
            state = c == QLatin1Char('"') ? InDoubleQuoted : InSingleQuoted;
            start = i;
            scan.inString[static_cast<std::size_t>(i)] = true;
        } else if (c == QLatin1Char('#') && (i == 0 || text[i - 1].isSpace())) {
            scan.commentStart = i;
            setFormat(i, text.size() - i, categoryFormat(Category::Comment));
            break;
        }
    }
    if (state != Plain)
        setFormat(start, text.size() - start, categoryFormat(Category::String));
    setCurrentBlockState(state);
    return scan;
}

void StrategyHighlighter::highlightTokens(const QString& text, const LineScan& scan)
{
    static const QRegularExpression token(
        QStringLiteral(R"([A-Za-z_][A-Za-z0-9_]*|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[mhd]?(?![A-Za-z0-9_]))"));
    static const QRegularExpression keyTail(QStringLiteral(R"(^\s*:(\s|$))"));
    const QString head = text.left(scan.commentStart);
    for (auto it = token.globalMatch(head); it.hasNext();) {
        const auto match = it.next();
        const qsizetype at = match.capturedStart();
        const QString word = match.captured();
        if (at > 0 && isTokenChar(text[at - 1]))
            continue;
        const bool quoted = scan.inString[static_cast<std::size_t>(at)];
        std::optional<Category> category;
        if (word.front().isDigit() || word.front() == QLatin1Char('.'))
            category = Category::Number;
        else if (!quoted && keyTail.match(head.mid(match.capturedEnd())).hasMatch())
            category = Category::Key;
        else if (word == QLatin1String("and") || word == QLatin1String("or") || word == QLatin1String("not"))
            category = Category::Keyword;
        else if (strategy::dsl::findBuiltin(word.toStdString()) != nullptr)
            category = Category::Builtin;
        else if (strategy::dsl::findPriceField(word.toStdString()).has_value())
            category = Category::PriceField;
        if (category)
            setFormat(at, match.capturedLength(), categoryFormat(*category));
    }
}

void StrategyHighlighter::underlineDiagnostics(const QString& text)
{
    const int line = currentBlock().blockNumber() + 1;
    for (const auto& diagnostic : m_diagnostics) {
        if (diagnostic.line != line || diagnostic.column <= 0 || text.isEmpty())
            continue;
        qsizetype from = std::min(indexOfColumn(text, diagnostic.column), text.size() - 1);
        qsizetype to = from + 1;
        while (to < text.size() && isTokenChar(text[from]) && isTokenChar(text[to]))
            ++to;
        for (qsizetype i = from; i < to; ++i) {
            QTextCharFormat merged = format(static_cast<int>(i));
            merged.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            merged.setUnderlineColor(m_diagnosticColor);
            setFormat(static_cast<int>(i), 1, merged);
        }
    }
}

} // namespace sixbtc::gui
