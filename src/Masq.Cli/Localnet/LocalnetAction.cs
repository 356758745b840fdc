namespace Masq.Cli.Localnet;

/// <summary>What <c>masq localnet</c> is asked to do.</summary>
internal enum LocalnetAction
{
    Up,
    Down,
    Status,
}
