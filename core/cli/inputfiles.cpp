// SPDX-License-Identifier: MIT
// The strategy file and the --data SYMBOL=FILE arguments.
#include "cli/inputfiles.h"

#include <algorithm>

#include <QFile>

namespace sixbtc::cli {

using common::ErrorCode;

common::Result<std::vector<DataArgument>> parseDataArguments(const QStringList& values)
{
    std::vector<DataArgument> arguments;
    for (const QString& value : values) {
        const qsizetype equals = value.indexOf(QLatin1Char('='));
        if (equals <= 0 || equals == value.size() - 1)
            return common::fail(ErrorCode::Usage, "--data expects SYMBOL=FILE, got '" + value.toStdString() + "'");
        DataArgument argument{value.left(equals).toStdString(), value.mid(equals + 1).toStdString()};
        const bool repeated = std::any_of(arguments.begin(), arguments.end(),
                                          [&](const DataArgument& a) { return a.symbol == argument.symbol; });
        if (repeated)
            return common::fail(ErrorCode::Usage, "--data names " + argument.symbol + " more than once");
        arguments.push_back(std::move(argument));
    }
    return arguments;
}

common::Result<std::string> readStrategyFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return common::fail(ErrorCode::Input, path.string() + ": cannot read the strategy file (it is a folder)");
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly)) {
        return common::fail(ErrorCode::Input, path.string() + ": cannot read the strategy file (" +
                                                  file.errorString().toStdString() + ")");
    }
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace sixbtc::cli
