using Masq.Daemon.Setup;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Persistence;

/// <summary>
/// The Daemon's read-only view of a Node database (<see cref="DatabaseInitializer.OpenReadOnly"/>): it never
/// creates, migrates or writes the file.
/// </summary>
internal sealed partial class NodeDatabaseReader(PasswordKeyDerivation keyDerivation, ILogger<NodeDatabaseReader> logger)
    : INodeDatabaseReader
{
    /// <summary>Config row → setup-parameter name, for the parameters whose default comes from the database.</summary>
    internal static readonly (string Row, string Parameter)[] StoredParameters =
    [
        (ConfigNames.BlockchainServiceUrl, "blockchain-service-url"),
        (ConfigNames.ChainName, "chain"),
        (ConfigNames.ClandestinePort, "clandestine-port"),
        (ConfigNames.EarningWalletAddress, "earning-wallet"),
        (ConfigNames.GasPrice, "gas-price"),
        (ConfigNames.MappingProtocol, "mapping-protocol"),
        (ConfigNames.MinHops, "min-hops"),
        (ConfigNames.NeighborhoodMode, "neighborhood-mode"),
        (ConfigNames.PaymentThresholds, "payment-thresholds"),
        (ConfigNames.RatePack, "rate-pack"),
        (ConfigNames.ScanIntervals, "scan-intervals"),
    ];

    public NodeDatabaseSnapshot? TryRead(string chainDataDirectory, string? dbPassword)
    {
        try
        {
            var factory = DatabaseInitializer.OpenReadOnly(chainDataDirectory);
            if (factory is null)
            {
                return null;
            }

            var configuration = new PersistentConfiguration(factory, keyDerivation);
            var storedValues = ToSetupValues(configuration.ReadPlainValues());
            var matches = configuration.CheckPassword(dbPassword);
            var pastNeighbors = matches && dbPassword is not null
                ? configuration.GetPastNeighbors(dbPassword) ?? []
                : null;
            return new NodeDatabaseSnapshot(storedValues, pastNeighbors, matches);
        }
        catch (Exception e) when (e is PersistenceException or SqliteException or IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, chainDataDirectory, e.Message);
            return null;
        }
    }

    /// <summary>The stored config rows that back setup parameters, keyed by the parameter's name.</summary>
    public static Dictionary<string, string> ToSetupValues(IReadOnlyDictionary<string, string?> plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (row, parameter) in StoredParameters)
        {
            if (plain.GetValueOrDefault(row) is { } value)
            {
                values[parameter] = value;
            }
        }
        return values;
    }

    [LoggerMessage(EventId = PersistenceEventIds.DatabaseUnreadable, Level = LogLevel.Warning, Message = "The Node database in {Directory} cannot be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string directory, string reason);
}
