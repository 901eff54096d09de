// SPDX-License-Identifier: MIT
// Tests of the action builders without SDK vectors: key order, omitted keys, user-signed types, request body.
#include <QtTest>

#include "common/require.h"
#include "exchange/hyperliquid/signing/actionhash.h"
#include "exchange/hyperliquid/signing/actions.h"
#include "exchange/hyperliquid/signing/eip712.h"
#include "exchange/hyperliquid/signing/hex.h"
#include "exchange/hyperliquid/signing/signedaction.h"
#include "exchange/hyperliquid/signing/useractions.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::config::Network;

namespace {

QString json(const WireValue& value)
{
    return QString::fromStdString(value.toJson());
}

Address address(std::string_view hex)
{
    const auto parsed = Address::fromHex(hex);
    SIXBTC_REQUIRE(parsed.has_value());
    return *parsed;
}

Cloid cloid(std::string_view hex)
{
    const auto parsed = Cloid::fromHex(hex);
    SIXBTC_REQUIRE(parsed.has_value());
    return *parsed;
}

const char kCloid[] = "0x000000000000000000000000000000ff";
const char kSub[] = "0x1d9470d4b963f552e6f671a81619d395877bf409";

} // namespace

class TstActions : public QObject
{
    Q_OBJECT

private slots:
    void buildsL1ActionsInReferenceKeyOrder_data()
    {
        QTest::addColumn<QString>("actual");
        QTest::addColumn<QString>("expected");
        const std::array<CancelRequest, 2> cancels{CancelRequest{3, 123}, CancelRequest{0, 4000000000ULL}};
        QTest::newRow("cancel") << json(cancelAction(cancels))
                                << QStringLiteral(
                                       R"({"type":"cancel","cancels":[{"a":3,"o":123},{"a":0,"o":4000000000}]})");
        const std::array<CancelByCloidRequest, 1> byCloid{CancelByCloidRequest{3, cloid(kCloid)}};
        QTest::newRow("cancelByCloid")
            << json(cancelByCloidAction(byCloid))
            << QStringLiteral(
                   R"({"type":"cancelByCloid","cancels":[{"asset":3,"cloid":"0x000000000000000000000000000000ff"}]})");
        const OrderRequest alo{5, false, "0.5", "20", true, LimitOrderType{Tif::Alo}, std::nullopt};
        QTest::newRow("modify by oid")
            << json(modifyAction({std::uint64_t(77), alo}))
            << QStringLiteral(R"({"type":"modify","oid":77,"order":{"a":5,"b":false,"p":"0.5","s":"20","r":true,)"
                              R"("t":{"limit":{"tif":"Alo"}}}})");
        QTest::newRow("batchModify by cloid")
            << json(batchModifyAction(std::array{ModifyRequest{cloid(kCloid), alo}}))
            << QStringLiteral(R"({"type":"batchModify","modifies":[{"oid":"0x000000000000000000000000000000ff",)"
                              R"("order":{"a":5,"b":false,"p":"0.5","s":"20","r":true,)"
                              R"("t":{"limit":{"tif":"Alo"}}}}]})");
        const std::array orders{OrderRequest{0, true, "67000", "0.01", false, LimitOrderType{Tif::Gtc}, cloid(kCloid)},
                                OrderRequest{0, false, "60000", "0.01", true,
                                             TriggerOrderType{true, "61000", TpSl::StopLoss}, std::nullopt},
                                OrderRequest{0, false, "75000", "0.01", true,
                                             TriggerOrderType{false, "74000", TpSl::TakeProfit}, std::nullopt}};
        QTest::newRow("order with TP/SL and builder")
            << json(orderAction(orders, Grouping::NormalTpsl, BuilderFee{address(kSub), 10}))
            << QStringLiteral(
                   R"({"type":"order","orders":[)"
                   R"({"a":0,"b":true,"p":"67000","s":"0.01","r":false,"t":{"limit":{"tif":"Gtc"}},)"
                   R"("c":"0x000000000000000000000000000000ff"},)"
                   R"({"a":0,"b":false,"p":"60000","s":"0.01","r":true,)"
                   R"("t":{"trigger":{"isMarket":true,"triggerPx":"61000","tpsl":"sl"}}},)"
                   R"({"a":0,"b":false,"p":"75000","s":"0.01","r":true,)"
                   R"("t":{"trigger":{"isMarket":false,"triggerPx":"74000","tpsl":"tp"}}}],)"
                   R"("grouping":"normalTpsl","builder":{"b":"0x1d9470d4b963f552e6f671a81619d395877bf409","f":10}})");
        QTest::newRow("updateLeverage") << json(updateLeverageAction(1, false, 5))
                                        << QStringLiteral(
                                               R"({"type":"updateLeverage","asset":1,"isCross":false,"leverage":5})");
        QTest::newRow("updateIsolatedMargin")
            << json(updateIsolatedMarginAction(2, true, -1000000))
            << QStringLiteral(R"({"type":"updateIsolatedMargin","asset":2,"isBuy":true,"ntli":-1000000})");
        QTest::newRow("noop") << json(noopAction()) << QStringLiteral(R"({"type":"noop"})");
        QTest::newRow("subAccountTransfer uppercase input")
            << json(subAccountTransferAction(address("0x1D9470D4B963F552E6F671A81619D395877BF409"), false, 2500000))
            << QStringLiteral(R"({"type":"subAccountTransfer",)"
                              R"("subAccountUser":"0x1d9470d4b963f552e6f671a81619d395877bf409","isDeposit":false,)"
                              R"("usd":2500000})");
    }
    void buildsL1ActionsInReferenceKeyOrder()
    {
        QFETCH(QString, actual);
        QFETCH(QString, expected);
        QCOMPARE(actual, expected);
    }

    void foldsVaultAndExpiryIntoTheHash()
    {
        const WireValue action = noopAction();
        const Bytes plain = l1ActionPreimage(action, 1, std::nullopt, std::nullopt);
        // 81 a4 "type" a4 "noop", nonce 1, no vault
        QCOMPARE(QString::fromStdString(toHex(plain)), QStringLiteral("81a474797065a46e6f6f70000000000000000100"));
        const Bytes full = l1ActionPreimage(action, 1, address(kSub), std::uint64_t(0x0102030405060708));
        QCOMPARE(QString::fromStdString(toHex(full)), QStringLiteral("81a474797065a46e6f6f70000000000000000101") +
                                                          QString::fromLatin1(kSub + 2) +
                                                          QStringLiteral("000102030405060708"));
        QVERIFY(l1ActionHash(action, 1, std::nullopt, std::nullopt) !=
                l1ActionHash(action, 1, std::nullopt, std::uint64_t(1)));
    }

    void buildsUserSignedTypesOfTheReference_data()
    {
        QTest::addColumn<QString>("typeString");
        QTest::addColumn<QString>("expected");
        const Address to = address(kSub);
        // Type strings as listed in reference/hyperliquid.md section 5.4.
        QTest::newRow("spotSend")
            << QString::fromStdString(
                   spotSendAction(Network::Mainnet, to, "PURR:0xc1fb593aeffbeb02f85e0308e9956a90", "1", 5).typeString)
            << QStringLiteral("HyperliquidTransaction:SpotSend(string hyperliquidChain,string destination,string "
                              "token,string amount,uint64 time)");
        QTest::newRow("usdClassTransfer")
            << QString::fromStdString(usdClassTransferAction(Network::Mainnet, "12.5", true, 5).typeString)
            << QStringLiteral("HyperliquidTransaction:UsdClassTransfer(string hyperliquidChain,string amount,bool "
                              "toPerp,uint64 nonce)");
        QTest::newRow("approveAgent")
            << QString::fromStdString(approveAgentAction(Network::Mainnet, to, std::nullopt, 5).typeString)
            << QStringLiteral("HyperliquidTransaction:ApproveAgent(string hyperliquidChain,address agentAddress,string "
                              "agentName,uint64 nonce)");
        QTest::newRow("approveBuilderFee")
            << QString::fromStdString(approveBuilderFeeAction(Network::Mainnet, "0.001%", to, 5).typeString)
            << QStringLiteral("HyperliquidTransaction:ApproveBuilderFee(string hyperliquidChain,string "
                              "maxFeeRate,address builder,uint64 nonce)");
    }
    void buildsUserSignedTypesOfTheReference()
    {
        QFETCH(QString, typeString);
        QFETCH(QString, expected);
        QCOMPARE(typeString, expected);
    }

    void postsUserSignedActionsLikeTheSdk()
    {
        QCOMPARE(json(usdClassTransferAction(Network::Testnet, "12.5", true, 99).action),
                 QStringLiteral(R"({"type":"usdClassTransfer","signatureChainId":"0x66eee",)"
                                R"("hyperliquidChain":"Testnet","amount":"12.5","toPerp":true,"nonce":99})"));
        // An unnamed agent is signed with agentName "" and posted without the key.
        const UserSignedAction unnamed = approveAgentAction(Network::Mainnet, address(kSub), std::nullopt, 7);
        QCOMPARE(json(unnamed.action),
                 QStringLiteral(R"({"type":"approveAgent","signatureChainId":"0x66eee",)"
                                R"("hyperliquidChain":"Mainnet",)"
                                R"("agentAddress":"0x1d9470d4b963f552e6f671a81619d395877bf409","nonce":7})"));
        const UserSignedAction empty = approveAgentAction(Network::Mainnet, address(kSub), std::string(), 7);
        QVERIFY(empty.action.find("agentName") != nullptr);
        QCOMPARE(unnamed.structHash, empty.structHash);
        QVERIFY(approveAgentAction(Network::Mainnet, address(kSub), std::string("bot"), 7).structHash !=
                empty.structHash);
        QVERIFY(approveAgentAction(Network::Testnet, address(kSub), std::string(), 7).structHash != empty.structHash);
    }

    void writesTheExchangeRequestBody()
    {
        auto key = PrivateKey::fromHex("0x0123456789012345678901234567890123456789012345678901234567890123");
        QVERIFY(key.has_value());
        const SignedAction bare = signL1Action(*key, Network::Mainnet, noopAction(), 42, std::nullopt, std::nullopt);
        QCOMPARE(QString::fromStdString(exchangeRequestBody(bare)),
                 QStringLiteral(R"({"action":{"type":"noop"},"nonce":42,"signature":{"r":")") +
                     QString::fromStdString(bare.signature.rHex()) + QStringLiteral(R"(","s":")") +
                     QString::fromStdString(bare.signature.sHex()) + QStringLiteral(R"(","v":)") +
                     QString::number(bare.signature.v) +
                     QStringLiteral(R"(},"vaultAddress":null,"expiresAfter":null})"));
        const SignedAction full = signL1Action(*key, Network::Mainnet, noopAction(), 42, address(kSub), 1000);
        const QString body = QString::fromStdString(exchangeRequestBody(full));
        QVERIFY(body.endsWith(
            QStringLiteral(R"("vaultAddress":"0x1d9470d4b963f552e6f671a81619d395877bf409","expiresAfter":1000})")));
        QVERIFY(!(full.signature == bare.signature)); // vault and expiry are signed
        QCOMPARE(full.signature.rHex().size(), std::size_t(66));
    }
};

QTEST_GUILESS_MAIN(TstActions)
#include "tst_actions.moc"
