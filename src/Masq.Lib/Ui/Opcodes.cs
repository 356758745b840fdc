namespace Masq.Lib.Ui;

/// <summary>Wire names of every UI opcode.</summary>
public static class Opcodes
{
    public const string Setup = "setup";
    public const string Start = "start";
    public const string Redirect = "redirect";
    public const string Crashed = "crashed";
    public const string Undelivered = "undelivered";
    public const string UnmarshalError = "unmarshalError";
    public const string ChangePassword = "changePassword";
    public const string CheckPassword = "checkPassword";
    public const string Configuration = "configuration";
    public const string GenerateWallets = "generateWallets";
    public const string RecoverWallets = "recoverWallets";
    public const string SetConfiguration = "setConfiguration";
    public const string WalletAddresses = "walletAddresses";
    public const string Descriptor = "descriptor";
    public const string ConnectionStatus = "connectionStatus";
    public const string ConnectionChange = "connectionChange";
    public const string ExitLocation = "exitLocation";
    public const string NeighborhoodGraph = "neighborhoodGraph";
    public const string Shutdown = "shutdown";
    public const string Financials = "financials";
    public const string Scan = "scan";
    public const string Crash = "crash";
    public const string LogBroadcast = "logBroadcast";
    public const string NewPassword = "newPassword";
    public const string ConfigurationChanged = "configurationChanged";

    /// <summary>Masq's own broadcast (not in the reference): the Node's traffic counters, about once a second.</summary>
    public const string TrafficStats = "trafficStats";

    /// <summary>Opcodes the Daemon answers itself; every other one is redirected to the Node.</summary>
    public static bool IsHandledByDaemon(string opcode) => opcode is Setup or Start;
}
