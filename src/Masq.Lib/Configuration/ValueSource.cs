namespace Masq.Lib.Configuration;

/// <summary>Where a resolved value came from, lowest priority first.</summary>
public enum ValueSource
{
    /// <summary>A built-in or computed default.</summary>
    Default,

    /// <summary>A value stored in the Node's database.</summary>
    Database,

    ConfigFile,
    Environment,

    /// <summary>The Node's command line, or for the Daemon a value Set through setup.</summary>
    CommandLine,
}
