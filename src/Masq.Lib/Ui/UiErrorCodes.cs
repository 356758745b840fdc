namespace Masq.Lib.Ui;

/// <summary>The MASQ UI error codes.</summary>
public static class UiErrorCodes
{
    private const ulong ConfiguratorPrefix = 0x0001_0000_0000_0000;
    private const ulong UiPrefix = 0x8000_0000_0000_0000;
    private const ulong FinancialsPrefix = 0x0040_0000_0000_0000;

    public const ulong ConfiguratorRead = ConfiguratorPrefix | 1;
    public const ulong ConfiguratorWrite = ConfiguratorPrefix | 2;
    public const ulong UnrecognizedMnemonicLanguage = ConfiguratorPrefix | 3;
    public const ulong IllegalMnemonicWordCount = ConfiguratorPrefix | 4;
    public const ulong BadPassword = ConfiguratorPrefix | 6;
    public const ulong DerivationPath = ConfiguratorPrefix | 8;
    public const ulong MnemonicPhrase = ConfiguratorPrefix | 9;
    public const ulong UnrecognizedParameter = ConfiguratorPrefix | 0xB;
    public const ulong NonParsableValue = ConfiguratorPrefix | 0xC;
    public const ulong MissingData = ConfiguratorPrefix | 0xD;
    public const ulong Unknown = ConfiguratorPrefix | 0xE;

    public const ulong NodeLaunch = UiPrefix | 1;
    public const ulong NodeNotRunning = UiPrefix | 2;
    public const ulong NodeAlreadyRunning = UiPrefix | 3;
    public const ulong Unmarshal = UiPrefix | 4;
    public const ulong Setup = UiPrefix | 5;
    public const ulong Timeout = UiPrefix | 6;
    public const ulong Scan = UiPrefix | 7;
    public const ulong ExitCountryMissingCountries = UiPrefix | 8;

    public const ulong RequestWithNoValues = FinancialsPrefix | 1;
    public const ulong RequestWithMutuallyExclusiveParams = FinancialsPrefix | 2;
    public const ulong ValueExceedsAllowedLimit = FinancialsPrefix | 3;

    /// <summary>Formats a code as the CLI shows it: upper-case hex in groups of four, e.g. <c>8000_0000_0000_0002</c>.</summary>
    public static string Format(ulong code)
    {
        var hex = code.ToString("X16", System.Globalization.CultureInfo.InvariantCulture);
        return string.Join('_', hex[..4], hex[4..8], hex[8..12], hex[12..]);
    }
}
