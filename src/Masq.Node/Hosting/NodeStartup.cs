using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Persistence;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Hosting;

/// <summary>The start-up steps between opening the database and serving: reconciling and settling the identity.</summary>
internal static class NodeStartup
{
    /// <summary>
    /// Makes the database agree with what the user gave this run (persisting the values the database backs), and
    /// checks the one-run wallet flags against the stored wallets. Returns the problems; nothing is stored then.
    /// </summary>
    public static IReadOnlyList<ConfigurationError> Reconcile(NodeSettings settings, NodeConfigurationResult resolved, IPersistentConfiguration configuration, ILogger logger)
    {
        var problems = new List<ConfigurationError>();
        var storedEarning = configuration.GetEarningWalletAddress();
        if (settings.EarningWallet is { } earning && storedEarning is not null
            && !string.Equals(earning.ToString(), storedEarning, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new ConfigurationError(ParameterNames.EarningWallet, $"{earning} differs from the earning wallet already stored in the database ({storedEarning})"));
        }
        if (settings.ConsumingPrivateKey is { } consuming && settings.DbPassword is { } password && configuration.CheckPassword(password) && configuration.IsPasswordSet()
            && configuration.GetConsumingWalletPrivateKey(password) is { } storedKey
            && !string.Equals(Convert.ToHexString(storedKey), consuming, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new ConfigurationError(ParameterNames.ConsumingPrivateKey, "differs from the consuming wallet already stored in the database"));
        }
        if (problems.Count > 0)
        {
            return problems;
        }

        bool Given(string name) => resolved.Values.TryGetValue(name, out var value) && value.IsGiven;
        if (Given(ParameterNames.BlockchainServiceUrl))
        {
            configuration.SetBlockchainServiceUrl(settings.BlockchainServiceUrl?.ToString());
        }
        if (settings.ClandestinePort is { } port && port != configuration.GetClandestinePort())
        {
            configuration.SetClandestinePort((ushort)port);
        }
        if (Given(ParameterNames.NeighborhoodMode))
        {
            configuration.SetNeighborhoodMode(settings.NeighborhoodMode.ToText());
        }
        if (Given(ParameterNames.GasPrice))
        {
            configuration.SetGasPrice(settings.GasPrice);
        }
        if (Given(ParameterNames.MinHops))
        {
            configuration.SetMinHops(settings.MinHops);
        }
        if (Given(ParameterNames.MappingProtocol) && resolved.Values[ParameterNames.MappingProtocol].Value is { Length: > 0 } protocol)
        {
            configuration.SetMappingProtocol(protocol.ToLowerInvariant());
        }
        if (Given(ParameterNames.PaymentThresholds))
        {
            configuration.SetPaymentThresholds(settings.PaymentThresholds.ToString());
        }
        if (Given(ParameterNames.RatePack))
        {
            configuration.SetRatePack(settings.RatePack.ToString());
        }
        if (Given(ParameterNames.ScanIntervals))
        {
            configuration.SetScanIntervals(settings.ScanIntervals.ToString());
        }
        if (settings.EarningWallet is null)
        {
            logger.LogWarning("No earning wallet is configured: what this Node earns goes to the default earning wallet {Wallet}", WalletAddress.DefaultEarningWallet);
        }
        return problems;
    }

    /// <summary>
    /// The main key pair is reused from the database when the password is known (unless <c>new-public-key on</c>),
    /// otherwise generated, and saved encrypted when the password is known. The alias is new every run.
    /// </summary>
    /// <param name="routerAddress">The router's public address, when port mapping found it; a given <c>--ip</c> wins.</param>
    public static NodeIdentity EstablishIdentity(NodeSettings settings, IPersistentConfiguration configuration, ILogger logger, System.Net.IPAddress? routerAddress = null)
    {
        var contract = settings.Chain.ContractAddress.Bytes;
        ICryptDE main;
        if (settings.FakePublicKey is { } fake)
        {
            main = new CryptDeNull(new PublicKey(Convert.FromBase64String(fake)), contract);
        }
        else
        {
            main = LoadOrGenerate(settings, configuration, contract, logger);
        }
        var clandestinePort = settings.ClandestinePort ?? configuration.GetClandestinePort();
        var publicDescriptor = settings.NeighborhoodMode == NeighborhoodMode.Standard && (settings.Ip ?? routerAddress) is { } ip
            ? new NodeDescriptor(settings.Chain, main.PublicKey.Span, new NodeAddr(ip, [clandestinePort]))
            : null;
        var logged = publicDescriptor ?? new NodeDescriptor(settings.Chain, main.PublicKey.Span, null);
        return new NodeIdentity(main, main.CreateAlias(), publicDescriptor, logged);
    }

    private static CryptDeReal LoadOrGenerate(NodeSettings settings, IPersistentConfiguration configuration, ReadOnlySpan<byte> contract, ILogger logger)
    {
        var password = settings.DbPassword;
        var passwordWorks = password is not null && configuration.IsPasswordSet() && configuration.CheckPassword(password);
        if (passwordWorks && !settings.NewPublicKey && configuration.GetLastCryptde(password!) is { } stored)
        {
            try
            {
                return CryptDeReal.Import(stored, contract);
            }
            catch (CryptDeException e)
            {
                logger.LogWarning("The stored Node key pair cannot be used ({Reason}); generating a new one", e.Message);
            }
        }
        var generated = CryptDeReal.Generate(contract);
        if (passwordWorks)
        {
            configuration.SetLastCryptde(generated.ExportKeyPair(), password!);
        }
        else
        {
            logger.LogInformation("No database password: this Node's public key is new and will not be kept for the next run");
        }
        return generated;
    }
}
