// SPDX-License-Identifier: MIT
// Parses configuration text into its single YAML document.
#include "config/yamldocument.h"

#include <sstream>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include "config/scalarreader.h"

namespace sixbtc::config {

namespace {

/// Records where documents start; builds nothing.
class DocumentCounter : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark& mark) override { m_lastStart = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

    const YAML::Mark& lastStart() const { return m_lastStart; }

private:
    YAML::Mark m_lastStart;
};

enum class DocumentCount { None, One, Several, Stuck };

/// Counts up to two documents. yaml-cpp 0.7 can return the same empty document forever on some
/// malformed input (a lone ","; this is why YAML::LoadAll is not used), so a document that starts
/// where the previous one started means the parser is stuck there.
DocumentCount countDocuments(const std::string& text, YAML::Mark& where)
{
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    DocumentCounter counter;
    if (!parser.HandleNextDocument(counter))
        return DocumentCount::None;
    const YAML::Mark first = counter.lastStart();
    if (!parser.HandleNextDocument(counter))
        return DocumentCount::One;
    where = counter.lastStart();
    return where.pos == first.pos ? DocumentCount::Stuck : DocumentCount::Several;
}

std::string byteAt(const std::string& text, int pos)
{
    if (pos < 0 || static_cast<std::size_t>(pos) >= text.size())
        return "end of input";
    return "character '" + printableText(text.substr(static_cast<std::size_t>(pos), 1)) + "'";
}

} // namespace

std::optional<YAML::Node> parseSingleDocument(std::string_view text, ProblemList& problems)
{
    const std::string input(text);
    try {
        YAML::Mark where;
        switch (countDocuments(input, where)) {
        case DocumentCount::None:
            problems.add(1, "", "expected a mapping of configuration sections, got an empty document");
            return std::nullopt;
        case DocumentCount::Stuck:
            problems.addSyntaxError(where.line + 1, where.column + 1, "unexpected " + byteAt(input, where.pos));
            return std::nullopt;
        case DocumentCount::Several: problems.add(where.line + 1, "", "expected one YAML document, got more"); break;
        case DocumentCount::One: break;
        }
        return YAML::Load(input);
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp words this one "bad file"; say what happened.
        problems.addSyntaxError(e.mark.line + 1, e.mark.column + 1,
                                "nesting deeper than " + std::to_string(e.depth() - 1) + " levels");
    } catch (const YAML::ParserException& e) {
        problems.addSyntaxError(e.mark.is_null() ? 1 : e.mark.line + 1, e.mark.is_null() ? 1 : e.mark.column + 1,
                                e.msg);
    } catch (const YAML::Exception& e) {
        problems.add(1, "", std::string("YAML error: ") + e.what());
    }
    return std::nullopt;
}

} // namespace sixbtc::config
