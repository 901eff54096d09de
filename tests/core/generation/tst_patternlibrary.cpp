// SPDX-License-Identifier: MIT
// The embedded pattern library: it loads, covers every type, matches its README and source folder, instantiates
// on every timeframe; and every kind of bad pattern file is rejected with the file named.
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <map>

#include "generation/patternlibrary.h"

using sixbtc::common::ErrorCode;
using sixbtc::common::Timeframe;
using sixbtc::generation::Pattern;
using sixbtc::generation::PatternLibrary;
using sixbtc::strategy::RuleSlot;
using sixbtc::strategy::StrategyType;

namespace {

const QString kSourceFolder = QStringLiteral(SIXBTC_SOURCE_DIR "/resources/patterns");

const char* const kValidPattern = "id: %1\n"
                                  "type: MOM\n"
                                  "idea: >\n"
                                  "  Two EMAs cross.\n"
                                  "signals:\n"
                                  "  long_entry: \"crosses_above(ema(close, 5), ema(close, 20))\"\n"
                                  "  short_entry: \"crosses_below(ema(close, 5), ema(close, 20))\"\n";

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
}

/// id -> type name of every row `| \`id\` | TYPE | idea |` of the README table.
std::map<std::string, std::string> readmeTable()
{
    const QString text = QString::fromUtf8(readAll(kSourceFolder + QStringLiteral("/README.md")));
    const QRegularExpression row(QStringLiteral("^\\| `([a-z0-9_]+)` \\| (MOM|REV|TRN|BRE|VOL) \\| \\S.*\\|$"),
                                 QRegularExpression::MultilineOption);
    std::map<std::string, std::string> table;
    auto it = row.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        if (!table.emplace(match.captured(1).toStdString(), match.captured(2).toStdString()).second)
            qFatal("README lists %s twice", qPrintable(match.captured(1)));
    }
    return table;
}

std::string typeName(StrategyType type)
{
    return std::string(sixbtc::strategy::strategyTypeName(type));
}

} // namespace

class TstPatternLibrary : public QObject
{
    Q_OBJECT

private:
    std::optional<PatternLibrary> m_library;

private slots:
    void initTestCase()
    {
        auto library = PatternLibrary::loadEmbedded();
        QVERIFY2(library.has_value(), library ? "" : library.error().fullText().c_str());
        m_library = std::move(*library);
    }

    void embeddedLibraryIsSortedAndCoversEveryType()
    {
        const auto& patterns = m_library->patterns();
        QVERIFY(patterns.size() >= 30);
        std::map<std::string, int> perType;
        for (std::size_t i = 0; i < patterns.size(); ++i) {
            if (i > 0)
                QVERIFY(patterns[i - 1].id < patterns[i].id); // sorted and unique
            ++perType[typeName(patterns[i].type)];
            QVERIFY(!patterns[i].idea.empty());
            QVERIFY(!patterns[i].rule(RuleSlot::LongEntry).empty());
            QVERIFY(!patterns[i].rule(RuleSlot::ShortEntry).empty());
            QCOMPARE(m_library->find(patterns[i].id), &patterns[i]);
        }
        for (const char* type : {"MOM", "REV", "TRN", "BRE", "VOL"})
            QVERIFY2(perType[type] >= 6, type);
        QCOMPARE(m_library->find("no_such_pattern"), nullptr);
    }

    void idsAndTypesMatchTheReadme()
    {
        std::map<std::string, std::string> library;
        for (const auto& pattern : m_library->patterns())
            library.emplace(pattern.id, typeName(pattern.type));
        QCOMPARE(readmeTable(), library);
    }

    void resourceListingEqualsTheSourceFolder()
    {
        QStringList source = QDir(kSourceFolder).entryList(QDir::Files, QDir::Name);
        source.removeOne(QStringLiteral("README.md"));
        const QStringList embedded = QDir(QStringLiteral(":/patterns")).entryList(QDir::Files, QDir::Name);
        // A file in resources/patterns that is missing from core/generation/CMakeLists.txt fails here.
        QCOMPARE(embedded, source);
        for (const QString& name : embedded)
            QCOMPARE(readAll(QStringLiteral(":/patterns/") + name), readAll(kSourceFolder + QLatin1Char('/') + name));
    }

    void sourceFolderLoadsLikeTheEmbeddedLibrary()
    {
        const auto folder = PatternLibrary::loadDirectory(std::filesystem::path(kSourceFolder.toStdString()));
        QVERIFY2(folder.has_value(), folder ? "" : folder.error().fullText().c_str());
        QCOMPARE(folder->patterns().size(), m_library->patterns().size());
        for (std::size_t i = 0; i < folder->patterns().size(); ++i) {
            const Pattern& a = folder->patterns()[i];
            const Pattern& b = m_library->patterns()[i];
            QVERIFY(a.id == b.id && a.type == b.type && a.idea == b.idea && a.rules == b.rules);
        }
    }

    void everyPatternInstantiatesOnEveryTimeframe()
    {
        const std::vector<std::string> symbols{"BTC", "ETH", "SOL"};
        for (const auto& pattern : m_library->patterns()) {
            for (const Timeframe timeframe : Timeframe::all()) {
                const auto document = m_library->instantiate(pattern, timeframe, symbols);
                QVERIFY2(document.has_value(), document ? "" : document.error().fullText().c_str());
                QCOMPARE(document->type(), pattern.type);
                QCOMPARE(document->timeframe(), timeframe);
                QCOMPARE(document->symbols(), symbols);
                QVERIFY(!document->risk().has_value());
                for (const RuleSlot slot : sixbtc::strategy::allRuleSlots)
                    QCOMPARE(document->rule(slot) != nullptr, !pattern.rule(slot).empty());
            }
        }
    }

    void instanceEqualsTheHandWrittenDocument()
    {
        const Pattern* pattern = m_library->find("mom_ema_cross");
        QVERIFY(pattern != nullptr);
        const auto instance = m_library->instantiate(*pattern, Timeframe(Timeframe::Id::M15), {"BTC", "ETH"});
        QVERIFY(instance.has_value());
        const auto expected = sixbtc::strategy::parseStrategyDocument(
            "type: MOM\ntimeframe: 15m\nsymbols: [BTC, ETH]\nsignals:\n"
            "  long_entry: \"crosses_above(ema(close, 12), ema(close, 48)) and rsi(close, 14) < 70\"\n"
            "  short_entry: \"crosses_below(ema(close, 12), ema(close, 48)) and rsi(close, 14) > 30\"\n"
            "  long_exit: \"crosses_below(ema(close, 12), ema(close, 48))\"\n"
            "  short_exit: \"crosses_above(ema(close, 12), ema(close, 48))\"\n",
            "expected");
        QVERIFY(expected.document.has_value());
        QVERIFY(instance->sameContent(*expected.document));
    }

    void instantiateNamesThePatternOnBadSymbols()
    {
        const Pattern& pattern = m_library->patterns().front();
        const auto document = m_library->instantiate(pattern, Timeframe(Timeframe::Id::H1), {"BTC", "B-T"});
        QVERIFY(!document.has_value());
        QCOMPARE(document.error().code, ErrorCode::Input);
        QVERIFY(document.error().message.find("pattern '" + pattern.id + "'") != std::string::npos);
        QVERIFY(document.error().message.find("symbol 'B-T'") != std::string::npos);
        QVERIFY(!document.error().details.empty());
    }

    void badFilesAreRejected_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected"); // a fragment of the message after the file name
        const auto valid = [](const char* id) { return QString::fromLatin1(kValidPattern).arg(QLatin1String(id)); };
        const auto bad = [&](const char* row, const char* file, const QString& content, const char* expected) {
            QTest::newRow(row) << QString::fromLatin1(file) << content.toUtf8() << QString::fromLatin1(expected);
        };
        bad("malformed YAML", "p.yaml", QStringLiteral("id: p\ntype: [MOM\n"), ":3: malformed YAML");
        bad("not a mapping", "p.yaml", QStringLiteral("- id: p\n"), "a pattern file is a YAML mapping");
        QTest::newRow("not UTF-8") << QStringLiteral("p.yaml") << QByteArray("id: p\nidea: \xff\n")
                                   << QStringLiteral("UTF-8");
        bad("unknown key", "p.yaml", valid("p") + QStringLiteral("colour: red\n"), ":8: unknown key 'colour'");
        bad("unknown rule key", "p.yaml", valid("p") + QStringLiteral("  long_entree: \"close > open\"\n"),
            ":8: unknown key 'signals.long_entree'");
        bad("duplicate key", "p.yaml", QStringLiteral("type: REV\n") + valid("p"), ":3: duplicate key 'type'");
        bad("missing key", "p.yaml", valid("p").remove(QStringLiteral("idea: >\n  Two EMAs cross.\n")),
            "missing key 'idea'");
        bad("id differs from stem", "p.yaml", valid("q"), ":1: id 'q' differs from the file name (expected 'p')");
        bad("id with capitals", "Pat.yaml", valid("Pat"), ":1: id 'Pat' must be lowercase");
        bad("unknown type", "p.yaml", valid("p").replace(QStringLiteral("MOM"), QStringLiteral("ARB")),
            ":2: unknown type 'ARB'");
        bad("empty idea", "p.yaml", valid("p").replace(QStringLiteral("Two EMAs cross."), QString()),
            "'idea' is empty");
        bad("no short entry", "p.yaml",
            valid("p").remove(QStringLiteral("  short_entry: \"crosses_below(ema(close, 5), ema(close, 20))\"\n")),
            ":5: missing key 'signals.short_entry'");
        bad("empty long entry", "p.yaml",
            valid("p").replace(QStringLiteral("\"crosses_above(ema(close, 5), ema(close, 20))\""),
                               QStringLiteral("\"\"")),
            ":6: 'signals.long_entry' is empty");
        bad("rule does not parse", "p.yaml", valid("p") + QStringLiteral("  long_exit: \"emaa(close, 12) > close\"\n"),
            ":8: pattern 'p': rule long_exit does not compile on 5m: unknown function 'emaa'");
        bad("duration literal", "p.yaml", valid("p") + QStringLiteral("  short_exit: \"close > sma(close, 90m)\"\n"),
            ":8: pattern 'p': rule short_exit does not compile on 1h");
        bad("rule is a number", "p.yaml",
            valid("p").replace(QStringLiteral("\"crosses_above(ema(close, 5), ema(close, 20))\""),
                               QStringLiteral("\"close + 1\"")),
            ":6: pattern 'p': rule long_entry does not compile on 5m: a rule must be a condition");
    }
    void badFilesAreRejected()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("a_valid.yaml")),
                  QString::fromLatin1(kValidPattern).arg(QStringLiteral("a_valid")).toUtf8());
        writeFile(dir.filePath(file), content);
        const auto library = PatternLibrary::loadDirectory(dir.path().toStdString());
        QVERIFY(!library.has_value());
        QCOMPARE(library.error().code, ErrorCode::Input);
        const std::string message = library.error().message;
        const std::string path = dir.filePath(file).toStdString();
        QVERIFY2(message.rfind(path, 0) == 0, message.c_str()); // starts with the file's path
        QVERIFY2(message.find(expected.toStdString(), path.size()) != std::string::npos, message.c_str());
    }

    void unreadableEntriesAreErrorsNotSkipped()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("missing_target")), dir.filePath(QStringLiteral("b.yaml"))));
        const auto library = PatternLibrary::loadDirectory(dir.path().toStdString());
        QVERIFY(!library.has_value());
        QCOMPARE(library.error().code, ErrorCode::Input);
        QVERIFY2(library.error().message.find(dir.filePath(QStringLiteral("b.yaml")).toStdString() + ": cannot read") ==
                     0,
                 library.error().message.c_str());
    }

    void foldersWithoutPatternsFail()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("README.md")), "not a pattern");
        const auto empty = PatternLibrary::loadDirectory(dir.path().toStdString());
        QVERIFY(!empty.has_value());
        QVERIFY(empty.error().message.find("holds no pattern file") != std::string::npos);
        const auto missing = PatternLibrary::loadDirectory(dir.filePath(QStringLiteral("nowhere")).toStdString());
        QVERIFY(!missing.has_value());
        QVERIFY(missing.error().message.find("does not exist") != std::string::npos);

        // Only *.yaml files are patterns: the README beside a valid pattern is not read.
        writeFile(dir.filePath(QStringLiteral("one.yaml")),
                  QString::fromLatin1(kValidPattern).arg(QStringLiteral("one")).toUtf8());
        const auto one = PatternLibrary::loadDirectory(dir.path().toStdString());
        QVERIFY2(one.has_value(), one ? "" : one.error().fullText().c_str());
        QCOMPARE(one->patterns().size(), std::size_t(1));
        QCOMPARE(one->patterns().front().idea, std::string("Two EMAs cross."));
        QCOMPARE(one->patterns().front().rule(RuleSlot::LongEntry),
                 std::string("crosses_above(ema(close, 5), ema(close, 20))"));
        QVERIFY(one->patterns().front().rule(RuleSlot::LongExit).empty());
    }

    void patternsBuiltInCodeAreChecked()
    {
        const Pattern good = m_library->patterns().front();
        Pattern noShort = good;
        noShort.id = "no_short";
        noShort.rules[static_cast<std::size_t>(RuleSlot::ShortEntry)].clear();
        const auto missing = PatternLibrary::fromPatterns({good, noShort});
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().message, std::string("pattern 'no_short': no short_entry rule"));

        const auto duplicate = PatternLibrary::fromPatterns({good, good});
        QVERIFY(!duplicate.has_value());
        QCOMPARE(duplicate.error().code, ErrorCode::Input);
        QCOMPARE(duplicate.error().message, "duplicate pattern id '" + good.id + "'");

        QVERIFY(!PatternLibrary::fromPatterns({}).has_value());
        const auto single = PatternLibrary::fromPatterns({good});
        QVERIFY(single.has_value());
        QCOMPARE(single->patterns().size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TstPatternLibrary)
#include "tst_patternlibrary.moc"
