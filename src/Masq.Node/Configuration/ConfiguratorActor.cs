using System.Globalization;
using Masq.Daemon.Ui;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Actors;
using Masq.Node.Persistence;
using Masq.Node.Ui;
using Masq.Node.Wallets;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Configuration;

/// <summary>
/// Answers the UI's password and persistent-configuration messages: checkPassword, changePassword (and the
/// newPassword broadcast), configuration, setConfiguration, walletAddresses, generateWallets and recoverWallets.
/// </summary>
internal sealed partial class ConfiguratorActor(
    IPersistentConfiguration configuration,
    NodeRuntimeState state,
    NodeWallets wallets,
    IUiOutbound outbound,
    NodeFailure failure,
    ILogger<ConfiguratorActor> logger)
    : Actor<UiRequest>("CONFIGURATOR", failure, logger), IUiRequestHandler
{
    private static readonly string[] HandledOpcodes =
    [
        Opcodes.CheckPassword, Opcodes.ChangePassword, Opcodes.Configuration, Opcodes.SetConfiguration, Opcodes.WalletAddresses,
        Opcodes.GenerateWallets, Opcodes.RecoverWallets,
    ];

    private const string StoredSource = "stored in the database (generate-wallets or recover-wallets)";

    private const string StartupKeySource =
        "derived from the consuming private key the Node was started with (--consuming-private-key or MASQ_CONSUMING_PRIVATE_KEY); not stored and not derived from a mnemonic phrase";

    private const string StartupEarningSource = "the --earning-wallet the Node was started with; not stored and not derived from a mnemonic phrase";

    private const string DefaultEarningSource = "MASQ's default earning wallet (no --earning-wallet was given and none is stored)";

    public IReadOnlyCollection<string> UiOpcodes => HandledOpcodes;

    public ValueTask PostUiAsync(UiRequest request, CancellationToken cancellationToken) => PostAsync(request, cancellationToken);

    protected override async ValueTask HandleAsync(UiRequest message, CancellationToken cancellationToken)
    {
        var envelope = message.Envelope;
        var reply = envelope.Opcode switch
        {
            Opcodes.CheckPassword => Handle<UiCheckPasswordRequest>(envelope, CheckPassword),
            Opcodes.ChangePassword => Handle<UiChangePasswordRequest>(envelope, ChangePassword),
            Opcodes.Configuration => Handle<UiConfigurationRequest>(envelope, Configuration),
            Opcodes.SetConfiguration => Handle<UiSetConfigurationRequest>(envelope, SetConfiguration),
            Opcodes.WalletAddresses => Handle<UiWalletAddressesRequest>(envelope, WalletAddresses),
            Opcodes.GenerateWallets => Handle<UiGenerateWalletsRequest>(envelope, GenerateWallets),
            Opcodes.RecoverWallets => Handle<UiRecoverWalletsRequest>(envelope, RecoverWallets),
            _ => null,
        };
        if (reply is null)
        {
            return;
        }
        await outbound.SendAsync(message.ClientId, reply).ConfigureAwait(false);
        if (reply.Error is null && envelope.Opcode == Opcodes.ChangePassword)
        {
            await outbound.BroadcastAsync(UiEnvelope.From(new UiNewPasswordBroadcast()), exceptClientId: message.ClientId).ConfigureAwait(false);
        }
        if (reply.Error is null && envelope.Opcode == Opcodes.SetConfiguration)
        {
            await outbound.BroadcastAsync(UiEnvelope.From(new UiConfigurationChangedBroadcast()), exceptClientId: message.ClientId).ConfigureAwait(false);
        }
    }

    private static UiEnvelope? Handle<T>(UiEnvelope envelope, Func<UiEnvelope, T, UiEnvelope> handler)
        where T : IUiMessage
    {
        if (!envelope.TryGetPayload<T>(out var request, out var problem))
        {
            return envelope.IsConversational ? envelope.ErrorReply(UiErrorCodes.Unmarshal, problem) : null;
        }
        return envelope.IsConversational ? handler(envelope, request) : null;
    }

    private UiEnvelope CheckPassword(UiEnvelope envelope, UiCheckPasswordRequest request) =>
        envelope.Reply(new UiCheckPasswordResponse(configuration.CheckPassword(request.DbPasswordOpt)));

    private UiEnvelope ChangePassword(UiEnvelope envelope, UiChangePasswordRequest request)
    {
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            return envelope.ErrorReply(UiErrorCodes.ConfiguratorWrite, "The new password must not be empty");
        }
        try
        {
            configuration.ChangePassword(request.OldPasswordOpt, request.NewPassword);
        }
        catch (PasswordAlreadySetException e)
        {
            return envelope.ErrorReply(UiErrorCodes.ConfiguratorWrite, e.Message);
        }
        catch (PasswordException e)
        {
            return envelope.ErrorReply(UiErrorCodes.ConfiguratorWrite, $"PasswordError: {e.Message}");
        }
        catch (PersistenceException e)
        {
            return envelope.ErrorReply(UiErrorCodes.ConfiguratorWrite, e.Message);
        }
        state.SetDbPassword(request.NewPassword);
        LoadConsumingWalletIfUnknown(request.NewPassword);
        LogPasswordChanged();
        return envelope.Reply(new UiChangePasswordResponse());
    }

    private UiEnvelope Configuration(UiEnvelope envelope, UiConfigurationRequest request)
    {
        string field = "configuration";
        try
        {
            field = "chainName";
            var chainName = configuration.GetChainName();
            field = "paymentThresholds";
            var thresholds = PaymentThresholds.TryParse(configuration.GetPaymentThresholds(), out var pt, out var ptError) ? pt : throw new ConfigValueException("payment_thresholds", ptError);
            field = "ratePack";
            var ratePack = RatePack.TryParse(configuration.GetRatePack(), out var rp, out var rpError) ? rp : throw new ConfigValueException("rate_pack", rpError);
            field = "scanIntervals";
            var scanIntervals = ScanIntervals.TryParse(configuration.GetScanIntervals(), out var si, out var siError) ? si : throw new ConfigValueException("scan_intervals", siError);
            string? consumingKey = null;
            string? consumingAddress = null;
            IReadOnlyList<string> pastNeighbors = [];
            if (request.DbPasswordOpt is { } password && configuration.IsPasswordSet() && configuration.CheckPassword(password))
            {
                field = "consumingWalletPrivateKey";
                if (configuration.GetConsumingWalletPrivateKey(password) is { } key)
                {
                    consumingKey = Convert.ToHexString(key);
                    consumingAddress = EthereumKeys.AddressOf(key);
                }
                field = "pastNeighbors";
                pastNeighbors = configuration.GetPastNeighbors(password) ?? [];
            }
            field = "configuration";
            return envelope.Reply(new UiConfigurationResponse(
                ChainName: chainName,
                ClandestinePort: configuration.GetClandestinePort(),
                CurrentSchemaVersion: configuration.GetSchemaVersion().ToString(CultureInfo.InvariantCulture),
                GasPrice: configuration.GetGasPrice(),
                NeighborhoodMode: configuration.GetNeighborhoodMode(),
                PastNeighbors: pastNeighbors,
                PaymentThresholds: new UiPaymentThresholds(
                    thresholds.ThresholdIntervalSec,
                    thresholds.DebtThresholdGwei,
                    thresholds.PaymentGracePeriodSec,
                    thresholds.MaturityThresholdSec,
                    thresholds.PermanentDebtAllowedGwei,
                    thresholds.UnbanBelowGwei),
                RatePack: new UiRatePack(ratePack.RoutingByteRate, ratePack.RoutingServiceRate, ratePack.ExitByteRate, ratePack.ExitServiceRate),
                ScanIntervals: new UiScanIntervals(scanIntervals.PendingPayableSec, scanIntervals.PayableSec, scanIntervals.ReceivableSec),
                BlockchainServiceUrlOpt: configuration.GetBlockchainServiceUrl(),
                ConsumingWalletPrivateKeyOpt: consumingKey,
                ConsumingWalletAddressOpt: consumingAddress,
                EarningWalletAddressOpt: configuration.GetEarningWalletAddress(),
                MaxBlockCount: configuration.GetMaxBlockCount(),
                PortMappingProtocol: configuration.GetMappingProtocol()?.ToUpperInvariant(),
                StartBlock: configuration.GetStartBlock()));
        }
        catch (PersistenceException e)
        {
            LogReadFailure(field, e.Message);
            return envelope.ErrorReply(UiErrorCodes.ConfiguratorRead, field);
        }
    }

    private UiEnvelope SetConfiguration(UiEnvelope envelope, UiSetConfigurationRequest request)
    {
        var value = request.Value.Trim();
        try
        {
            switch (request.Name)
            {
                case ParameterNames.GasPrice:
                    if (!ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var gwei) || gwei == 0)
                    {
                        return envelope.ErrorReply(UiErrorCodes.NonParsableValue, $"gas-price: '{request.Value}' is not a whole number of gwei above 0");
                    }
                    configuration.SetGasPrice(gwei);
                    state.SetGasPrice(gwei);
                    break;
                case ParameterNames.MinHops:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hops) || hops is < 1 or > 6)
                    {
                        return envelope.ErrorReply(UiErrorCodes.NonParsableValue, $"min-hops: '{request.Value}' is not a number from 1 to 6");
                    }
                    configuration.SetMinHops(hops);
                    state.SetMinHops(hops);
                    break;
                case "start-block":
                    if (value == "none")
                    {
                        configuration.SetStartBlock(null);
                    }
                    else if (ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var block))
                    {
                        configuration.SetStartBlock(block);
                    }
                    else
                    {
                        return envelope.ErrorReply(UiErrorCodes.NonParsableValue, $"start-block: '{request.Value}' is neither a block number nor 'none'");
                    }
                    break;
                default:
                    return envelope.ErrorReply(UiErrorCodes.UnrecognizedParameter, $"'{request.Name}' cannot be changed at run time; only gas-price, min-hops and start-block can");
            }
        }
        catch (PersistenceException e)
        {
            return envelope.ErrorReply(UiErrorCodes.ConfiguratorWrite, e.Message);
        }
        LogConfigurationSet(request.Name, value);
        return envelope.Reply(new UiSetConfigurationResponse());
    }

    private UiEnvelope WalletAddresses(UiEnvelope envelope, UiWalletAddressesRequest request)
    {
        if (!configuration.CheckPassword(request.DbPassword))
        {
            return envelope.ErrorReply(UiErrorCodes.ConfiguratorRead, "Bad password; can't read wallet addresses");
        }
        try
        {
            var key = configuration.IsPasswordSet() ? configuration.GetConsumingWalletPrivateKey(request.DbPassword) : null;
            var earning = configuration.GetEarningWalletAddress();
            if (key is not null && earning is not null)
            {
                return envelope.Reply(new UiWalletAddressesResponse(EthereumKeys.AddressOf(key), earning, StoredSource, StoredSource));
            }

            // No stored wallets: the Node may still run with a key and an earning wallet given at start-up (as
            // masq localnet starts its Nodes). Those are the addresses it pays from and earns into, so show them.
            var current = wallets.Current;
            if (current.Consuming is not { } consuming)
            {
                return envelope.ErrorReply(UiErrorCodes.MissingData, "No wallets have been set up, and this Node runs without a consuming wallet; use generate-wallets or recover-wallets");
            }
            return envelope.Reply(new UiWalletAddressesResponse(
                key is null ? consuming.ToString() : EthereumKeys.AddressOf(key),
                earning ?? current.Earning.ToString(),
                key is null ? StartupKeySource : StoredSource,
                earning is not null ? StoredSource : current.EarningIsDefault ? DefaultEarningSource : StartupEarningSource));
        }
        catch (PersistenceException e)
        {
            return envelope.ErrorReply(UiErrorCodes.ConfiguratorRead, e.Message);
        }
    }

    private UiEnvelope GenerateWallets(UiEnvelope envelope, UiGenerateWalletsRequest request)
    {
        if (!PasswordOpensWallets(request.DbPassword))
        {
            return envelope.ErrorReply(UiErrorCodes.BadPassword, "Bad password; can't generate wallets");
        }
        if (!WalletRecipe.TryGenerate(request, out var derived, out var error))
        {
            return envelope.ErrorReply(error!.Code, error.Message);
        }
        if (StoreWallets(derived, request.DbPassword) is { } refusal)
        {
            return envelope.ErrorReply(refusal.Code, refusal.Message);
        }
        LogWalletsGenerated(derived.ConsumingWallet.ToString(), derived.EarningWallet.ToString());
        return envelope.Reply(new UiGenerateWalletsResponse(
            ConsumingWalletAddress: derived.ConsumingWallet.ToString(),
            ConsumingWalletPrivateKey: EthereumKeys.ToHex(derived.ConsumingPrivateKey),
            EarningWalletAddress: derived.EarningWallet.ToString(),
            EarningWalletPrivateKey: EthereumKeys.ToHex(derived.EarningPrivateKey!),
            MnemonicPhraseOpt: derived.Phrase?.Words.ToArray()));
    }

    private UiEnvelope RecoverWallets(UiEnvelope envelope, UiRecoverWalletsRequest request)
    {
        if (!PasswordOpensWallets(request.DbPassword))
        {
            return envelope.ErrorReply(UiErrorCodes.BadPassword, "Bad password; can't recover wallets");
        }
        if (!WalletRecipe.TryRecover(request, out var derived, out var error))
        {
            return envelope.ErrorReply(error!.Code, error.Message);
        }
        if (StoreWallets(derived, request.DbPassword) is { } refusal)
        {
            return envelope.ErrorReply(refusal.Code, refusal.Message);
        }
        LogWalletsRecovered(derived.ConsumingWallet.ToString(), derived.EarningWallet.ToString());
        return envelope.Reply(new UiRecoverWalletsResponse());
    }

    private bool PasswordOpensWallets(string? password) =>
        password is not null && configuration.IsPasswordSet() && configuration.CheckPassword(password);

    /// <summary>
    /// Refuses to replace different stored wallets; otherwise stores the encrypted consuming key and the earning
    /// address together and switches the running Node to them.
    /// </summary>
    private WalletRequestError? StoreWallets(DerivedWallets derived, string password)
    {
        try
        {
            var storedKey = configuration.GetConsumingWalletPrivateKey(password);
            var storedEarning = configuration.GetEarningWalletAddress();
            if (storedKey is not null && !storedKey.AsSpan().SequenceEqual(derived.ConsumingPrivateKey))
            {
                return new WalletRequestError(UiErrorCodes.ConfiguratorWrite, "Collision: a different consuming wallet is already set up; cannot replace it");
            }
            if (storedEarning is not null && !string.Equals(storedEarning, derived.EarningWallet.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return new WalletRequestError(UiErrorCodes.ConfiguratorWrite, "Collision: a different earning wallet is already set up; cannot replace it");
            }
            configuration.SetWallets(derived.ConsumingPrivateKey, derived.EarningWallet.ToString(), password);
        }
        catch (PasswordException e)
        {
            return new WalletRequestError(UiErrorCodes.ConfiguratorWrite, $"PasswordError: {e.Message}");
        }
        catch (PersistenceException e)
        {
            return new WalletRequestError(UiErrorCodes.ConfiguratorWrite, e.Message);
        }
        wallets.Replace(derived.ConsumingPrivateKey, derived.EarningWallet);
        return null;
    }

    private void LoadConsumingWalletIfUnknown(string password)
    {
        if (wallets.Current.HasConsumingWallet)
        {
            return;
        }
        try
        {
            if (configuration.GetConsumingWalletPrivateKey(password) is { } key)
            {
                wallets.SetConsumingKey(key);
            }
        }
        catch (PersistenceException e)
        {
            LogReadFailure("consumingWalletPrivateKey", e.Message);
        }
    }

    [LoggerMessage(EventId = ConfigurationEventIds.PasswordChanged, Level = LogLevel.Information, Message = "The database password was changed")]
    private partial void LogPasswordChanged();

    [LoggerMessage(EventId = ConfigurationEventIds.ValueSet, Level = LogLevel.Information, Message = "Set {Name} to {Value} at run time")]
    private partial void LogConfigurationSet(string name, string value);

    [LoggerMessage(EventId = ConfigurationEventIds.FieldUnreadable, Level = LogLevel.Error, Message = "Could not read {Field} from the database: {Reason}")]
    private partial void LogReadFailure(string field, string reason);

    [LoggerMessage(EventId = ConfigurationEventIds.WalletsGenerated, Level = LogLevel.Information, Message = "Generated new wallets: consuming {Consuming}, earning {Earning}")]
    private partial void LogWalletsGenerated(string consuming, string earning);

    [LoggerMessage(EventId = ConfigurationEventIds.WalletsRecovered, Level = LogLevel.Information, Message = "Recovered wallets: consuming {Consuming}, earning {Earning}")]
    private partial void LogWalletsRecovered(string consuming, string earning);
}
