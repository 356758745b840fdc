using System.Globalization;
using Masq.Lib.Blockchains;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.Node.Wallets;

/// <summary>
/// Turns generateWallets and recoverWallets requests into wallets, with the rules and error codes of
/// ui-daemon-cli-config.md §5. Pure: the password check, the collision check and storing are the Configurator's.
/// </summary>
internal static class WalletRecipe
{
    /// <summary>What the Node makes when no seed spec is given.</summary>
    public const int DefaultWordCount = 24;

    public static bool TryGenerate(UiGenerateWalletsRequest request, out DerivedWallets wallets, out WalletRequestError? error)
    {
        wallets = null!;
        var spec = request.SeedSpecOpt;
        if (spec is null && (request.ConsumingDerivationPathOpt is not null || request.EarningDerivationPathOpt is not null))
        {
            error = new WalletRequestError(UiErrorCodes.MissingData, "A derivation path needs a seed spec (word count, language, passphrase)");
            return false;
        }

        if (!TryLanguage(spec?.MnemonicPhraseLanguageOpt, out var language, out error))
        {
            return false;
        }

        var wordCount = spec?.MnemonicPhraseSizeOpt ?? DefaultWordCount;
        if (!MnemonicPhrase.LegalWordCounts.Contains(wordCount))
        {
            error = new WalletRequestError(
                UiErrorCodes.IllegalMnemonicWordCount,
                string.Create(CultureInfo.InvariantCulture, $"Mnemonic phrases have 12, 15, 18, 21 or 24 words, not {wordCount}"));
            return false;
        }

        if (!TryPath(request.ConsumingDerivationPathOpt ?? DerivationPath.DefaultConsuming, "consuming", out var consumingPath, out error)
            || !TryPath(request.EarningDerivationPathOpt ?? DerivationPath.DefaultEarning, "earning", out var earningPath, out error))
        {
            return false;
        }

        var phrase = MnemonicPhrase.Generate(wordCount, language);
        var seed = phrase.DeriveSeed(spec?.MnemonicPassphraseOpt);
        try
        {
            var consumingKey = HdWallet.DerivePrivateKey(seed, consumingPath);
            var earningKey = HdWallet.DerivePrivateKey(seed, earningPath);
            wallets = new DerivedWallets(consumingKey, EthereumKeys.WalletOf(earningKey), earningKey, phrase);
            return true;
        }
        finally
        {
            Array.Clear(seed);
        }
    }

    public static bool TryRecover(UiRecoverWalletsRequest request, out DerivedWallets wallets, out WalletRequestError? error)
    {
        wallets = null!;
        var spec = request.SeedSpecOpt;
        byte[]? seed = null;
        MnemonicPhrase? phrase = null;
        try
        {
            if (spec is null)
            {
                if (request.ConsumingDerivationPathOpt is not null || request.EarningDerivationPathOpt is not null)
                {
                    error = new WalletRequestError(UiErrorCodes.MissingData, "A derivation path needs a mnemonic phrase");
                    return false;
                }

                if (request.ConsumingPrivateKeyOpt is null || request.EarningAddressOpt is null)
                {
                    error = new WalletRequestError(UiErrorCodes.MissingData, "Without a mnemonic phrase, both the consuming private key and the earning address are required");
                    return false;
                }
            }
            else
            {
                if (!TryLanguage(spec.MnemonicPhraseLanguageOpt, out var language, out error))
                {
                    return false;
                }

                if (!MnemonicPhrase.TryParse(spec.MnemonicPhrase ?? [], language, out phrase, out var problem, out var badWord))
                {
                    error = problem switch
                    {
                        MnemonicError.IllegalWordCount => new WalletRequestError(UiErrorCodes.IllegalMnemonicWordCount, "Mnemonic phrases have 12, 15, 18, 21 or 24 words"),
                        MnemonicError.UnknownWord => new WalletRequestError(UiErrorCodes.MnemonicPhrase, $"'{badWord}' is not a word of the {language.UiName} BIP-39 list"),
                        _ => new WalletRequestError(UiErrorCodes.MnemonicPhrase, "The mnemonic phrase is not valid: its checksum does not match"),
                    };
                    return false;
                }

                seed = phrase!.DeriveSeed(spec.MnemonicPassphraseOpt);
            }

            if (!TryConsumingKey(request, seed, out var consumingKey, out error)
                || !TryEarning(request, seed, out var earning, out error))
            {
                return false;
            }

            wallets = new DerivedWallets(consumingKey, earning, null, phrase);
            return true;
        }
        finally
        {
            if (seed is not null)
            {
                Array.Clear(seed);
            }
        }
    }

    private static bool TryConsumingKey(UiRecoverWalletsRequest request, byte[]? seed, out byte[] key, out WalletRequestError? error)
    {
        key = [];
        error = null;
        if (request.ConsumingPrivateKeyOpt is { } hex)
        {
            if (!EthereumKeys.TryParsePrivateKey(hex, out key, out var reason))
            {
                error = new WalletRequestError(UiErrorCodes.ConfiguratorWrite, reason);
                return false;
            }

            return true;
        }

        if (seed is null || request.ConsumingDerivationPathOpt is null)
        {
            error = new WalletRequestError(UiErrorCodes.MissingData, "The consuming wallet needs a derivation path or a private key");
            return false;
        }

        if (!TryPath(request.ConsumingDerivationPathOpt, "consuming", out var path, out error))
        {
            return false;
        }

        key = HdWallet.DerivePrivateKey(seed, path);
        return true;
    }

    private static bool TryEarning(UiRecoverWalletsRequest request, byte[]? seed, out WalletAddress earning, out WalletRequestError? error)
    {
        earning = null!;
        error = null;
        if (request.EarningAddressOpt is { } address)
        {
            if (!WalletAddress.TryParse(address.Trim(), out var parsed, out var reason))
            {
                error = new WalletRequestError(UiErrorCodes.ConfiguratorWrite, $"The earning address is not valid: {reason}");
                return false;
            }

            earning = parsed;
            return true;
        }

        if (seed is null || request.EarningDerivationPathOpt is null)
        {
            error = new WalletRequestError(UiErrorCodes.MissingData, "The earning wallet needs a derivation path or an address");
            return false;
        }

        if (!TryPath(request.EarningDerivationPathOpt, "earning", out var path, out error))
        {
            return false;
        }

        var key = HdWallet.DerivePrivateKey(seed, path);
        earning = EthereumKeys.WalletOf(key);
        Array.Clear(key);
        return true;
    }

    private static bool TryLanguage(string? name, out Bip39Language language, out WalletRequestError? error)
    {
        error = null;
        if (name is null)
        {
            language = Bip39Language.English;
            return true;
        }

        if (Bip39Language.TryParse(name, out language))
        {
            return true;
        }

        error = new WalletRequestError(
            UiErrorCodes.UnrecognizedMnemonicLanguage,
            $"'{name}' is not a mnemonic language; use one of {string.Join(", ", Bip39Language.All.Select(l => l.UiName))}");
        return false;
    }

    private static bool TryPath(string text, string role, out DerivationPath path, out WalletRequestError? error)
    {
        error = null;
        if (DerivationPath.TryParse(text, out path, out var reason))
        {
            return true;
        }

        error = new WalletRequestError(UiErrorCodes.DerivationPath, $"Bad {role} derivation path: {reason}");
        return false;
    }
}
