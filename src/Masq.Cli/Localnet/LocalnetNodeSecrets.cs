namespace Masq.Cli.Localnet;

/// <summary>The secrets one Node is started with; kept in <c>localnet.json</c> (mode 0600) so a later <c>up</c> reopens its database.</summary>
internal sealed record LocalnetNodeSecrets(string DbPassword, string ConsumingPrivateKey)
{
    public static LocalnetNodeSecrets New() => new(LocalnetSecrets.NewDbPassword(), LocalnetSecrets.NewConsumingPrivateKey());
}
