// SPDX-License-Identifier: MIT
// StrategyHighlighter: syntax colours for strategy documents (YAML with rule expressions) and inline diagnostics.
#pragma once

#include <array>
#include <vector>

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include "strategy/diagnostic.h"

namespace sixbtc::gui {

/// Colours a strategy document: YAML keys, the language's built-in functions (as the core's table knows them),
/// price fields, `and or not`, numbers and durations, strings and comments. Colours are derived from a palette so
/// that they read on a dark and on a light theme. A diagnostic's token gets a wavy underline.
class StrategyHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    /// What a span of a document is.
    enum class Category { Key, Builtin, PriceField, Keyword, Number, String, Comment };

    StrategyHighlighter(QTextDocument* document, const QPalette& palette);

    /// Derives the formats from `palette` and highlights the document again.
    void setPalette(const QPalette& palette);
    /// Underlines the token at each diagnostic's line and column (1-based; line 0 = no position, not drawn).
    void setDiagnostics(strategy::Diagnostics diagnostics);

    const QTextCharFormat& categoryFormat(Category category) const;
    /// The colour of a diagnostic's wavy underline.
    QColor diagnosticColor() const { return m_diagnosticColor; }

protected:
    void highlightBlock(const QString& text) override;

private:
    /// Which characters of a line lie in a quoted string, and where its comment starts (the line's size if none).
    struct LineScan
    {
        std::vector<bool> inString;
        qsizetype commentStart = 0;
    };

    /// Formats the strings and the comment of a line; a double-quoted string may continue on the next line.
    LineScan highlightStringsAndComment(const QString& text);
    void highlightTokens(const QString& text, const LineScan& scan);
    void underlineDiagnostics(const QString& text);

    std::array<QTextCharFormat, 7> m_formats;
    QColor m_diagnosticColor;
    strategy::Diagnostics m_diagnostics;
};

} // namespace sixbtc::gui
