using Masq.Lib.Configuration;

namespace Masq.Lib.Ui.Messages;

public sealed record UiSetupResponseValue(string Name, string Value, SetupStatus Status);
