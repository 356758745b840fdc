namespace Masq.Lib.Configuration;

/// <summary>Where a setup value came from; sent on the wire as the bare name.</summary>
public enum SetupStatus
{
    Default,
    Configured,
    Set,
    Blank,
    Required,
}
