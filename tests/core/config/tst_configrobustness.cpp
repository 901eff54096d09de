// SPDX-License-Identifier: MIT
// The loader never crashes: truncated, random, NUL-filled, deeply nested and large inputs give an Error or a Config.
#include <QtTest>

#include <random>

#include "configtestsupport.h"

using namespace sixbtc::config;
using namespace sixbtc::config::test;
using sixbtc::common::ErrorCode;

namespace {

/// A Config, or a Config error with at least one detail, each naming the file.
bool wellFormed(const sixbtc::common::Result<Config>& config)
{
    if (config)
        return true;
    bool detailsNameTheFile = !config.error().details.empty();
    for (const auto& detail : config.error().details)
        detailsNameTheFile = detailsNameTheFile && detail.starts_with(kSourcePath + ':');
    return config.error().code == ErrorCode::Config && detailsNameTheFile &&
           config.error().message.starts_with(kSourcePath + ": ");
}

bool wellFormedOutcome(const std::string& text)
{
    return wellFormed(parseConfig(text, kSourcePath));
}

} // namespace

class TstConfigRobustness : public QObject
{
    Q_OBJECT

private slots:
    void everyTruncatedPrefixOfTheShippedFile()
    {
        const std::string text = shippedText();
        QVERIFY(text.size() > 1000);
        std::size_t loaded = 0;
        for (std::size_t n = 0; n < text.size(); ++n) {
            const auto config = parseConfig(text.substr(0, n), kSourcePath);
            QVERIFY2(wellFormed(config), qPrintable(QStringLiteral("prefix of %1 bytes").arg(n)));
            loaded += config ? 1 : 0;
        }
        // Only the whole file holds every key: the one proper prefix that loads lacks just the final newline.
        QCOMPARE(text.back(), '\n');
        QCOMPARE(loaded, std::size_t(1));
        QVERIFY(parseConfig(text.substr(0, text.size() - 1), kSourcePath).has_value());
    }

    void randomBytes()
    {
        std::mt19937_64 rng(20240607);
        std::uniform_int_distribution<int> byte(0, 255);
        std::uniform_int_distribution<std::size_t> length(0, 4096);
        for (int i = 0; i < 500; ++i) {
            std::string text(length(rng), '\0');
            for (auto& c : text)
                c = static_cast<char>(byte(rng));
            QVERIFY2(wellFormedOutcome(text), qPrintable(QStringLiteral("random input %1").arg(i)));
        }
    }

    void randomEditsOfTheShippedFile()
    {
        // Random single-byte mutations keep most of the structure and reach deeper into the readers.
        const std::string text = shippedText();
        const std::string alphabet = "{}[]:,-#&*!|>'\"%@` \n\t0123456789.eE+xyz~\\";
        std::mt19937_64 rng(7);
        std::uniform_int_distribution<std::size_t> position(0, text.size() - 1);
        std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
        for (int i = 0; i < 2000; ++i) {
            std::string mutated = text;
            for (int k = 0; k < 3; ++k)
                mutated[position(rng)] = alphabet[pick(rng)];
            QVERIFY2(wellFormedOutcome(mutated), qPrintable(QStringLiteral("mutation %1").arg(i)));
        }
    }

    void nulBytes()
    {
        QVERIFY(!parseConfig(std::string(1, '\0'), kSourcePath));
        QVERIFY(!parseConfig(std::string(4096, '\0'), kSourcePath));
        std::string text = shippedText();
        text.insert(text.find("pool:"), std::string(3, '\0'));
        QVERIFY(wellFormedOutcome(text));
        QVERIFY(!parseConfig(text, kSourcePath));
    }

    void deepNesting_data()
    {
        QTest::addColumn<QString>("open");
        QTest::addColumn<QString>("close");
        QTest::newRow("flow lists") << QStringLiteral("[") << QStringLiteral("]");
        QTest::newRow("flow mappings") << QStringLiteral("{a: ") << QStringLiteral("}");
    }
    void deepNesting()
    {
        QFETCH(QString, open);
        QFETCH(QString, close);
        std::string text;
        for (int i = 0; i < 10000; ++i)
            text += open.toStdString();
        for (int i = 0; i < 10000; ++i)
            text += close.toStdString();
        const auto config = parseConfig(text, kSourcePath);
        QVERIFY(!config);
        QCOMPARE(config.error().details.size(), std::size_t(1));
        QVERIFY2(config.error().details[0].find("YAML syntax error: nesting deeper than") != std::string::npos,
                 describe(config.error()).constData());
    }

    void deepBlockNesting()
    {
        std::string text;
        for (int i = 0; i < 10000; ++i)
            text += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
        QVERIFY(wellFormedOutcome(text));
        QVERIFY(!parseConfig(text, kSourcePath));
    }

    void oneMegabyteFile()
    {
        // The shipped file followed by 1 MB of unknown keys: loads as far as possible, reports them all.
        std::string text = shippedText();
        std::size_t keys = 0;
        while (text.size() < 1024 * 1024) {
            text += "extra_" + std::to_string(keys++) + ": 1\n";
        }
        const auto config = parseConfig(text, kSourcePath);
        QVERIFY(!config);
        QCOMPARE(config.error().details.size(), keys);
        QCOMPARE(config.error().details.back(),
                 kSourcePath + ':' + std::to_string(lineOfText(text, "extra_" + std::to_string(keys - 1) + ":")) +
                     ": extra_" + std::to_string(keys - 1) + ": unknown key");
    }

    void oneMegabyteScalar()
    {
        std::string text = edited(shippedText(), "symbols: [BTC, ETH, SOL]",
                                  "symbols: [BTC, ETH, " + std::string(1024 * 1024, 'X') + "]");
        const auto config = parseConfig(text, kSourcePath);
        QVERIFY(!config);
        QCOMPARE(config.error().details.size(), std::size_t(1));
        // Long values are shortened in messages.
        QVERIFY(config.error().details[0].size() < 300);
    }

    void aliasesDoNotExplode()
    {
        // "Billion laughs": aliases share nodes, and the loader never walks unknown structure.
        std::string text = shippedText() + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 30; ++i) {
            text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
            for (int k = 0; k < 10; ++k)
                text += std::string(k ? ", " : "") + "*a" + std::to_string(i - 1);
            text += "]\n";
        }
        const auto config = parseConfig(text, kSourcePath);
        QVERIFY(!config);
        QCOMPARE(config.error().details.size(), std::size_t(30));
    }
};

QTEST_GUILESS_MAIN(TstConfigRobustness)
#include "tst_configrobustness.moc"
