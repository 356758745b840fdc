namespace Masq.Lib.Configuration;

/// <summary>Hidden test hook (<c>--crash-point</c>): where the Node deliberately fails.</summary>
public enum CrashPoint
{
    /// <summary>Never crash deliberately; crash requests from UIs are ignored.</summary>
    None,

    /// <summary>The bootstrapper panics at start.</summary>
    Panic,

    /// <summary>The actor system stops with exit code 1.</summary>
    Error,

    /// <summary>A <c>crash</c> UI message makes the named actor fail.</summary>
    Message,
}
