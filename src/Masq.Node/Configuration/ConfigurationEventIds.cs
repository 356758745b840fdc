using Masq.Lib.Logging;

namespace Masq.Node.Configuration;

/// <summary>The Configurator's log event ids in one table (3000–3099).</summary>
[EventIdRange(3000, 3099)]
internal static class ConfigurationEventIds
{
    public const int PasswordChanged = 3001;
    public const int ValueSet = 3002;
    public const int FieldUnreadable = 3003;
    public const int WalletsGenerated = 3004;
    public const int WalletsRecovered = 3005;
}
